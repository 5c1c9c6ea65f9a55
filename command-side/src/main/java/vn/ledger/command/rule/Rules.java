package vn.ledger.command.rule;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateLifecycle;

/** Rules shared by every aggregate, each a rejection with its own problem code. */
public final class Rules {

    /** Business dates outside this range are typing mistakes, not history or plans. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    private Rules() {}

    /** The founding of the Communist Party of Vietnam: no member joined before it. */
    public static final LocalDate PARTY_FOUNDED = LocalDate.of(1930, 2, 3);

    public static final class DateOutOfRange extends RuleViolation {
        public DateOutOfRange(String field, LocalDate date) {
            this(field, date, EARLIEST_DATE, LATEST_DATE);
        }

        public DateOutOfRange(String field, LocalDate date, LocalDate earliest, LocalDate latest) {
            super("date-out-of-range", Kind.INVALID, field,
                    "The date " + date + " is outside " + earliest + " to " + latest + ".");
        }
    }

    public static final class NegativeCount extends RuleViolation {
        public NegativeCount(String field, long value) {
            super("negative-count", Kind.INVALID, field, "A count cannot be negative (" + value + ").");
        }
    }

    public static final class VersionMismatch extends RuleViolation {
        public VersionMismatch(long expected, long actual) {
            super("version-mismatch", Kind.PRECONDITION_FAILED, "The record is at version " + actual
                    + ", not " + expected + " (If-Match); read it again and retry.");
        }
    }

    public static final class ForbiddenForUnit extends RuleViolation {
        public ForbiddenForUnit(Collection<UUID> unitIds) {
            super("forbidden-unit", Kind.FORBIDDEN,
                    "You may write only for the units assigned to you; this record belongs to " + unitIds + ".");
        }
    }

    public static final class ForbiddenRole extends RuleViolation {
        public ForbiddenRole(String role) {
            super("forbidden-role", Kind.FORBIDDEN, "The role " + role + " may not do this.");
        }
    }

    public static final class UnitNotFound extends RuleViolation {
        public UnitNotFound(String field, UUID unitId) {
            super("unit-not-found", Kind.NOT_FOUND, field, "No unit has the id " + unitId + ".");
        }
    }

    public static final class UnitMergedAway extends RuleViolation {
        public UnitMergedAway(UUID unitId, UUID intoUnitId) {
            super("unit-merged", Kind.CONFLICT,
                    "The unit " + unitId + " was merged into " + intoUnitId + " and takes no new records.");
        }
    }

    public static final class MemberNotFound extends RuleViolation {
        public MemberNotFound(UUID memberId) {
            super("member-not-found", Kind.NOT_FOUND, "No member has the id " + memberId + ".");
        }
    }

    public static final class DuplicateEntry extends RuleViolation {
        public DuplicateEntry(String code, String field, Object value) {
            super(code, Kind.INVALID, field, value + " is listed more than once.");
        }
    }

    public static final class ReasonRequired extends RuleViolation {
        public ReasonRequired() {
            super("reason-required", Kind.INVALID, "reason", "Give the reason.");
        }
    }

    public static void requireSaneDate(String field, LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new DateOutOfRange(field, date);
        }
    }

    /** A date of the past that may lie before {@link #EARLIEST_DATE}, such as a birth or a joining date. */
    public static void requireDateBetween(String field, LocalDate date, LocalDate earliest, LocalDate latest) {
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            throw new DateOutOfRange(field, date, earliest, latest);
        }
    }

    public static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new NegativeCount(field, value);
        }
    }

    /** {@code If-Match}: when the client names a version, it must be the aggregate's current one. */
    public static void requireVersion(Long expected) {
        if (expected == null) {
            return;
        }
        Long actual = AggregateLifecycle.getVersion();
        if (actual == null || expected.longValue() != actual.longValue()) {
            throw new VersionMismatch(expected, actual == null ? -1 : actual);
        }
    }

    public static <T> void requireDistinct(Collection<T> values, String code, String field) {
        Set<T> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(value)) {
                throw new DuplicateEntry(code, field, value);
            }
        }
    }

    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReasonRequired();
        }
        return reason.strip();
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
