package vn.ledger.command.unit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.command.api.CommandOutcome;
import vn.ledger.command.api.CommandResponse;
import vn.ledger.command.api.CommandSender;
import vn.ledger.command.rule.Rules;
import vn.ledger.command.unit.UnitCommands.CommendUnit;
import vn.ledger.command.unit.UnitCommands.MergeUnit;
import vn.ledger.command.unit.UnitCommands.RegisterUnit;
import vn.ledger.command.unit.UnitCommands.RenameUnit;
import vn.ledger.command.unit.UnitRequests.CommendUnitRequest;
import vn.ledger.command.unit.UnitRequests.MergeUnitRequest;
import vn.ledger.command.unit.UnitRequests.RegisterUnitRequest;
import vn.ledger.command.unit.UnitRequests.RenameUnitRequest;

/** The unit commands of {@code api.md}: register, rename, merge, and commendations. */
@RestController
class UnitController {

    private final CommandSender sender;

    UnitController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/v1/units")
    ResponseEntity<CommandResponse> register(@Valid @RequestBody RegisterUnitRequest body, HttpServletRequest request) {
        UUID unitId = body.unitId() == null ? UUID.randomUUID() : body.unitId();
        try {
            sender.sendAndWait(new RegisterUnit(unitId, body.name().strip(), body.kind(), body.parentUnitId()),
                    request, unitId);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new UnitRules.UnitAlreadyExists(unitId);
        }
        return CommandResponse.created("/api/v1/units/" + unitId, unitId,
                sender.withPositions(unitId.toString(), new CommandOutcome(0, java.util.List.of("UnitRegistered"))),
                null);
    }

    @PostMapping("/api/v1/units/{unitId}/rename")
    ResponseEntity<CommandResponse> rename(@PathVariable UUID unitId, @Valid @RequestBody RenameUnitRequest body,
                                           HttpServletRequest request) {
        CommandOutcome outcome = sender.send(
                new RenameUnit(unitId, body.name().strip(), CommandSender.expectedVersion(request)),
                request, unitId, () -> new Rules.UnitNotFound(null, unitId));
        return CommandResponse.ok(unitId, outcome);
    }

    @PostMapping("/api/v1/units/{unitId}/merge")
    ResponseEntity<CommandResponse> merge(@PathVariable UUID unitId, @Valid @RequestBody MergeUnitRequest body,
                                          HttpServletRequest request) {
        CommandOutcome outcome = sender.send(
                new MergeUnit(unitId, body.intoUnitId(), body.effectiveOn(), CommandSender.expectedVersion(request)),
                request, unitId, () -> new Rules.UnitNotFound(null, unitId));
        return CommandResponse.ok(unitId, outcome);
    }

    @PostMapping("/api/v1/commendations")
    ResponseEntity<CommandResponse> commend(@Valid @RequestBody CommendUnitRequest body, HttpServletRequest request) {
        UUID commendationId = UUID.randomUUID();
        CommandOutcome outcome = sender.send(
                new CommendUnit(body.unitId(), commendationId, body.kind(), body.reason(), body.sessionId(),
                        CommandSender.expectedVersion(request)),
                request, body.unitId(), () -> new Rules.UnitNotFound("unitId", body.unitId()));
        return CommandResponse.created("/api/v1/units/" + body.unitId(), body.unitId(), outcome, commendationId);
    }
}
