package vn.ledger.command.audit;

import vn.ledger.command.rule.RuleViolation;

/** The audit API's rejections, each with its own stable problem code. */
final class AuditProblems {

    private AuditProblems() {}

    static final class NoCheckpoint extends RuleViolation {
        NoCheckpoint() {
            super("no-checkpoint", Kind.NOT_FOUND, "No checkpoint has been signed yet; POST /api/v1/audit/checkpoint"
                    + " signs one.");
        }
    }

    static final class EventNotFound extends RuleViolation {
        EventNotFound(String eventId) {
            super("event-not-found", Kind.NOT_FOUND, "eventId", "No event has the id " + eventId + ".");
        }
    }

    static final class NotSealedYet extends RuleViolation {
        NotSealedYet(String eventId) {
            super("not-sealed-yet", Kind.CONFLICT, "The event " + eventId + " is in the log but the sealer has not"
                    + " reached it yet; ask again in a few seconds.");
        }
    }

    static final class NotInCheckpointYet extends RuleViolation {
        NotInCheckpointYet(String eventId, long leafIndex, long treeSize) {
            super("not-in-checkpoint-yet", Kind.CONFLICT, "The event " + eventId + " is sealed as leaf " + leafIndex
                    + ", after the latest checkpoint (" + treeSize + " events); wait for the next checkpoint or"
                    + " POST /api/v1/audit/checkpoint.");
        }
    }

    static final class UnknownTreeSize extends RuleViolation {
        UnknownTreeSize(String field, long treeSize) {
            super("unknown-tree-size", Kind.INVALID, field, "No checkpoint has the tree size " + treeSize
                    + "; proofs and exports are made at the sizes of signed checkpoints.");
        }
    }

    static final class TreeSizeTooSmall extends RuleViolation {
        TreeSizeTooSmall(String eventId, long leafIndex, long treeSize) {
            super("tree-size-too-small", Kind.INVALID, "treeSize", "The event " + eventId + " is leaf " + leafIndex
                    + ", not in the tree of " + treeSize + " events.");
        }
    }

    static final class InvalidRange extends RuleViolation {
        InvalidRange(long from, long to) {
            super("invalid-range", Kind.INVALID, "from", "A consistency proof runs from the smaller tree to the"
                    + " larger, not from " + from + " to " + to + ".");
        }
    }

    static final class MissingParameter extends RuleViolation {
        MissingParameter(String parameter) {
            super("missing-parameter", Kind.INVALID, parameter, "The parameter '" + parameter + "' is required.");
        }
    }

    static final class SigningDisabled extends RuleViolation {
        SigningDisabled() {
            super("audit-signing-disabled", Kind.CONFLICT, "This instance does not sign checkpoints"
                    + " (ledger.audit.enabled=false); ask the instance that does.");
        }
    }
}
