package vn.ledger.command.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.command.api.CommandOutcome;
import vn.ledger.command.api.CommandResponse;
import vn.ledger.command.api.CommandSender;
import vn.ledger.command.session.SessionCommands.AudienceCorrection;
import vn.ledger.command.session.SessionCommands.CancelSession;
import vn.ledger.command.session.SessionCommands.CorrectRecord;
import vn.ledger.command.session.SessionCommands.CountGuests;
import vn.ledger.command.session.SessionCommands.LogPerformance;
import vn.ledger.command.session.SessionCommands.NoteDiscussion;
import vn.ledger.command.session.SessionCommands.RecordAttendance;
import vn.ledger.command.session.SessionCommands.RescheduleSession;
import vn.ledger.command.session.SessionCommands.ReviewRecord;
import vn.ledger.command.session.SessionCommands.ScheduleSession;
import vn.ledger.command.session.SessionCommands.SubmitRecord;
import vn.ledger.command.session.SessionRequests.CancelSessionRequest;
import vn.ledger.command.session.SessionRequests.CorrectRecordRequest;
import vn.ledger.command.session.SessionRequests.CountGuestsRequest;
import vn.ledger.command.session.SessionRequests.Entry;
import vn.ledger.command.session.SessionRequests.LogPerformanceRequest;
import vn.ledger.command.session.SessionRequests.NoteDiscussionRequest;
import vn.ledger.command.session.SessionRequests.RecordAttendanceRequest;
import vn.ledger.command.session.SessionRequests.RescheduleSessionRequest;
import vn.ledger.command.session.SessionRequests.ReviewRecordRequest;
import vn.ledger.command.session.SessionRequests.ScheduleSessionRequest;
import vn.ledger.command.session.SessionRequests.SubmitRecordRequest;
import vn.ledger.command.session.SessionRules.SessionAlreadyExists;
import vn.ledger.command.session.SessionRules.SessionNotFound;

/** The session commands of {@code api.md}, from scheduling to review. */
// no "consumes" here: a body of another type must reach the handler to be answered by CommandProblems (415)
@RestController
@RequestMapping("/api/v1/sessions")
class SessionCommandController {

    private final CommandSender sender;

    SessionCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    ResponseEntity<CommandResponse> schedule(@Valid @RequestBody ScheduleSessionRequest body,
                                             HttpServletRequest request) {
        ScheduleSession command = body.toCommand();
        UUID actingUnit = command.unitIds().size() == 1 ? command.unitIds().get(0) : null;
        try {
            sender.sendAndWait(command, request, actingUnit);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // the event store's unique (aggregate, sequence) key: the first event of this id is already stored
            throw new SessionAlreadyExists(command.sessionId());
        }
        return CommandResponse.created("/api/v1/sessions/" + command.sessionId(), command.sessionId(),
                sender.withPositions(command.sessionId().toString(), new CommandOutcome(0, List.of("SessionScheduled"))),
                null);
    }

    @PostMapping("/{sessionId}/reschedule")
    ResponseEntity<CommandResponse> reschedule(@PathVariable UUID sessionId,
                                               @Valid @RequestBody RescheduleSessionRequest body,
                                               HttpServletRequest request) {
        return ok(sessionId, new RescheduleSession(sessionId, body.scheduledAt().toInstant(), body.reason(),
                CommandSender.expectedVersion(request)), request);
    }

    @PostMapping("/{sessionId}/cancel")
    ResponseEntity<CommandResponse> cancel(@PathVariable UUID sessionId,
                                           @Valid @RequestBody CancelSessionRequest body,
                                           HttpServletRequest request) {
        return ok(sessionId, new CancelSession(sessionId, body.reason(), CommandSender.expectedVersion(request)),
                request);
    }

    @PostMapping("/{sessionId}/attendance")
    ResponseEntity<CommandResponse> recordAttendance(@PathVariable UUID sessionId,
                                                     @Valid @RequestBody RecordAttendanceRequest body,
                                                     HttpServletRequest request) {
        return ok(sessionId, new RecordAttendance(sessionId, body.toEntries(), body.defaultStatus(),
                body.defaultMode(), CommandSender.expectedVersion(request)), request);
    }

    @PostMapping("/{sessionId}/guests")
    ResponseEntity<CommandResponse> countGuests(@PathVariable UUID sessionId,
                                                @Valid @RequestBody CountGuestsRequest body,
                                                HttpServletRequest request) {
        return ok(sessionId, new CountGuests(sessionId, body.counts(), CommandSender.expectedVersion(request)),
                request);
    }

    @PostMapping("/{sessionId}/performances")
    ResponseEntity<CommandResponse> logPerformance(@PathVariable UUID sessionId,
                                                   @Valid @RequestBody LogPerformanceRequest body,
                                                   HttpServletRequest request) {
        UUID performanceId = body.performanceId() == null ? UUID.randomUUID() : body.performanceId();
        LogPerformance command = new LogPerformance(sessionId, performanceId, body.title().strip(),
                body.genre().strip(), body.performerUnitId(), body.venue().strip(), body.performedOn(),
                body.audience(), CommandSender.expectedVersion(request));
        CommandOutcome outcome = send(sessionId, command, request);
        return CommandResponse.created("/api/v1/sessions/" + sessionId, sessionId, outcome, performanceId);
    }

    @PostMapping("/{sessionId}/discussion")
    ResponseEntity<CommandResponse> noteDiscussion(@PathVariable UUID sessionId,
                                                   @Valid @RequestBody NoteDiscussionRequest body,
                                                   HttpServletRequest request) {
        return ok(sessionId, new NoteDiscussion(sessionId, body.contributions(),
                SessionRequests.blankToNull(body.summary()), CommandSender.expectedVersion(request)), request);
    }

    @PostMapping("/{sessionId}/submit")
    ResponseEntity<CommandResponse> submit(@PathVariable UUID sessionId, @Valid @RequestBody SubmitRecordRequest body,
                                           HttpServletRequest request) {
        return ok(sessionId, new SubmitRecord(sessionId, body.minutesSummary().strip(),
                CommandSender.expectedVersion(request)), request);
    }

    @PostMapping("/{sessionId}/corrections")
    ResponseEntity<CommandResponse> correct(@PathVariable UUID sessionId,
                                            @Valid @RequestBody CorrectRecordRequest body,
                                            HttpServletRequest request) {
        return ok(sessionId, new CorrectRecord(sessionId, body.reason(),
                body.attendance() == null ? null : body.attendance().stream().map(Entry::toEntry).toList(),
                body.guests(),
                body.performances() == null ? null : body.performances().stream()
                        .map(p -> new AudienceCorrection(p.performanceId(), p.audience())).toList(),
                CommandSender.expectedVersion(request)), request);
    }

    @PostMapping("/{sessionId}/review")
    ResponseEntity<CommandResponse> review(@PathVariable UUID sessionId, @Valid @RequestBody ReviewRecordRequest body,
                                           HttpServletRequest request) {
        return ok(sessionId, new ReviewRecord(sessionId, body.decision(), SessionRequests.blankToNull(body.comment()),
                CommandSender.expectedVersion(request)), request);
    }

    private ResponseEntity<CommandResponse> ok(UUID sessionId, Object command, HttpServletRequest request) {
        return CommandResponse.ok(sessionId, send(sessionId, command, request));
    }

    private CommandOutcome send(UUID sessionId, Object command, HttpServletRequest request) {
        return sender.send(command, request, null, () -> new SessionNotFound(sessionId));
    }
}
