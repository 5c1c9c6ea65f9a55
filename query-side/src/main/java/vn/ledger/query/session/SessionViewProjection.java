package vn.ledger.query.session;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.events.AttendanceCorrected;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.DiscussionNoted;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.GuestsCorrected;
import vn.ledger.events.GuestsCounted;
import vn.ledger.events.PerformanceCorrected;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.RecordReviewed;
import vn.ledger.events.RecordSubmitted;
import vn.ledger.events.SessionCancelled;
import vn.ledger.events.SessionRescheduled;
import vn.ledger.events.SessionScheduled;
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;

/**
 * Keeps each session as it stands: its schedule, units, status (see {@link SessionStatus}), attendance, guests,
 * performances, discussion, submission and review, and the roster's unit names.
 *
 * <p>Every event of a session first moves the session's row to the event's sequence number, and only if the row
 * had not seen that sequence yet writes the rest: an event applied twice changes nothing. Every other write is an
 * upsert by natural key, so replaying the log gives the rows of incremental processing.
 */
@Component
@ProcessingGroup(SessionViewProjection.NAME)
class SessionViewProjection {

    static final String NAME = "sessions-v1";

    /** The metadata key the command side stamps every event with: when the fact was recorded. */
    static final String RECORDED_AT = "recordedAt";

    private final JdbcTemplate jdbc;

    SessionViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitRegistered event) {
        nameUnit(event.unitId(), event.name());
    }

    @EventHandler
    void on(UnitRenamed event) {
        nameUnit(event.unitId(), event.name());
    }

    @EventHandler
    void on(SessionScheduled event, @SequenceNumber long sequence, TrackingToken token) {
        LocalDate scheduledOn = SessionTime.dateOf(event.scheduledAt());
        int written = jdbc.update("""
                INSERT INTO read_model.session_v1 (session_id, topic, scheduled_at, scheduled_on, quarter, format,
                    venue, online_url, presenter, host, basis_documents, status, version, last_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)
                ON CONFLICT (session_id) DO UPDATE
                    SET topic = EXCLUDED.topic, scheduled_at = EXCLUDED.scheduled_at,
                        scheduled_on = EXCLUDED.scheduled_on, quarter = EXCLUDED.quarter, format = EXCLUDED.format,
                        venue = EXCLUDED.venue, online_url = EXCLUDED.online_url, presenter = EXCLUDED.presenter,
                        host = EXCLUDED.host, basis_documents = EXCLUDED.basis_documents, status = EXCLUDED.status,
                        version = EXCLUDED.version, last_position = EXCLUDED.last_position
                    WHERE session_v1.version < EXCLUDED.version
                """,
                event.sessionId(), event.topic(), SessionTime.utc(event.scheduledAt()), Date.valueOf(scheduledOn),
                SessionTime.quarterOf(scheduledOn), nameOf(event.format()), event.venue(), event.onlineUrl(),
                event.presenter(), event.host(), event.basisDocuments().toArray(String[]::new), sequence,
                positionOf(token));
        if (written == 0) {
            return; // seen already
        }
        List<UUID> unitIds = event.unitIds();
        jdbc.batchUpdate("""
                INSERT INTO read_model.session_unit_v1 (session_id, unit_id, ordinal) VALUES (?, ?, ?)
                ON CONFLICT (session_id, unit_id) DO UPDATE SET ordinal = EXCLUDED.ordinal
                """, unitIds, unitIds.size(), (statement, unitId) -> {
                    statement.setObject(1, event.sessionId());
                    statement.setObject(2, unitId);
                    statement.setInt(3, unitIds.indexOf(unitId));
                });
    }

    /** The date and quarter follow the new time; the status stays what it was. */
    @EventHandler
    void on(SessionRescheduled event, @SequenceNumber long sequence, TrackingToken token) {
        LocalDate scheduledOn = SessionTime.dateOf(event.scheduledAt());
        jdbc.update("""
                UPDATE read_model.session_v1
                SET scheduled_at = ?, scheduled_on = ?, quarter = ?, version = ?, last_position = ?
                WHERE session_id = ? AND version < ?
                """, SessionTime.utc(event.scheduledAt()), Date.valueOf(scheduledOn),
                SessionTime.quarterOf(scheduledOn), sequence, positionOf(token), event.sessionId(), sequence);
    }

    @EventHandler
    void on(SessionCancelled event, @SequenceNumber long sequence, TrackingToken token) {
        jdbc.update("""
                UPDATE read_model.session_v1
                SET status = 'CANCELLED', cancel_reason = ?, version = ?, last_position = ?
                WHERE session_id = ? AND version < ?
                """, event.reason(), sequence, positionOf(token), event.sessionId(), sequence);
    }

    /** Attendance on record makes a planned session held; any other status stays. */
    @EventHandler
    void on(AttendanceRecorded event, @SequenceNumber long sequence, TrackingToken token) {
        int moved = jdbc.update("""
                UPDATE read_model.session_v1
                SET status = CASE WHEN status = 'PLANNED' THEN 'HELD' ELSE status END,
                    version = ?, last_position = ?
                WHERE session_id = ? AND version < ?
                """, sequence, positionOf(token), event.sessionId(), sequence);
        if (moved > 0) {
            record(event.sessionId(), event.entries());
        }
    }

    @EventHandler
    void on(AttendanceCorrected event, @SequenceNumber long sequence, TrackingToken token) {
        if (advance(event.sessionId(), sequence, token)) {
            record(event.sessionId(), event.entries());
        }
    }

    @EventHandler
    void on(GuestsCounted event, @SequenceNumber long sequence, TrackingToken token) {
        if (advance(event.sessionId(), sequence, token)) {
            count(event.sessionId(), event.counts());
        }
    }

    @EventHandler
    void on(GuestsCorrected event, @SequenceNumber long sequence, TrackingToken token) {
        if (advance(event.sessionId(), sequence, token)) {
            count(event.sessionId(), event.counts());
        }
    }

    @EventHandler
    void on(PerformanceLogged event, @SequenceNumber long sequence, TrackingToken token) {
        if (!advance(event.sessionId(), sequence, token)) {
            return;
        }
        jdbc.update("""
                INSERT INTO read_model.session_performance_v1 (performance_id, session_id, title, genre,
                    performer_unit_id, venue, performed_on, audience)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (performance_id) DO UPDATE
                    SET session_id = EXCLUDED.session_id, title = EXCLUDED.title, genre = EXCLUDED.genre,
                        performer_unit_id = EXCLUDED.performer_unit_id, venue = EXCLUDED.venue,
                        performed_on = EXCLUDED.performed_on, audience = EXCLUDED.audience
                """, event.performanceId(), event.sessionId(), event.title(), event.genre(),
                event.performerUnitId(), event.venue(),
                event.performedOn() == null ? null : Date.valueOf(event.performedOn()), event.audience());
    }

    @EventHandler
    void on(PerformanceCorrected event, @SequenceNumber long sequence, TrackingToken token) {
        if (advance(event.sessionId(), sequence, token)) {
            jdbc.update("""
                    UPDATE read_model.session_performance_v1 SET audience = ?
                    WHERE performance_id = ? AND session_id = ?
                    """, event.audience(), event.performanceId(), event.sessionId());
        }
    }

    /** A later note replaces the earlier one. */
    @EventHandler
    void on(DiscussionNoted event, @SequenceNumber long sequence, TrackingToken token) {
        jdbc.update("""
                UPDATE read_model.session_v1
                SET discussion_contributions = ?, discussion_summary = ?, version = ?, last_position = ?
                WHERE session_id = ? AND version < ?
                """, event.contributions(), event.summary(), sequence, positionOf(token), event.sessionId(),
                sequence);
    }

    /** A new submission (after a return) replaces the minutes; the latest review stays, to show why it was returned. */
    @EventHandler
    void on(RecordSubmitted event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant timestamp,
            @MetaDataValue(RECORDED_AT) Object recordedAt) {
        jdbc.update("""
                UPDATE read_model.session_v1
                SET status = 'SUBMITTED', minutes_summary = ?, submitted_at = ?, version = ?, last_position = ?
                WHERE session_id = ? AND version < ?
                """, event.minutesSummary(), SessionTime.utc(recordedAt(recordedAt, timestamp)), sequence,
                positionOf(token), event.sessionId(), sequence);
    }

    @EventHandler
    void on(RecordReviewed event, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant timestamp,
            @MetaDataValue(RECORDED_AT) Object recordedAt) {
        String decision = nameOf(event.decision());
        jdbc.update("""
                UPDATE read_model.session_v1
                SET status = ?, review_decision = ?, review_comment = ?, reviewed_at = ?, version = ?,
                    last_position = ?
                WHERE session_id = ? AND version < ?
                """, decision, decision, event.comment(), SessionTime.utc(recordedAt(recordedAt, timestamp)),
                sequence, positionOf(token), event.sessionId(), sequence);
    }

    /** A replay starts from empty tables: clears this projection's own tables and nothing else. */
    @ResetHandler
    void reset() {
        jdbc.execute("""
                TRUNCATE read_model.session_v1, read_model.session_unit_v1, read_model.session_attendance_v1,
                    read_model.session_guest_v1, read_model.session_performance_v1, read_model.session_unit_name_v1
                """);
    }

    /**
     * Moves the session's row to the event: its version and position. False when the row has seen the event
     * already (or no session was scheduled under that id), and then the event writes nothing else.
     */
    private boolean advance(UUID sessionId, long sequence, TrackingToken token) {
        return jdbc.update("""
                UPDATE read_model.session_v1 SET version = ?, last_position = ?
                WHERE session_id = ? AND version < ?
                """, sequence, positionOf(token), sessionId, sequence) > 0;
    }

    private void nameUnit(UUID unitId, String name) {
        jdbc.update("""
                INSERT INTO read_model.session_unit_name_v1 (unit_id, name) VALUES (?, ?)
                ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name
                """, unitId, name);
    }

    /** Recorded and corrected attendance alike: each entry replaces the member's earlier one for the session. */
    private void record(UUID sessionId, List<AttendanceEntry> entries) {
        jdbc.batchUpdate("""
                INSERT INTO read_model.session_attendance_v1 (session_id, member_id, status, mode, note)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (session_id, member_id) DO UPDATE
                    SET status = EXCLUDED.status, mode = EXCLUDED.mode, note = EXCLUDED.note
                """, entries, entries.size(), (statement, entry) -> {
                    statement.setObject(1, sessionId);
                    statement.setObject(2, entry.memberId());
                    statement.setString(3, entry.status().name());
                    // an absent member has no mode, whatever the entry says
                    statement.setString(4, entry.status() == AttendanceStatus.PRESENT ? nameOf(entry.mode()) : null);
                    statement.setString(5, entry.note());
                });
    }

    /**
     * Counted and corrected guests alike replace the session's earlier counts. Every category is written, zero where
     * the counts have none, so that a category the new counts leave out cannot keep an old number.
     */
    private void count(UUID sessionId, Map<GuestCategory, Integer> counts) {
        List<GuestCategory> categories = Arrays.asList(GuestCategory.values());
        jdbc.batchUpdate("""
                INSERT INTO read_model.session_guest_v1 (session_id, category, attendances) VALUES (?, ?, ?)
                ON CONFLICT (session_id, category) DO UPDATE SET attendances = EXCLUDED.attendances
                """, categories, categories.size(), (statement, category) -> {
                    statement.setObject(1, sessionId);
                    statement.setString(2, category.name());
                    Integer count = counts.get(category);
                    statement.setInt(3, count == null ? 0 : count);
                });
    }

    /** When the fact was recorded: the command side's stamp, else the event's own time. */
    private static Instant recordedAt(Object stamped, Instant timestamp) {
        if (stamped != null) {
            try {
                return Instant.parse(stamped.toString());
            } catch (DateTimeParseException e) {
                // a stamp that is not an instant says nothing usable: the event's time stands in for it
            }
        }
        return timestamp;
    }

    private static Long positionOf(TrackingToken token) {
        if (token == null) {
            return null;
        }
        var position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
