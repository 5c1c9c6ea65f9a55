package vn.ledger.query.stats;

import java.sql.Date;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.events.AttendanceCorrected;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.GuestsCorrected;
import vn.ledger.events.GuestsCounted;
import vn.ledger.events.PerformanceCorrected;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.SessionCancelled;
import vn.ledger.events.SessionRescheduled;
import vn.ledger.events.SessionScheduled;
import vn.ledger.events.UnitMerged;
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;

/**
 * Keeps the facts the statistics are computed from: the roster's units as they stand, sessions with their units and
 * quarter, each member's latest attendance per session, each session's latest guest counts, and each performance
 * showing. Every write is an upsert (or an update) by natural key, so replaying the log gives the same rows as
 * processing it incrementally. Events that change no number (members, exemptions, discussion, submission, review,
 * commendations) have no handler here.
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
    void on(UnitRegistered event) {
        jdbc.update("""
                INSERT INTO read_model.stats_unit_v1 (unit_id, name, kind, parent_unit_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (unit_id) DO UPDATE
                    SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_unit_id = EXCLUDED.parent_unit_id
                """, event.unitId(), event.name(), event.kind() == null ? null : event.kind().name(),
                event.parentUnitId());
    }

    @EventHandler
    void on(UnitRenamed event) {
        jdbc.update("""
                INSERT INTO read_model.stats_unit_v1 (unit_id, name) VALUES (?, ?)
                ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name
                """, event.unitId(), event.name());
    }

    /** Only marks the unit: its past sessions stay attributed to it, as the committee reported them. */
    @EventHandler
    void on(UnitMerged event) {
        jdbc.update("""
                INSERT INTO read_model.stats_unit_v1 (unit_id, merged_into_unit_id, merged_on) VALUES (?, ?, ?)
                ON CONFLICT (unit_id) DO UPDATE
                    SET merged_into_unit_id = EXCLUDED.merged_into_unit_id, merged_on = EXCLUDED.merged_on
                """, event.unitId(), event.intoUnitId(),
                event.effectiveOn() == null ? null : Date.valueOf(event.effectiveOn()));
    }

    @EventHandler
    void on(SessionScheduled event) {
        schedule(event.sessionId(), event.scheduledAt());
        jdbc.batchUpdate("""
                INSERT INTO read_model.stats_session_unit_v1 (session_id, unit_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING
                """, event.unitIds(), event.unitIds().size(), (statement, unitId) -> {
                    statement.setObject(1, event.sessionId());
                    statement.setObject(2, unitId);
                });
    }

    @EventHandler
    void on(SessionRescheduled event) {
        schedule(event.sessionId(), event.scheduledAt());
    }

    /** Stays a planned session of its quarter; the queries leave its attendance and guests out. */
    @EventHandler
    void on(SessionCancelled event) {
        jdbc.update("UPDATE read_model.stats_session_v1 SET cancelled = TRUE WHERE session_id = ?", event.sessionId());
    }

    @EventHandler
    void on(AttendanceRecorded event) {
        record(event.sessionId(), event.entries());
    }

    @EventHandler
    void on(AttendanceCorrected event) {
        record(event.sessionId(), event.entries());
    }

    @EventHandler
    void on(GuestsCounted event) {
        count(event.sessionId(), event.counts());
    }

    @EventHandler
    void on(GuestsCorrected event) {
        count(event.sessionId(), event.counts());
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

    @EventHandler
    void on(PerformanceCorrected event) {
        jdbc.update("""
                UPDATE read_model.stats_performance_v1 SET audience = ? WHERE performance_id = ? AND session_id = ?
                """, event.audience(), event.performanceId(), event.sessionId());
    }

    /** A replay starts from empty tables: clears this projection's own tables and nothing else. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE read_model.stats_unit_v1, read_model.stats_session_v1,"
                + " read_model.stats_session_unit_v1, read_model.stats_attendance_v1, read_model.stats_guest_v1,"
                + " read_model.stats_performance_v1");
    }

    /** The session's date and quarter are those of its latest time, taken in the committee's time zone. */
    private void schedule(UUID sessionId, Instant scheduledAt) {
        var scheduledOn = scheduledAt.atZone(Quarter.ZONE).toLocalDate();
        jdbc.update("""
                INSERT INTO read_model.stats_session_v1 (session_id, scheduled_on, quarter)
                VALUES (?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET scheduled_on = EXCLUDED.scheduled_on, quarter = EXCLUDED.quarter
                """, sessionId, Date.valueOf(scheduledOn), Quarter.of(scheduledOn).toString());
    }

    /** Recorded and corrected attendance alike: each entry replaces the member's earlier one for the session. */
    private void record(UUID sessionId, List<AttendanceEntry> entries) {
        // a session whose attendance is on record has been held
        jdbc.update("UPDATE read_model.stats_session_v1 SET held = TRUE WHERE session_id = ?", sessionId);
        jdbc.batchUpdate("""
                INSERT INTO read_model.stats_attendance_v1 (session_id, member_id, status, mode) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_id, member_id) DO UPDATE SET status = EXCLUDED.status, mode = EXCLUDED.mode
                """, entries, entries.size(), (statement, entry) -> {
                    statement.setObject(1, sessionId);
                    statement.setObject(2, entry.memberId());
                    statement.setString(3, entry.status().name());
                    statement.setString(4, modeOf(entry));
                });
    }

    /**
     * Counted and corrected guests alike: the counts replace the session's earlier ones. Every category is written,
     * zero where the counts have none, so that a category the new counts leave out cannot keep an old number.
     */
    private void count(UUID sessionId, Map<GuestCategory, Integer> counts) {
        List<GuestCategory> categories = Arrays.asList(GuestCategory.values());
        jdbc.batchUpdate("""
                INSERT INTO read_model.stats_guest_v1 (session_id, category, attendances) VALUES (?, ?, ?)
                ON CONFLICT (session_id, category) DO UPDATE SET attendances = EXCLUDED.attendances
                """, categories, categories.size(), (statement, category) -> {
                    statement.setObject(1, sessionId);
                    statement.setString(2, category.name());
                    statement.setInt(3, counts.getOrDefault(category, 0));
                });
    }

    private static String modeOf(AttendanceEntry entry) {
        return entry.status() == AttendanceStatus.PRESENT && entry.mode() != null ? entry.mode().name() : null;
    }
}
