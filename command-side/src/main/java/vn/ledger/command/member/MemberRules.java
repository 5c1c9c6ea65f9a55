package vn.ledger.command.member;

import java.time.LocalDate;
import java.util.UUID;
import vn.ledger.command.rule.RuleViolation;

/** The rules of members, each a rejection with its own problem code. */
final class MemberRules {

    private MemberRules() {}

    static final class MemberAlreadyExists extends RuleViolation {
        MemberAlreadyExists(UUID memberId) {
            super("member-already-exists", Kind.CONFLICT, "memberId",
                    "A member with the id " + memberId + " already exists.");
        }
    }

    static final class CardNumberTaken extends RuleViolation {
        CardNumberTaken(String cardNumber, UUID holder) {
            super("card-number-taken", Kind.CONFLICT, "cardNumber",
                    "The Party card number " + cardNumber + " belongs to the member " + holder + " already.");
        }
    }

    static final class BornAfterJoining extends RuleViolation {
        BornAfterJoining() {
            super("born-after-joining", Kind.INVALID, "dateOfBirth", "The date of birth is not before joinedOn.");
        }
    }

    static final class UnitNotACell extends RuleViolation {
        UnitNotACell(String field, UUID unitId) {
            super("unit-not-a-cell", Kind.CONFLICT, field, "Members belong to cells; " + unitId + " is not a cell.");
        }
    }

    static final class AlreadyInUnit extends RuleViolation {
        AlreadyInUnit(UUID unitId) {
            super("already-in-unit", Kind.CONFLICT, "toUnitId", "The member already belongs to " + unitId + ".");
        }
    }

    static final class TransferBeforeCurrentMembership extends RuleViolation {
        TransferBeforeCurrentMembership(LocalDate since) {
            super("transfer-before-current-membership", Kind.CONFLICT, "effectiveOn",
                    "The member belongs to the current unit since " + since + "; a transfer takes effect after that.");
        }
    }

    static final class InvalidPeriod extends RuleViolation {
        InvalidPeriod() {
            super("invalid-period", Kind.INVALID, "to", "The period ends before it starts.");
        }
    }

    static final class ExemptionOverlaps extends RuleViolation {
        ExemptionOverlaps(LocalDate from, LocalDate to) {
            super("exemption-overlaps", Kind.CONFLICT, "from",
                    "The member is already exempt from " + from + " to " + to + ".");
        }
    }

    static final class ExemptionBeforeAdmission extends RuleViolation {
        ExemptionBeforeAdmission(LocalDate joinedOn) {
            super("exemption-before-admission", Kind.CONFLICT, "from",
                    "The member joined on " + joinedOn + "; an exemption cannot start before that.");
        }
    }
}
