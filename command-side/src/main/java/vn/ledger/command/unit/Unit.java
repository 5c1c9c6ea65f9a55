package vn.ledger.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ledger.command.api.Changes;
import vn.ledger.command.api.CommandOutcome;
import vn.ledger.command.roster.Roster;
import vn.ledger.command.rule.Actor;
import vn.ledger.command.rule.Rules;
import vn.ledger.command.unit.UnitCommands.CommendUnit;
import vn.ledger.command.unit.UnitCommands.MergeUnit;
import vn.ledger.command.unit.UnitCommands.RegisterUnit;
import vn.ledger.command.unit.UnitCommands.RenameUnit;
import vn.ledger.command.unit.UnitRules.MergeIntoItself;
import vn.ledger.command.unit.UnitRules.MergeKindMismatch;
import vn.ledger.command.unit.UnitRules.ParentNotSubCommittee;
import vn.ledger.command.unit.UnitRules.UnitHasChildren;
import vn.ledger.command.unit.UnitRules.UnitNameTaken;
import vn.ledger.events.UnitCommended;
import vn.ledger.events.UnitKind;
import vn.ledger.events.UnitMerged;
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;

/** A cell or sub-committee of the committee. Guards first, then apply; event handlers only assign state. */
@Aggregate(repository = "unitRepository")
public class Unit {

    @AggregateIdentifier
    private UUID unitId;
    private String name;
    private UnitKind kind;
    private UUID mergedInto;

    Unit() {
        // for Axon: state is rebuilt from the events
    }

    @CommandHandler
    Unit(RegisterUnit command, MetaData metaData, Roster roster) {
        Actor.of(metaData).requireRole(Actor.OFFICE);
        if (command.parentUnitId() != null) {
            Roster.Unit parent = roster.unit(command.parentUnitId())
                    .orElseThrow(() -> new Rules.UnitNotFound("parentUnitId", command.parentUnitId()));
            if (parent.mergedIntoUnitId() != null) {
                throw new Rules.UnitMergedAway(parent.unitId(), parent.mergedIntoUnitId());
            }
            if (parent.kind() != UnitKind.SUB_COMMITTEE) {
                throw new ParentNotSubCommittee(parent.unitId());
            }
        }
        requireNameFree(roster, command.name(), command.unitId());
        apply(new UnitRegistered(command.unitId(), command.name(), command.kind(), command.parentUnitId()));
    }

    @CommandHandler
    CommandOutcome handle(RenameUnit command, MetaData metaData, Roster roster) {
        Actor.of(metaData).requireRole(Actor.OFFICE);
        Rules.requireVersion(command.expectedVersion());
        requireNotMerged();
        if (command.name().equals(name)) {
            return Changes.unchanged();
        }
        requireNameFree(roster, command.name(), unitId);
        Changes changes = new Changes();
        changes.apply(new UnitRenamed(unitId, command.name(), name));
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(MergeUnit command, MetaData metaData, Roster roster) {
        Actor.of(metaData).requireRole(Actor.OFFICE);
        Rules.requireVersion(command.expectedVersion());
        requireNotMerged();
        if (command.intoUnitId().equals(unitId)) {
            throw new MergeIntoItself();
        }
        Rules.requireSaneDate("effectiveOn", command.effectiveOn());
        Roster.Unit into = roster.unit(command.intoUnitId())
                .orElseThrow(() -> new Rules.UnitNotFound("intoUnitId", command.intoUnitId()));
        if (into.mergedIntoUnitId() != null) {
            throw new Rules.UnitMergedAway(into.unitId(), into.mergedIntoUnitId());
        }
        if (into.kind() != kind) {
            throw new MergeKindMismatch();
        }
        if (!roster.activeChildren(unitId).isEmpty()) {
            throw new UnitHasChildren(unitId);
        }
        LocalDate on = command.effectiveOn();
        Changes changes = new Changes();
        changes.apply(new UnitMerged(unitId, into.unitId(), on, roster.membersOf(java.util.List.of(unitId), on)));
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(CommendUnit command, MetaData metaData) {
        Actor.of(metaData).requireRole(Actor.REVIEWER, Actor.OFFICE);
        Rules.requireVersion(command.expectedVersion());
        Changes changes = new Changes();
        changes.apply(new UnitCommended(unitId, command.commendationId(), command.kind(),
                Rules.requireReason(command.reason()), command.sessionId()));
        return changes.outcome();
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        unitId = event.unitId();
        name = event.name();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(UnitRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(UnitMerged event) {
        mergedInto = event.intoUnitId();
    }

    private void requireNotMerged() {
        if (mergedInto != null) {
            throw new Rules.UnitMergedAway(unitId, mergedInto);
        }
    }

    private static void requireNameFree(Roster roster, String name, UUID self) {
        roster.activeUnitNamed(name, self).ifPresent(holder -> {
            throw new UnitNameTaken(name, holder);
        });
    }
}
