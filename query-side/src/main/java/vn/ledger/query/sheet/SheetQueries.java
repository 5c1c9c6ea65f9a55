package vn.ledger.query.sheet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.query.projection.ViewSnapshots;

/**
 * Reads a session and its members from two blue/green views in one repeatable-read snapshot: the session, its units'
 * names and its attendance from {@code sessions-v1}; the roster (members, memberships over time, exemptions) from the
 * current rows of {@code stats-v1}. The queries are written against these versions' tables, hence the versioned names
 * here: a new version of either view is a new set of tables to read.
 */
@Component
class SheetQueries {

    static final String SESSIONS_VIEW = "sessions-v1";
    static final String STATS_VIEW = "stats-v1";
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ViewSnapshots snapshots;

    SheetQueries(JdbcTemplate jdbc, ViewSnapshots snapshots) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.snapshots = snapshots;
    }

    /** The session and its members on its date; empty when the session views do not know the session. */
    Optional<SessionRoster> roster(UUID sessionId) {
        // the inner read joins the outer transaction: both views come from one snapshot
        return snapshots.read(SESSIONS_VIEW, sessions -> session(sessions.schema(), sessionId)
                .map(session -> snapshots.read(STATS_VIEW, stats -> members(sessions.schema(), stats.schema(),
                        session))));
    }

    private Optional<SessionRoster.Session> session(String t, UUID sessionId) {
        List<SessionRoster.Unit> units = jdbc.query("""
                SELECT su.unit_id, n.name
                FROM %1$s.session_unit su
                LEFT JOIN %1$s.session_unit_name n ON n.unit_id = su.unit_id
                WHERE su.session_id = ?
                ORDER BY su.ordinal
                """.formatted(t), (rs, row) -> new SessionRoster.Unit(rs.getObject(1, UUID.class),
                        rs.getString(2) == null ? null : VietnameseNames.nfc(rs.getString(2))), sessionId);
        return jdbc.query("""
                SELECT session_id, topic, scheduled_at, scheduled_on, status, format, venue, online_url, presenter,
                       host, cancel_reason
                FROM %s.session WHERE session_id = ?
                """.formatted(t), (rs, row) -> new SessionRoster.Session(
                        rs.getObject("session_id", UUID.class),
                        rs.getString("topic"),
                        rs.getObject("scheduled_at", OffsetDateTime.class).atZoneSameInstant(ZONE)
                                .toOffsetDateTime(),
                        rs.getObject("scheduled_on", LocalDate.class),
                        rs.getString("status"),
                        rs.getString("format"),
                        rs.getString("venue"),
                        rs.getString("online_url"),
                        rs.getString("presenter"),
                        rs.getString("host"),
                        rs.getString("cancel_reason"),
                        units), sessionId).stream().findFirst();
    }

    /**
     * Every member of the session's units on its date who was admitted by then, with the exemption covering that
     * date if any (exempt: listed apart) and the attendance recorded so far. Current rows of the roster only
     * ({@code valid_to IS NULL}); the statistics' {@code expectedMembers} applies the same conditions as of a position.
     */
    private SessionRoster members(String sessions, String stats, SessionRoster.Session session) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("session", session.sessionId())
                .addValue("day", session.scheduledOn());
        List<SessionRoster.Member> expected = new ArrayList<>();
        List<SessionRoster.ExemptMember> exempt = new ArrayList<>();
        named.query("""
                SELECT DISTINCT ON (m.member_id)
                       m.member_id, m.full_name, ms.unit_id, n.name AS unit_name, e.from_date, e.to_date,
                       a.status, a.mode, a.note
                FROM %1$s.session_unit su
                JOIN %2$s.membership ms ON ms.unit_id = su.unit_id AND ms.valid_to IS NULL
                     AND ms.from_date <= :day AND (ms.to_date IS NULL OR :day < ms.to_date)
                JOIN %2$s.member m ON m.member_id = ms.member_id AND m.valid_to IS NULL AND m.admitted_on <= :day
                LEFT JOIN %1$s.session_unit_name n ON n.unit_id = ms.unit_id
                LEFT JOIN LATERAL (
                    SELECT e.from_date, e.to_date FROM %2$s.exemption e
                    WHERE e.member_id = m.member_id AND e.valid_to IS NULL
                      AND e.from_date <= :day AND :day <= e.to_date
                    ORDER BY e.from_date LIMIT 1) e ON TRUE
                LEFT JOIN %1$s.session_attendance a ON a.session_id = su.session_id AND a.member_id = m.member_id
                WHERE su.session_id = :session
                ORDER BY m.member_id, su.ordinal
                """.formatted(sessions, stats), params, rs -> {
                    UUID memberId = rs.getObject("member_id", UUID.class);
                    String fullName = VietnameseNames.nfc(rs.getString("full_name"));
                    UUID unitId = rs.getObject("unit_id", UUID.class);
                    String unitName = rs.getString("unit_name") == null ? null
                            : VietnameseNames.nfc(rs.getString("unit_name"));
                    LocalDate exemptFrom = rs.getObject("from_date", LocalDate.class);
                    if (exemptFrom != null) {
                        exempt.add(new SessionRoster.ExemptMember(memberId, fullName, unitId, unitName, exemptFrom,
                                rs.getObject("to_date", LocalDate.class)));
                    } else {
                        expected.add(new SessionRoster.Member(memberId, fullName, unitId, unitName,
                                rs.getString("status"), rs.getString("mode"), rs.getString("note")));
                    }
                });
        return new SessionRoster(session,
                VietnameseNames.sorted(expected, SessionRoster.Member::fullName, SessionRoster.Member::memberId),
                VietnameseNames.sorted(exempt, SessionRoster.ExemptMember::fullName,
                        SessionRoster.ExemptMember::memberId));
    }
}
