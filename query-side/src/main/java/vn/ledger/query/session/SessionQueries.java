package vn.ledger.query.session;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.query.projection.ViewSnapshots;
import vn.ledger.events.GuestCategory;

/**
 * Reads the active generation of the {@code sessions-v1} tables. Each answer is read in one repeatable-read,
 * read-only snapshot together with the generation and the processor's position, so a page and its total, or a
 * session and its rows, always belong together and come wholly from the old tables or wholly from the new ones
 * while a rebuild switches them.
 */
@Component
class SessionQueries {

    /**
     * What the list may be narrowed to; {@code null} leaves a filter out.
     *
     * @param readableUnits the reader's units: only sessions involving one of them; {@code null} when the reader
     *     reads all
     */
    record Filter(UUID unitId, String quarter, SessionStatus status, Set<UUID> readableUnits) {

        Filter(UUID unitId, String quarter, SessionStatus status) {
            this(unitId, quarter, status, null);
        }
    }

    private final JdbcTemplate jdbc;
    private final ViewSnapshots snapshots;

    SessionQueries(JdbcTemplate jdbc, ViewSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** Newest first; the counts of the whole page come from one statement, aggregated per session in SQL. */
    SessionPageView list(Filter filter, int page, int size) {
        return snapshots.read(SessionViewProjection.NAME, view -> {
            String t = view.schema();
            List<String> conditions = new ArrayList<>();
            List<Object> arguments = new ArrayList<>();
            if (filter.unitId() != null) {
                conditions.add("""
                        EXISTS (SELECT 1 FROM %s.session_unit su
                                WHERE su.session_id = s.session_id AND su.unit_id = ?)""".formatted(t));
                arguments.add(filter.unitId());
            }
            if (filter.readableUnits() != null) {
                if (filter.readableUnits().isEmpty()) {
                    conditions.add("FALSE");
                } else {
                    conditions.add("""
                            EXISTS (SELECT 1 FROM %s.session_unit su
                                    WHERE su.session_id = s.session_id AND su.unit_id IN (%s))""".formatted(t,
                            String.join(", ", Collections.nCopies(filter.readableUnits().size(), "?"))));
                    arguments.addAll(filter.readableUnits());
                }
            }
            if (filter.quarter() != null) {
                conditions.add("s.quarter = ?");
                arguments.add(filter.quarter());
            }
            if (filter.status() != null) {
                conditions.add("s.status = ?");
                arguments.add(filter.status().name());
            }
            String narrowed = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
            List<Object> pageArguments = new ArrayList<>(arguments);
            pageArguments.add(size);
            pageArguments.add((long) page * size);
            Long total = jdbc.queryForObject("""
                    SELECT count(*) FROM %s.session s WHERE %s
                    """.formatted(t, narrowed), Long.class, arguments.toArray());
            List<SessionSummaryView> items = jdbc.query("""
                    WITH page AS (
                        SELECT s.session_id, s.topic, s.scheduled_at, s.quarter, s.status, s.format, s.venue,
                               s.version
                        FROM %1$s.session s
                        WHERE %2$s
                        ORDER BY s.scheduled_at DESC, s.session_id
                        LIMIT ? OFFSET ?)
                    SELECT p.*, u.unit_ids, u.unit_names, a.present, a.recorded, g.guests, f.audience
                    FROM page p
                    LEFT JOIN LATERAL (
                        SELECT array_agg(su.unit_id ORDER BY su.ordinal) AS unit_ids,
                               array_agg(n.name ORDER BY su.ordinal) AS unit_names
                        FROM %1$s.session_unit su
                        LEFT JOIN %1$s.session_unit_name n ON n.unit_id = su.unit_id
                        WHERE su.session_id = p.session_id) u ON TRUE
                    LEFT JOIN LATERAL (
                        SELECT count(*) FILTER (WHERE at.status = 'PRESENT') AS present, count(*) AS recorded
                        FROM %1$s.session_attendance at
                        WHERE at.session_id = p.session_id) a ON TRUE
                    LEFT JOIN LATERAL (
                        SELECT coalesce(sum(gu.attendances), 0) AS guests
                        FROM %1$s.session_guest gu
                        WHERE gu.session_id = p.session_id) g ON TRUE
                    LEFT JOIN LATERAL (
                        SELECT coalesce(sum(pe.audience), 0) AS audience
                        FROM %1$s.session_performance pe
                        WHERE pe.session_id = p.session_id) f ON TRUE
                    ORDER BY p.scheduled_at DESC, p.session_id
                    """.formatted(t, narrowed), (rs, row) -> summary(rs), pageArguments.toArray());
            return new SessionPageView(page, size, total == null ? 0 : total, view.position(), items);
        });
    }

    Optional<SessionView> session(UUID sessionId) {
        return snapshots.read(SessionViewProjection.NAME, view -> {
            String t = view.schema();
            Parts parts = parts(t, sessionId);
            List<SessionView> found = jdbc.query("""
                    SELECT * FROM %s.session WHERE session_id = ?
                    """.formatted(t), (rs, row) -> detail(rs, parts), sessionId);
            return found.stream().findFirst();
        });
    }

    /** The rows of a session besides its own. */
    private record Parts(List<SessionUnitView> units, List<SessionView.Attendance> attendance,
                         Map<String, Long> guests, List<SessionView.Performance> performances) {}

    private static SessionSummaryView summary(ResultSet rs) throws SQLException {
        List<Object> unitIds = list(rs.getArray("unit_ids"));
        List<Object> unitNames = list(rs.getArray("unit_names"));
        List<SessionUnitView> units = new ArrayList<>();
        for (int i = 0; i < unitIds.size(); i++) {
            units.add(new SessionUnitView((UUID) unitIds.get(i), (String) unitNames.get(i)));
        }
        return new SessionSummaryView(
                rs.getObject("session_id", UUID.class),
                rs.getString("topic"),
                SessionTime.local(rs.getObject("scheduled_at", OffsetDateTime.class)),
                rs.getString("quarter"),
                rs.getString("status"),
                units,
                rs.getString("format"),
                rs.getString("venue"),
                new SessionCountsView(rs.getLong("present"), rs.getLong("recorded"), rs.getLong("guests"),
                        rs.getLong("audience")),
                rs.getLong("version"));
    }

    /** Its units, attendance, every guest category (zero where none was counted) and performances. */
    private Parts parts(String t, UUID sessionId) {
        List<SessionUnitView> units = jdbc.query("""
                SELECT su.unit_id, n.name
                FROM %1$s.session_unit su
                LEFT JOIN %1$s.session_unit_name n ON n.unit_id = su.unit_id
                WHERE su.session_id = ?
                ORDER BY su.ordinal
                """.formatted(t), (row, i) -> new SessionUnitView(row.getObject(1, UUID.class), row.getString(2)), sessionId);
        List<SessionView.Attendance> attendance = jdbc.query("""
                SELECT member_id, status, mode, note
                FROM %s.session_attendance
                WHERE session_id = ?
                ORDER BY member_id
                """.formatted(t), (row, i) -> new SessionView.Attendance(row.getObject(1, UUID.class), row.getString(2),
                        row.getString(3), row.getString(4)), sessionId);
        Map<String, Long> guests = new LinkedHashMap<>();
        Arrays.stream(GuestCategory.values()).forEach(category -> guests.put(category.name(), 0L));
        jdbc.query("""
                SELECT category, attendances FROM %s.session_guest WHERE session_id = ?
                """.formatted(t), row -> {
                    guests.put(row.getString(1), row.getLong(2));
                }, sessionId);
        List<SessionView.Performance> performances = jdbc.query("""
                SELECT p.performance_id, p.title, p.genre, p.performer_unit_id, n.name, p.venue, p.performed_on,
                       p.audience
                FROM %1$s.session_performance p
                LEFT JOIN %1$s.session_unit_name n ON n.unit_id = p.performer_unit_id
                WHERE p.session_id = ?
                ORDER BY p.performed_on, p.venue, p.performance_id
                """.formatted(t), (row, i) -> new SessionView.Performance(row.getObject(1, UUID.class), row.getString(2),
                        row.getString(3), row.getObject(4, UUID.class), row.getString(5), row.getString(6),
                        row.getObject(7, LocalDate.class), row.getLong(8)), sessionId);
        return new Parts(units, attendance, guests, performances);
    }

    private static SessionView detail(ResultSet rs, Parts parts) throws SQLException {
        List<SessionView.Attendance> attendance = parts.attendance();
        Map<String, Long> guests = parts.guests();
        List<SessionView.Performance> performances = parts.performances();
        long present = attendance.stream().filter(entry -> "PRESENT".equals(entry.status())).count();
        long guestTotal = guests.values().stream().mapToLong(Long::longValue).sum();
        long audience = performances.stream().mapToLong(SessionView.Performance::audience).sum();
        Integer contributions = rs.getObject("discussion_contributions", Integer.class);
        SessionView.Discussion discussion = contributions == null
                ? null
                : new SessionView.Discussion(contributions, rs.getString("discussion_summary"));
        String minutes = rs.getString("minutes_summary");
        OffsetDateTime submittedAt = rs.getObject("submitted_at", OffsetDateTime.class);
        SessionView.Submission submission = minutes == null && submittedAt == null
                ? null
                : new SessionView.Submission(minutes, SessionTime.local(submittedAt));
        String decision = rs.getString("review_decision");
        SessionView.Review review = decision == null
                ? null
                : new SessionView.Review(decision, rs.getString("review_comment"),
                        SessionTime.local(rs.getObject("reviewed_at", OffsetDateTime.class)));
        return new SessionView(
                rs.getObject("session_id", UUID.class),
                rs.getString("topic"),
                SessionTime.local(rs.getObject("scheduled_at", OffsetDateTime.class)),
                rs.getObject("scheduled_on", LocalDate.class),
                rs.getString("quarter"),
                rs.getString("status"),
                parts.units(),
                rs.getString("format"),
                rs.getString("venue"),
                rs.getString("online_url"),
                rs.getString("presenter"),
                rs.getString("host"),
                list(rs.getArray("basis_documents")).stream().map(String.class::cast).toList(),
                rs.getString("cancel_reason"),
                new SessionCountsView(present, attendance.size(), guestTotal, audience),
                attendance,
                guests,
                performances,
                discussion,
                submission,
                review,
                rs.getLong("version"),
                rs.getObject("last_position", Long.class));
    }

    /** A SQL array's elements, nulls kept; empty where SQL has no array (a session without units). */
    private static List<Object> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Object[]) array.getArray());
    }
}
