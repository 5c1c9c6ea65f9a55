package vn.ledger.query.stats;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ledger.events.AttendanceCorrected;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.ExemptionGranted;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.GuestsCorrected;
import vn.ledger.events.GuestsCounted;
import vn.ledger.events.MemberAdmitted;
import vn.ledger.events.MemberTransferred;
import vn.ledger.events.PerformanceCorrected;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.SessionCancelled;
import vn.ledger.events.SessionRescheduled;
import vn.ledger.events.SessionScheduled;
import vn.ledger.events.UnitMerged;
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;
import vn.ledger.query.projection.ProjectionWriter;
import vn.ledger.query.projection.WriteBehind;

/**
 * Writes the facts of {@code stats-v1} into one generation's schema, each change as a new version of its row valid
 * from the event's position (see {@code db/projection/stats-v1}). Writing the same event twice gives the same rows,
 * so a replay matches incremental processing row for row. Events that change no number (discussion, submission,
 * review, commendations) are ignored.
 *
 * <p>The versions are kept in a {@link VersionBuffer} for the rest of the transaction (a batch of events) and
 * written before it commits, one set-based statement per table ({@link WriteBehind}).
 */
final class StatsWriter implements ProjectionWriter {

    private final JdbcTemplate jdbc;
    private final Supplier<String> schema;
    private final boolean batched;

