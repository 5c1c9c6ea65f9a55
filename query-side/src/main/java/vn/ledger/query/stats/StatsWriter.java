package vn.ledger.query.stats;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

/**
 * Writes the facts of {@code stats-v1} into one generation's schema, each change as a new version of its row valid
 * from the event's position (see {@code db/projection/stats-v1}). Writing the same event twice gives the same rows,
 * so a replay matches incremental processing row for row. Events that change no number (discussion, submission,
 * review, commendations) are ignored.
 */
final class StatsWriter implements ProjectionWriter {

    private final JdbcTemplate jdbc;
    private final Supplier<String> schema;

    StatsWriter(JdbcTemplate jdbc, Supplier<String> schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public void apply(EventMessage<?> event, long p) {
        apply(event.getPayload(), p);
    }

    void apply(Object payload, long p) {
        if (payload instanceof UnitRegistered e) {
            put("unit", p, keys("unit_id", e.unitId()), values("name", e.name(), "kind", e.kind().name(),
                    "parent_unit_id", e.parentUnitId(), "merged_into_unit_id", null, "merged_on", null));
        } else if (payload instanceof UnitRenamed e) {
            change("unit", p, keys("unit_id", e.unitId()), values("name", e.name()));
        } else if (payload instanceof UnitMerged e) {
            // past sessions stay attributed to the merged unit, as the committee reported them
            change("unit", p, keys("unit_id", e.unitId()),
                    values("merged_into_unit_id", e.intoUnitId(), "merged_on", Date.valueOf(e.effectiveOn())));
            for (UUID memberId : e.movedMemberIds()) {
                move(p, memberId, e.intoUnitId(), e.effectiveOn());
            }
        } else if (payload instanceof MemberAdmitted e) {
            put("member", p, keys("member_id", e.memberId()),
                    values("full_name", e.fullName(), "admitted_on", Date.valueOf(e.joinedOn())));
            put("membership", p, keys("member_id", e.memberId(), "from_date", Date.valueOf(e.joinedOn())),
                    values("unit_id", e.unitId(), "to_date", null));
        } else if (payload instanceof MemberTransferred e) {
            move(p, e.memberId(), e.toUnitId(), e.effectiveOn());
        } else if (payload instanceof ExemptionGranted e) {
            put("exemption", p, keys("member_id", e.memberId(), "from_date", Date.valueOf(e.from())),
                    values("to_date", Date.valueOf(e.to())));
        } else if (payload instanceof SessionScheduled e) {
            LocalDate on = e.scheduledAt().atZone(Quarter.ZONE).toLocalDate();
            put("session", p, keys("session_id", e.sessionId()), values("scheduled_on", Date.valueOf(on),
                    "quarter", Quarter.of(on).toString(), "held", false, "cancelled", false));
            for (UUID unitId : e.unitIds()) {
                put("session_unit", p, keys("session_id", e.sessionId(), "unit_id", unitId), values());
            }
        } else if (payload instanceof SessionRescheduled e) {
            reschedule(p, e.sessionId(), e.scheduledAt());
        } else if (payload instanceof SessionCancelled e) {
            change("session", p, keys("session_id", e.sessionId()), values("cancelled", true));
        } else if (payload instanceof AttendanceRecorded e) {
            record(p, e.sessionId(), e.entries());
        } else if (payload instanceof AttendanceCorrected e) {
            record(p, e.sessionId(), e.entries());
        } else if (payload instanceof GuestsCounted e) {
            count(p, e.sessionId(), e.counts());
        } else if (payload instanceof GuestsCorrected e) {
            count(p, e.sessionId(), e.counts());
        } else if (payload instanceof PerformanceLogged e) {
            put("performance", p, keys("performance_id", e.performanceId()), values("session_id", e.sessionId(),
                    "title", e.title(), "genre", e.genre(), "performer_unit_id", e.performerUnitId(),
                    "venue", e.venue(), "performed_on", Date.valueOf(e.performedOn()),
                    "quarter", Quarter.of(e.performedOn()).toString(), "audience", e.audience()));
        } else if (payload instanceof PerformanceCorrected e) {
            change("performance", p, keys("performance_id", e.performanceId()), values("audience", e.audience()));
        }
    }

    @Override
    public void clear() {
        jdbc.execute("TRUNCATE " + String.join(", ", List.of("session", "session_unit", "attendance", "guest",
                "performance", "unit", "member", "membership", "exemption").stream()
                .map(table -> schema.get() + "." + table).toList()));
    }

    private void reschedule(long p, UUID sessionId, Instant scheduledAt) {
        LocalDate on = scheduledAt.atZone(Quarter.ZONE).toLocalDate();
        change("session", p, keys("session_id", sessionId),
                values("scheduled_on", Date.valueOf(on), "quarter", Quarter.of(on).toString()));
    }

    /** Recorded and corrected attendance alike: each entry replaces the member's earlier one; the session is held. */
    private void record(long p, UUID sessionId, List<AttendanceEntry> entries) {
        change("session", p, keys("session_id", sessionId), values("held", true));
        for (AttendanceEntry entry : entries) {
            String mode = entry.status() == AttendanceStatus.PRESENT && entry.mode() != null
                    ? entry.mode().name() : null;
            put("attendance", p, keys("session_id", sessionId, "member_id", entry.memberId()),
                    values("status", entry.status().name(), "mode", mode));
        }
    }

    /** Counted and corrected guests alike: every category is written, zero where the counts have none. */
    private void count(long p, UUID sessionId, Map<GuestCategory, Integer> counts) {
        for (GuestCategory category : GuestCategory.values()) {
            put("guest", p, keys("session_id", sessionId, "category", category.name()),
                    values("attendances", counts.getOrDefault(category, 0)));
        }
    }

    /** Ends the member's open membership the day the new one starts. */
    private void move(long p, UUID memberId, UUID toUnitId, LocalDate from) {
        List<Object[]> open = jdbc.query("SELECT from_date FROM " + table("membership")
                        + " WHERE member_id = ? AND to_date IS NULL AND valid_to IS NULL",
                (rs, row) -> new Object[] {rs.getDate(1)}, memberId);
        for (Object[] membership : open) {
            change("membership", p, keys("member_id", memberId, "from_date", membership[0]),
                    values("to_date", Date.valueOf(from)));
        }
        put("membership", p, keys("member_id", memberId, "from_date", Date.valueOf(from)),
                values("unit_id", toUnitId, "to_date", null));
    }

    /**
     * Makes {@code values} the row of {@code key} from position {@code p} on: closes the current version (if it is
     * older) and writes the new one; a second write at the same position replaces it.
     */
    private void put(String name, long p, List<Object> key, List<Object> values) {
        String table = table(name);
        List<String> keyColumns = columns(key);
        List<String> valueColumns = columns(values);
        String keyMatch = String.join(" AND ", keyColumns.stream().map(c -> c + " = ?").toList());
        List<Object> args = new ArrayList<>(List.of(p));
        args.addAll(arguments(key));
        args.add(p);
        jdbc.update("UPDATE " + table + " SET valid_to = ? WHERE " + keyMatch + " AND valid_to IS NULL AND valid_from < ?",
                args.toArray());
        List<String> all = new ArrayList<>(keyColumns);
        all.addAll(valueColumns);
        all.add("valid_from");
        String conflict = String.join(", ", keyColumns) + ", valid_from";
        List<String> updates = new ArrayList<>(valueColumns.stream().map(c -> c + " = EXCLUDED." + c).toList());
        updates.add("valid_to = NULL");
        List<Object> insertArgs = new ArrayList<>(arguments(key));
        insertArgs.addAll(arguments(values));
        insertArgs.add(p);
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES ("
                + String.join(", ", all.stream().map(c -> "?").toList()) + ") ON CONFLICT (" + conflict
                + ") DO UPDATE SET " + String.join(", ", updates), insertArgs.toArray());
    }

    /** A new version of the current row of {@code key} with some columns changed; nothing when there is no row. */
    private void change(String name, long p, List<Object> key, List<Object> changes) {
        String table = table(name);
        List<String> keyColumns = columns(key);
        String keyMatch = String.join(" AND ", keyColumns.stream().map(c -> c + " = ?").toList());
        List<Map<String, Object>> current = jdbc.queryForList("SELECT * FROM " + table + " WHERE " + keyMatch
                + " AND valid_to IS NULL", arguments(key).toArray());
        if (current.isEmpty()) {
            return; // the event refers to a row this view never saw; nothing to count
        }
        Map<String, Object> row = current.get(0);
        boolean differs = false;
        for (int i = 0; i < changes.size(); i += 2) {
            differs |= !Objects.equals(row.get((String) changes.get(i)), changes.get(i + 1));
        }
        if (!differs) {
            return; // keeps one version per real change, e.g. a session stays held through later attendance
        }
        List<Object> values = new ArrayList<>();
        for (Map.Entry<String, Object> column : row.entrySet()) {
            String columnName = column.getKey();
            if (keyColumns.contains(columnName) || columnName.equals("valid_from") || columnName.equals("valid_to")) {
                continue;
            }
            int changed = columns(changes).indexOf(columnName);
            values.add(columnName);
            values.add(changed >= 0 ? arguments(changes).get(changed) : column.getValue());
        }
        put(name, p, key, values);
    }

    private String table(String name) {
        return schema.get() + "." + name;
    }

    private static List<Object> keys(Object... pairs) {
        return Arrays.asList(pairs);
    }

    private static List<Object> values(Object... pairs) {
        return Arrays.asList(pairs);
    }

    private static List<String> columns(List<Object> pairs) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            columns.add((String) pairs.get(i));
        }
        return columns;
    }

    private static List<Object> arguments(List<Object> pairs) {
        List<Object> arguments = new ArrayList<>();
        for (int i = 1; i < pairs.size(); i += 2) {
            arguments.add(pairs.get(i));
        }
        return arguments;
    }
}
