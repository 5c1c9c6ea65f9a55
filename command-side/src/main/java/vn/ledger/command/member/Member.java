package vn.ledger.command.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ledger.command.api.Changes;
import vn.ledger.command.api.CommandOutcome;
import vn.ledger.command.member.MemberCommands.AdmitMember;
import vn.ledger.command.member.MemberCommands.GrantExemption;
import vn.ledger.command.member.MemberCommands.TransferMember;
import vn.ledger.command.member.MemberRules.AlreadyInUnit;
import vn.ledger.command.member.MemberRules.BornAfterJoining;
import vn.ledger.command.member.MemberRules.CardNumberTaken;
import vn.ledger.command.member.MemberRules.ExemptionBeforeAdmission;
import vn.ledger.command.member.MemberRules.ExemptionOverlaps;
import vn.ledger.command.member.MemberRules.InvalidPeriod;
import vn.ledger.command.member.MemberRules.TransferBeforeCurrentMembership;
import vn.ledger.command.member.MemberRules.UnitNotACell;
import vn.ledger.command.roster.Roster;
import vn.ledger.command.rule.Actor;
import vn.ledger.command.rule.Rules;
import vn.ledger.events.ExemptionGranted;
import vn.ledger.events.MemberAdmitted;
import vn.ledger.events.MemberTransferred;
import vn.ledger.events.UnitKind;

/**
 * A member of the committee. The unit a member belongs to changes by transfers and by merges of units (a unit's
 * event), so it is read from the roster, not kept here.
 */
@Aggregate(repository = "memberRepository")
public class Member {

    /** An exemption period, both ends inclusive. */
    private record Period(LocalDate from, LocalDate to) {
        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return !otherTo.isBefore(from) && !otherFrom.isAfter(to);
        }
    }

    /** Birth dates before this are typing mistakes. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    @AggregateIdentifier
    private UUID memberId;
    private LocalDate joinedOn;
    private final List<Period> exemptions = new ArrayList<>();

    Member() {
        // for Axon: state is rebuilt from the events
    }

    @CommandHandler
    Member(AdmitMember command, MetaData metaData, Roster roster) {
        Actor.of(metaData).requireRole(Actor.OFFICE);
        Rules.requireDateBetween("joinedOn", command.joinedOn(), Rules.PARTY_FOUNDED, Rules.LATEST_DATE);
        requireCellOn(roster, "unitId", command.unitId(), command.joinedOn());
        if (command.dateOfBirth() != null) {
            Rules.requireDateBetween("dateOfBirth", command.dateOfBirth(), EARLIEST_BIRTH, Rules.LATEST_DATE);
            if (!command.dateOfBirth().isBefore(command.joinedOn())) {
                throw new BornAfterJoining();
            }
        }
        if (command.cardNumber() != null) {
            roster.memberWithCard(command.cardNumber()).ifPresent(holder -> {
                throw new CardNumberTaken(command.cardNumber(), holder);
            });
        }
        apply(new MemberAdmitted(command.memberId(), command.fullName(), command.unitId(), command.status(),
                command.joinedOn(), command.cardNumber(), command.dateOfBirth(), command.phone()));
    }

    @CommandHandler
    CommandOutcome handle(TransferMember command, MetaData metaData, Roster roster) {
        Actor.of(metaData).requireRole(Actor.OFFICE);
        Rules.requireVersion(command.expectedVersion());
        Rules.requireSaneDate("effectiveOn", command.effectiveOn());
        requireCellOn(roster, "toUnitId", command.toUnitId(), command.effectiveOn());
        LocalDate since = roster.currentMembershipSince(memberId).orElse(joinedOn);
        if (!command.effectiveOn().isAfter(since)) {
            throw new TransferBeforeCurrentMembership(since);
        }
        UUID from = roster.unitOf(memberId, command.effectiveOn()).orElseThrow();
        if (from.equals(command.toUnitId())) {
            throw new AlreadyInUnit(from);
        }
        Changes changes = new Changes();
        changes.apply(new MemberTransferred(memberId, from, command.toUnitId(), command.effectiveOn()));
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(GrantExemption command, MetaData metaData) {
        Actor.of(metaData).requireRole(Actor.OFFICE);
        Rules.requireVersion(command.expectedVersion());
        Rules.requireSaneDate("from", command.from());
        Rules.requireSaneDate("to", command.to());
        if (command.to().isBefore(command.from())) {
            throw new InvalidPeriod();
        }
        if (command.from().isBefore(joinedOn)) {
            throw new ExemptionBeforeAdmission(joinedOn);
        }
        for (Period period : exemptions) {
            if (period.overlaps(command.from(), command.to())) {
                throw new ExemptionOverlaps(period.from(), period.to());
            }
        }
        Changes changes = new Changes();
        changes.apply(new ExemptionGranted(memberId, command.from(), command.to(),
                Rules.requireReason(command.reason())));
        return changes.outcome();
    }

    @EventSourcingHandler
    void on(MemberAdmitted event) {
        memberId = event.memberId();
        joinedOn = event.joinedOn();
    }

    @EventSourcingHandler
    void on(ExemptionGranted event) {
        exemptions.add(new Period(event.from(), event.to()));
    }

    private static void requireCellOn(Roster roster, String field, UUID unitId, LocalDate date) {
        Roster.Unit unit = roster.unit(unitId).orElseThrow(() -> new Rules.UnitNotFound(field, unitId));
        if (!unit.isActiveOn(date)) {
            throw new Rules.UnitMergedAway(unitId, unit.mergedIntoUnitId());
        }
        if (unit.kind() != UnitKind.CELL) {
            throw new UnitNotACell(field, unitId);
        }
    }
}
