package vn.ledger.query.stats;

import java.sql.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.SessionScheduled;

/**
 * Keeps the facts the statistics are computed from: sessions with their units and quarter, each member's latest
 * attendance per session, and each performance showing. Every write is an upsert by natural key, so replaying the
 * log gives the same rows as processing it incrementally.
 */
@Component
@ProcessingGroup(StatsProjection.NAME)
class StatsProjection {

    static final String NAME = "stats-v1";

    private final JdbcTemplate jdbc;

    StatsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SessionScheduled event) {
        var scheduledOn = event.scheduledAt().atZone(Quarter.ZONE).toLocalDate();
        jdbc.update("""
                INSERT INTO read_model.stats_session_v1 (session_id, scheduled_on, quarter)
                VALUES (?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET scheduled_on = EXCLUDED.scheduled_on, quarter = EXCLUDED.quarter
                """, event.sessionId(), Date.valueOf(scheduledOn), Quarter.of(scheduledOn).toString());
        jdbc.batchUpdate("""
                INSERT INTO read_model.stats_session_unit_v1 (session_id, unit_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING
                """, event.unitIds(), event.unitIds().size(), (statement, unitId) -> {
                    statement.setObject(1, event.sessionId());
                    statement.setObject(2, unitId);
                });
    }

    @EventHandler
    void on(AttendanceRecorded event) {
        // a session whose attendance is on record has been held
        jdbc.update("UPDATE read_model.stats_session_v1 SET held = TRUE WHERE session_id = ?", event.sessionId());
        jdbc.batchUpdate("""
                INSERT INTO read_model.stats_attendance_v1 (session_id, member_id, status, mode) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_id, member_id) DO UPDATE SET status = EXCLUDED.status, mode = EXCLUDED.mode
                """, event.entries(), event.entries().size(), (statement, entry) -> {
                    statement.setObject(1, event.sessionId());
                    statement.setObject(2, entry.memberId());
                    statement.setString(3, entry.status().name());
                    statement.setString(4, modeOf(entry));
                });
    }

    @EventHandler
    void on(PerformanceLogged event) {
        jdbc.update("""
                INSERT INTO read_model.stats_performance_v1 (performance_id, session_id, title, genre,
                    performer_unit_id, venue, performed_on, quarter, audience)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (performance_id) DO UPDATE SET audience = EXCLUDED.audience
                """,
                event.performanceId(), event.sessionId(), event.title(), event.genre(), event.performerUnitId(),
                event.venue(), Date.valueOf(event.performedOn()), Quarter.of(event.performedOn()).toString(),
                event.audience());
    }

    /** A replay starts from empty tables: clears this projection's own tables and nothing else. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE read_model.stats_session_v1, read_model.stats_session_unit_v1,"
                + " read_model.stats_attendance_v1, read_model.stats_performance_v1");
    }

    private static String modeOf(AttendanceEntry entry) {
        return entry.status() == AttendanceStatus.PRESENT && entry.mode() != null ? entry.mode().name() : null;
    }
}
