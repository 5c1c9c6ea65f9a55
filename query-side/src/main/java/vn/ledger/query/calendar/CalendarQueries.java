package vn.ledger.query.calendar;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.query.access.ReaderScope;
import vn.ledger.query.projection.ViewSnapshots;

/**
 * Reads the sessions of a feed from the active generation of the {@code sessions-v1} tables (see
 * {@code db/projection/sessions-v1}), in one snapshot like the session list, so a unit's name and its sessions
 * belong together also while a rebuild switches generations.
 */
@Component
class CalendarQueries {

    /** The session views' projection ({@code SessionViewProjection.NAME}), whose tables the feeds read. */
    static final String SESSIONS_VIEW = "sessions-v1";

    /** The event log, read only for when a session's latest event was stored (its {@code LAST-MODIFIED}). */
    private static final String EVENT_TABLE = "event_store.domain_event_entry";

    /** A unit's feed: the unit as the roster names it now, and its sessions. */
    record UnitFeed(UUID unitId, String unitName, List<FeedSession> sessions) {}

    private final JdbcTemplate jdbc;
    private final ViewSnapshots snapshots;

    CalendarQueries(JdbcTemplate jdbc, ViewSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** The sessions scheduled at or after {@code from} that {@code scope} may read, involving any unit. */
    List<FeedSession> committee(ReaderScope scope, Instant from) {
        return snapshots.read(SESSIONS_VIEW, view -> sessions(view.schema(), null, scope, from));
    }

    /**
     * The unit's sessions scheduled at or after {@code from}, joint sessions with other units included; empty when
     * the view knows no such unit. The caller checks first that the reader may read the unit.
     */
    Optional<UnitFeed> unit(UUID unitId, Instant from) {
        return snapshots.read(SESSIONS_VIEW, view -> {
            String t = view.schema();
            List<String> names = jdbc.query("SELECT name FROM %s.session_unit_name WHERE unit_id = ?".formatted(t),
                    (rs, row) -> rs.getString(1), unitId);
            if (names.isEmpty()) {
                return Optional.empty();
            }
            String name = names.get(0) == null ? unitId.toString() : names.get(0);
            return Optional.of(new UnitFeed(unitId, name, sessions(t, unitId, ReaderScope.ALL, from)));
        });
    }

    private List<FeedSession> sessions(String t, UUID unitId, ReaderScope scope, Instant from) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        conditions.add("s.scheduled_at >= ?");
        arguments.add(from.atOffset(ZoneOffset.UTC));
        if (unitId != null) {
            conditions.add("""
                    EXISTS (SELECT 1 FROM %s.session_unit su WHERE su.session_id = s.session_id AND su.unit_id = ?)"""
                    .formatted(t));
            arguments.add(unitId);
        }
        if (!scope.unrestricted()) {
            if (scope.units().isEmpty()) {
                return List.of();
            }
            conditions.add("""
                    EXISTS (SELECT 1 FROM %s.session_unit su
                            WHERE su.session_id = s.session_id AND su.unit_id IN (%s))""".formatted(t,
                    String.join(", ", Collections.nCopies(scope.units().size(), "?"))));
            arguments.addAll(scope.units());
        }
        return jdbc.query("""
                SELECT s.session_id, s.topic, s.scheduled_at, s.format, s.venue, s.online_url, s.presenter, s.host,
                       s.basis_documents, s.status, s.cancel_reason, s.version, e.time_stamp, u.unit_names
                FROM %1$s.session s
                LEFT JOIN LATERAL (
                    SELECT array_agg(coalesce(n.name, su.unit_id::text) ORDER BY su.ordinal) AS unit_names
                    FROM %1$s.session_unit su
                    LEFT JOIN %1$s.session_unit_name n ON n.unit_id = su.unit_id
                    WHERE su.session_id = s.session_id) u ON TRUE
                LEFT JOIN %2$s e ON e.global_index = s.last_position
                WHERE %3$s
                ORDER BY s.scheduled_at, s.session_id
                """.formatted(t, EVENT_TABLE, String.join(" AND ", conditions)),
                (rs, row) -> session(rs), arguments.toArray());
    }

    private static FeedSession session(ResultSet rs) throws SQLException {
        return new FeedSession(
                rs.getObject("session_id", UUID.class),
                rs.getString("topic"),
                rs.getObject("scheduled_at", OffsetDateTime.class).toInstant(),
                rs.getString("format"),
                rs.getString("venue"),
                rs.getString("online_url"),
                rs.getString("presenter"),
                rs.getString("host"),
                texts(rs.getArray("basis_documents")),
                rs.getString("status"),
                rs.getString("cancel_reason"),
                rs.getLong("version"),
                instant(rs.getString("time_stamp")),
                texts(rs.getArray("unit_names")));
    }

    /** The log stores its time stamps as ISO-8601 text; one that does not read as an instant is left out. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray()).filter(Objects::nonNull).map(Object::toString).toList();
    }
}
