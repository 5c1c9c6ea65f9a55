package vn.ledger.command.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.command.eventstore.AuditMetadata;
import vn.ledger.command.session.SessionRules.SessionAlreadyExists;
import vn.ledger.command.session.SessionRules.SessionNotFound;

/** The session commands of {@code api.md}: schedule, record attendance, log a performance. */
@RestController
// no "consumes" here: a body of another type must reach the handler to be answered by CommandProblems (415)
@RequestMapping("/api/v1/sessions")
class SessionCommandController {

    private final CommandGateway commandGateway;
    private final AuditMetadata auditMetadata;

    SessionCommandController(CommandGateway commandGateway, AuditMetadata auditMetadata) {
        this.commandGateway = commandGateway;
        this.auditMetadata = auditMetadata;
    }

    @PostMapping
    ResponseEntity<CommandResponse> schedule(@Valid @RequestBody ScheduleSessionRequest body,
                                             HttpServletRequest request) {
        ScheduleSession command = body.toCommand();
        UUID actingUnit = command.unitIds().size() == 1 ? command.unitIds().get(0) : null;
        try {
            send(command, request, actingUnit);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // the event store's unique (aggregate, sequence) key: the first event of this id is already stored
            throw new SessionAlreadyExists(command.sessionId());
        }
        CommandResponse response = CommandResponse.of(command.sessionId(),
                new CommandOutcome(0, List.of("SessionScheduled")));
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + command.sessionId()))
                .eTag(etag(response.version()))
                .body(response);
    }

    @PostMapping("/{sessionId}/attendance")
    ResponseEntity<CommandResponse> recordAttendance(@PathVariable UUID sessionId,
                                                     @Valid @RequestBody RecordAttendanceRequest body,
                                                     HttpServletRequest request) {
        CommandOutcome outcome = sendTo(sessionId, body.toCommand(sessionId), request);
        return ResponseEntity.ok().eTag(etag(outcome.version())).body(CommandResponse.of(sessionId, outcome));
    }

    @PostMapping("/{sessionId}/performances")
    ResponseEntity<CommandResponse> logPerformance(@PathVariable UUID sessionId,
                                                   @Valid @RequestBody LogPerformanceRequest body,
                                                   HttpServletRequest request) {
        LogPerformance command = body.toCommand(sessionId);
        CommandOutcome outcome = sendTo(sessionId, command, request);
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + sessionId))
                .eTag(etag(outcome.version()))
                .body(CommandResponse.of(sessionId, outcome).withPerformanceId(command.performanceId()));
    }

    private CommandOutcome sendTo(UUID sessionId, Object command, HttpServletRequest request) {
        try {
            return send(command, request, null);
        } catch (AggregateNotFoundException e) {
            throw new SessionNotFound(sessionId);
        }
    }

    private <R> R send(Object command, HttpServletRequest request, UUID actingUnit) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(auditMetadata.of(request, actingUnit)));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