    /**
     * @param batched whether a transaction's events are written together before it commits, or each event at once
     *     ({@link vn.ledger.query.readmodel.ProcessingMode#AXON_DEFAULTS})
     */
    StatsWriter(JdbcTemplate jdbc, Supplier<String> schema, boolean batched) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.batched = batched;
    }

    @Override
    public void apply(EventMessage<?> event, long p) {
        apply(event.getPayload(), p);
    }

    void apply(Object payload, long p) {
        if (!StatsTables.concerns(payload)) {
            return;
        }
        VersionBuffer pending = batched ? WriteBehind.inTransaction(this, this::buffer) : null;
        if (pending != null) {
            apply(pending, payload, p);
        } else {
            VersionBuffer single = buffer();
            apply(single, payload, p);
            single.flush();
        }
    }

    private VersionBuffer buffer() {
        return new VersionBuffer(jdbc, schema.get());
    }

    private void apply(VersionBuffer rows, Object payload, long p) {
        if (payload instanceof UnitRegistered e) {
            put(rows, "unit", p, keys("unit_id", e.unitId()), values("name", e.name(), "kind", e.kind().name(),
                    "parent_unit_id", e.parentUnitId(), "merged_into_unit_id", null, "merged_on", null));
        } else if (payload instanceof UnitRenamed e) {
            change(rows, "unit", p, keys("unit_id", e.unitId()), values("name", e.name()));
        } else if (payload instanceof UnitMerged e) {
            // past sessions stay attributed to the merged unit, as the committee reported them
            change(rows, "unit", p, keys("unit_id", e.unitId()),
                    values("merged_into_unit_id", e.intoUnitId(), "merged_on", Date.valueOf(e.effectiveOn())));
            for (UUID memberId : e.movedMemberIds()) {
                move(rows, p, memberId, e.intoUnitId(), e.effectiveOn());
            }
        } else if (payload instanceof MemberAdmitted e) {
            put(rows, "member", p, keys("member_id", e.memberId()),
                    values("full_name", e.fullName(), "admitted_on", Date.valueOf(e.joinedOn())));
            put(rows, "membership", p, keys("member_id", e.memberId(), "from_date", Date.valueOf(e.joinedOn())),
                    values("unit_id", e.unitId(), "to_date", null));
        } else if (payload instanceof MemberTransferred e) {
            move(rows, p, e.memberId(), e.toUnitId(), e.effectiveOn());
        } else if (payload instanceof ExemptionGranted e) {
            put(rows, "exemption", p, keys("member_id", e.memberId(), "from_date", Date.valueOf(e.from())),
                    values("to_date", Date.valueOf(e.to())));
        } else if (payload instanceof SessionScheduled e) {
            LocalDate on = e.scheduledAt().atZone(Quarter.ZONE).toLocalDate();
            put(rows, "session", p, keys("session_id", e.sessionId()), values("scheduled_on", Date.valueOf(on),
                    "quarter", Quarter.of(on).toString(), "held", false, "cancelled", false));
            for (UUID unitId : e.unitIds()) {
                put(rows, "session_unit", p, keys("session_id", e.sessionId(), "unit_id", unitId), values());
            }
        } else if (payload instanceof SessionRescheduled e) {
            reschedule(rows, p, e.sessionId(), e.scheduledAt());
        } else if (payload instanceof SessionCancelled e) {
            change(rows, "session", p, keys("session_id", e.sessionId()), values("cancelled", true));
        } else if (payload instanceof AttendanceRecorded e) {
            record(rows, p, e.sessionId(), e.entries());
        } else if (payload instanceof AttendanceCorrected e) {
            record(rows, p, e.sessionId(), e.entries());
        } else if (payload instanceof GuestsCounted e) {
            count(rows, p, e.sessionId(), e.counts());
        } else if (payload instanceof GuestsCorrected e) {
            count(rows, p, e.sessionId(), e.counts());
        } else if (payload instanceof PerformanceLogged e) {
            put(rows, "performance", p, keys("performance_id", e.performanceId()), values("session_id", e.sessionId(),
                    "title", e.title(), "genre", e.genre(), "performer_unit_id", e.performerUnitId(),
                    "venue", e.venue(), "performed_on", Date.valueOf(e.performedOn()),
                    "quarter", Quarter.of(e.performedOn()).toString(), "audience", e.audience()));
        } else if (payload instanceof PerformanceCorrected e) {
            change(rows, "performance", p, keys("performance_id", e.performanceId()), values("audience", e.audience()));
        }
    }

    @Override
    public void clear() {
        WriteBehind.discard(this);
        jdbc.execute("TRUNCATE " + String.join(", ", StatsTables.ALL.stream()
                .map(table -> schema.get() + "." + table.name()).toList()));
    }

    private static void reschedule(VersionBuffer rows, long p, UUID sessionId, Instant scheduledAt) {
        LocalDate on = scheduledAt.atZone(Quarter.ZONE).toLocalDate();
        change(rows, "session", p, keys("session_id", sessionId),
                values("scheduled_on", Date.valueOf(on), "quarter", Quarter.of(on).toString()));
    }

    /** Recorded and corrected attendance alike: each entry replaces the member's earlier one; the session is held. */
    private static void record(VersionBuffer rows, long p, UUID sessionId, List<AttendanceEntry> entries) {
        change(rows, "session", p, keys("session_id", sessionId), values("held", true));
        for (AttendanceEntry entry : entries) {
            String mode = entry.status() == AttendanceStatus.PRESENT && entry.mode() != null
                    ? entry.mode().name() : null;
            put(rows, "attendance", p, keys("session_id", sessionId, "member_id", entry.memberId()),
                    values("status", entry.status().name(), "mode", mode));
        }
    }

    /** Counted and corrected guests alike: every category is written, zero where the counts have none. */
    private static void count(VersionBuffer rows, long p, UUID sessionId, Map<GuestCategory, Integer> counts) {
        for (GuestCategory category : GuestCategory.values()) {
            put(rows, "guest", p, keys("session_id", sessionId, "category", category.name()),
                    values("attendances", counts.getOrDefault(category, 0)));
        }
    }

    /** Ends the member's open membership the day the new one starts. */
    private static void move(VersionBuffer rows, long p, UUID memberId, UUID toUnitId, LocalDate from) {
        for (Map.Entry<List<Object>, Object[]> open : rows.currentOf("membership", memberId).entrySet()) {
            if (open.getValue()[1] == null) { // to_date
                changeAt(rows, StatsTables.named("membership"), p, open.getKey(), values("to_date", Date.valueOf(from)));
            }
        }
        put(rows, "membership", p, keys("member_id", memberId, "from_date", Date.valueOf(from)),
                values("unit_id", toUnitId, "to_date", null));
    }

    /**
     * Makes {@code values} (every value column of the table, in its order) the row of {@code key} from position
     * {@code p} on: ends the current version (if it is older) and writes the new one; a second write at the same
     * position replaces it.
     */
    private static void put(VersionBuffer rows, String table, long p, List<Object> key, List<Object> values) {
        StatsTables.Table definition = StatsTables.named(table);
        if (!definition.valueNames().equals(names(values))) {
            throw new IllegalStateException("the values of " + table + " are " + definition.valueNames() + ", not "
                    + names(values));
        }
        rows.put(definition, arguments(key), arguments(values).toArray(), p);
    }

    /** A new version of the current row of {@code key} with some columns changed; nothing when there is no row. */
    private static void change(VersionBuffer rows, String table, long p, List<Object> key, List<Object> changes) {
        changeAt(rows, StatsTables.named(table), p, arguments(key), changes);
    }

    private static void changeAt(VersionBuffer rows, StatsTables.Table definition, long p, List<Object> keyValues,
                                 List<Object> changes) {
        Object[] current = rows.current(definition, keyValues);
        if (current == null) {
            return; // the event refers to a row this view never saw; nothing to count
        }
        Object[] changed = current.clone();
        for (int i = 0; i < changes.size(); i += 2) {
            changed[definition.valueIndex((String) changes.get(i))] = changes.get(i + 1);
        }
        if (Arrays.equals(current, changed)) {
            return; // keeps one version per real change, e.g. a session stays held through later attendance
        }
        rows.put(definition, keyValues, changed, p);
    }

    private static List<Object> keys(Object... pairs) {
        return Arrays.asList(pairs);
    }

    private static List<Object> values(Object... pairs) {
        return Arrays.asList(pairs);
    }

    private static List<String> names(List<Object> pairs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            names.add((String) pairs.get(i));
        }
        return names;
    }

    private static List<Object> arguments(List<Object> pairs) {
        List<Object> arguments = new ArrayList<>();
        for (int i = 1; i < pairs.size(); i += 2) {
            arguments.add(pairs.get(i));
        }
        return arguments;
    }
}
