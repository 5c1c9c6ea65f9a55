package vn.ledger.command.member;

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
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.command.api.CommandOutcome;
import vn.ledger.command.api.CommandResponse;
import vn.ledger.command.api.CommandSender;
import vn.ledger.command.member.MemberCommands.AdmitMember;
import vn.ledger.command.member.MemberCommands.GrantExemption;
import vn.ledger.command.member.MemberCommands.TransferMember;
import vn.ledger.command.member.MemberRequests.AdmitMemberRequest;
import vn.ledger.command.member.MemberRequests.GrantExemptionRequest;
import vn.ledger.command.member.MemberRequests.TransferMemberRequest;
import vn.ledger.command.rule.Rules;

/** The member commands of {@code api.md}: admit, transfer, exemptions. */
@RestController
class MemberController {

    private final CommandSender sender;

    MemberController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/v1/members")
    ResponseEntity<CommandResponse> admit(@Valid @RequestBody AdmitMemberRequest body, HttpServletRequest request) {
        UUID memberId = body.memberId() == null ? UUID.randomUUID() : body.memberId();
        try {
            sender.sendAndWait(new AdmitMember(memberId, body.fullName().strip(), body.unitId(), body.status(),
                    body.joinedOn(), strip(body.cardNumber()), body.dateOfBirth(), strip(body.phone())),
                    request, body.unitId());
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new MemberRules.MemberAlreadyExists(memberId);
        }
        return CommandResponse.created("/api/v1/members/" + memberId, memberId,
                sender.withPositions(memberId.toString(), new CommandOutcome(0, List.of("MemberAdmitted"))), null);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @PostMapping("/api/v1/members/{memberId}/transfer")
    ResponseEntity<CommandResponse> transfer(@PathVariable UUID memberId,
                                             @Valid @RequestBody TransferMemberRequest body,
                                             HttpServletRequest request) {
        CommandOutcome outcome = sender.send(new TransferMember(memberId, body.toUnitId(), body.effectiveOn(),
                CommandSender.expectedVersion(request)), request, body.toUnitId(),
                () -> new Rules.MemberNotFound(memberId));
        return CommandResponse.ok(memberId, outcome);
    }

    @PostMapping("/api/v1/members/{memberId}/exemptions")
    ResponseEntity<CommandResponse> exempt(@PathVariable UUID memberId,
                                           @Valid @RequestBody GrantExemptionRequest body,
                                           HttpServletRequest request) {
        CommandOutcome outcome = sender.send(new GrantExemption(memberId, body.from(), body.to(), body.reason(),
                CommandSender.expectedVersion(request)), request, null, () -> new Rules.MemberNotFound(memberId));
        return CommandResponse.created("/api/v1/members/" + memberId, memberId, outcome, null);
    }
}
