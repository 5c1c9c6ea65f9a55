package vn.ledger.command.session;

import java.time.LocalDate;
import java.util.UUID;
import vn.ledger.command.rule.RuleViolation;

/** The rules a session record obeys, each a rejection with its own problem code. */
final class SessionRules {

    /** Business dates outside this range are typing mistakes, not history or plans. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    private SessionRules() {}

    private abstract static class FieldRuleViolation extends RuleViolation {
        private final String field;

        FieldRuleViolation(String code, Kind kind, String field, String message) {
            super(code, kind, message);
            this.field = field;
        }

        @Override
        public String field() {
            return field;
        }
    }

    static final class SessionNotFound extends RuleViolation {
        SessionNotFound(UUID sessionId) {
            super("session-not-found", Kind.NOT_FOUND, "No session has the id " + sessionId + ".");
        }
    }

    static final class SessionAlreadyExists extends RuleViolation {
        SessionAlreadyExists(UUID sessionId) {
            super("session-already-exists", Kind.CONFLICT, "A session with the id " + sessionId + " already exists.");
        }
    }

    static final class DuplicateUnit extends FieldRuleViolation {
        DuplicateUnit(UUID unitId) {
            super("duplicate-unit", Kind.INVALID, "unitIds", "The unit " + unitId + " is listed more than once.");
        }
    }

    static final class DateOutOfRange extends FieldRuleViolation {
        DateOutOfRange(String field, LocalDate date) {
            super("date-out-of-range", Kind.INVALID, field,
                    "The date " + date + " is outside " + EARLIEST_DATE + " to " + LATEST_DATE + ".");
        }
    }

    static final class VenueRequired extends FieldRuleViolation {
        VenueRequired() {
            super("venue-required", Kind.INVALID, "venue", "A session held in person needs a venue.");
        }
    }

    static final class OnlineUrlRequired extends FieldRuleViolation {
        OnlineUrlRequired() {
            super("online-url-required", Kind.INVALID, "onlineUrl", "A session held online needs a link.");
        }
    }

    static final class DuplicateMember extends FieldRuleViolation {
        DuplicateMember(UUID memberId) {
            super("duplicate-member", Kind.INVALID, "entries",
                    "The member " + memberId + " is listed more than once in this command.");
        }
    }

    static final class NegativeCount extends FieldRuleViolation {
        NegativeCount(String field, int value) {
            super("negative-count", Kind.INVALID, field, "A count cannot be negative (" + value + ").");
        }
    }

    static final class PerformanceAlreadyLogged extends RuleViolation {
        PerformanceAlreadyLogged(UUID performanceId) {
            super("performance-already-logged", Kind.CONFLICT,
                    "The performance " + performanceId + " is already logged with other details;"
                            + " a change to it is a correction.");
        }
    }

    static void requireSaneDate(String field, LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new DateOutOfRange(field, date);
        }
    }
}
