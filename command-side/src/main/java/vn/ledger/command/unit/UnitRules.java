package vn.ledger.command.unit;

import java.util.UUID;
import vn.ledger.command.rule.RuleViolation;

/** The rules of the roster's units, each a rejection with its own problem code. */
final class UnitRules {

    private UnitRules() {}

    static final class UnitAlreadyExists extends RuleViolation {
        UnitAlreadyExists(UUID unitId) {
            super("unit-already-exists", Kind.CONFLICT, "unitId", "A unit with the id " + unitId + " already exists.");
        }
    }

    static final class UnitNameTaken extends RuleViolation {
        UnitNameTaken(String name, UUID holder) {
            super("unit-name-taken", Kind.CONFLICT, "name", "The unit " + holder + " already has the name " + name + ".");
        }
    }

    static final class ParentNotSubCommittee extends RuleViolation {
        ParentNotSubCommittee(UUID parentUnitId) {
            super("parent-not-sub-committee", Kind.CONFLICT, "parentUnitId",
                    "Units sit under a sub-committee; " + parentUnitId + " is a cell.");
        }
    }

    static final class MergeIntoItself extends RuleViolation {
        MergeIntoItself() {
            super("merge-into-itself", Kind.INVALID, "intoUnitId", "A unit cannot be merged into itself.");
        }
    }

    static final class MergeKindMismatch extends RuleViolation {
        MergeKindMismatch() {
            super("merge-kind-mismatch", Kind.CONFLICT, "intoUnitId",
                    "A unit merges into a unit of the same kind (a cell into a cell).");
        }
    }

    static final class UnitHasChildren extends RuleViolation {
        UnitHasChildren(UUID unitId) {
            super("unit-has-children", Kind.CONFLICT,
                    "The sub-committee " + unitId + " still has cells; merge or move them first.");
        }
    }
}
