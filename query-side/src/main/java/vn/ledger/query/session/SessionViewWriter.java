package vn.ledger.query.session;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.ledger.query.projection.ProjectionWriter;

/**
 * Writes the tables of {@code sessions-v1} (see {@code db/projection/sessions-v1}) into one generation's schema:
 * each session as it stands, its units, attendance, guests, performances, discussion, submission and review, and
 * the roster's unit names.
 *
 * <p>Every event of a session first moves the session's row to the event's position, and only if the row had not
 * seen that position yet (its {@code last_position} is lower) writes the rest and counts the event in the row's
 * {@code version}: an event applied twice changes nothing, and as every event of a session is counted exactly once,
 * {@code version} is the sequence number of the session's latest event. Every other write is an upsert by natural
 * key, so a replay of the log into empty tables gives the rows of incremental processing.
 */
final class SessionViewWriter implements ProjectionWriter {

    /** The tables of one generation, for {@link #clear()}. */
    static final List<String> TABLES = List.of("session", "session_unit", "session_attendance", "session_guest",
            "session_performance", "session_unit_name");

    /** The metadata key the command side stamps every event with: when the fact was recorded. */
    static final String RECORDED_AT = "recordedAt";

    private final JdbcTemplate jdbc;
    private final Supplier<String> schema;

    SessionViewWriter(JdbcTemplate jdbc, Supplier<String> schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public void apply(EventMessage<?> event, long position) {
        apply(event.getPayload(), position, recordedAt(event.getMetaData().get(RECORDED_AT), event.getTimestamp()));
    }

    /** When the fact was recorded: the command side's stamp, else the event's own time. */
    static Instant recordedAt(Object stamped, Instant timestamp) {
        if (stamped != null) {
            try {
                return Instant.parse(stamped.toString());
            } catch (java.time.format.DateTimeParseException e) {
                // a stamp that is not an instant says nothing usable: the event's time stands in for it
            }
        }
        return timestamp;
    }

    private void apply(Object payload, long p, Instant recorded) {
        if (payload instanceof UnitRegistered e) {
            nameUnit(e.unitId(), e.name());
        } else if (payload instanceof UnitRenamed e) {
            nameUnit(e.unitId(), e.name());
        } else if (payload instanceof SessionScheduled e) {
            scheduled(e, p);
        } else if (payload instanceof SessionRescheduled e) {
            // the date and quarter follow the new time; the status stays what it was
            LocalDate scheduledOn = SessionTime.dateOf(e.scheduledAt());
            advance(e.sessionId(), p, "scheduled_at = ?, scheduled_on = ?, quarter = ?",
                    SessionTime.utc(e.scheduledAt()), Date.valueOf(scheduledOn), SessionTime.quarterOf(scheduledOn));
        } else if (payload instanceof SessionCancelled e) {
            advance(e.sessionId(), p, "status = 'CANCELLED', cancel_reason = ?", e.reason());
        } else if (payload instanceof AttendanceRecorded e) {
            // attendance on record makes a planned session held; any other status stays
            if (advance(e.sessionId(), p, "status = CASE WHEN status = 'PLANNED' THEN 'HELD' ELSE status END")) {
                record(e.sessionId(), e.entries());
            }
        } else if (payload instanceof AttendanceCorrected e) {
            if (advance(e.sessionId(), p, null)) {
                record(e.sessionId(), e.entries());
            }
        } else if (payload instanceof GuestsCounted e) {
            if (advance(e.sessionId(), p, null)) {
                count(e.sessionId(), e.counts());
            }
        } else if (payload instanceof GuestsCorrected e) {
            if (advance(e.sessionId(), p, null)) {
                count(e.sessionId(), e.counts());
            }
        } else if (payload instanceof PerformanceLogged e) {
            if (advance(e.sessionId(), p, null)) {
                logged(e);
            }
        } else if (payload instanceof PerformanceCorrected e) {
            if (advance(e.sessionId(), p, null)) {
                jdbc.update("UPDATE " + table("session_performance")
                        + " SET audience = ? WHERE performance_id = ? AND session_id = ?",
                        e.audience(), e.performanceId(), e.sessionId());
            }
        } else if (payload instanceof DiscussionNoted e) {
            // a later note replaces the earlier one
            advance(e.sessionId(), p, "discussion_contributions = ?, discussion_summary = ?", e.contributions(),
                    e.summary());
        } else if (payload instanceof RecordSubmitted e) {
            // a new submission (after a return) replaces the minutes; the latest review stays, to show why it was
            // returned
            advance(e.sessionId(), p, "status = 'SUBMITTED', minutes_summary = ?, submitted_at = ?",
                    e.minutesSummary(), SessionTime.utc(recorded));
        } else if (payload instanceof RecordReviewed e) {
            String decision = nameOf(e.decision());
            advance(e.sessionId(), p, "status = ?, review_decision = ?, review_comment = ?, reviewed_at = ?",
                    decision, decision, e.comment(), SessionTime.utc(recorded));
        }
    }

    @Override
    public void clear() {
        jdbc.execute("TRUNCATE " + String.join(", ", TABLES.stream().map(this::table).toList()));
    }

    /** A new session at version 0; a session the view has already (the same event once more) stays as it is. */
    private void scheduled(SessionScheduled event, long p) {
        LocalDate scheduledOn = SessionTime.dateOf(event.scheduledAt());
        int written = jdbc.update("""
                INSERT INTO %s (session_id, topic, scheduled_at, scheduled_on, quarter, format, venue, online_url,
                    presenter, host, basis_documents, status, version, last_position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', 0, ?)
                ON CONFLICT (session_id) DO NOTHING
                """.formatted(table("session")),
                event.sessionId(), event.topic(), SessionTime.utc(event.scheduledAt()), Date.valueOf(scheduledOn),
                SessionTime.quarterOf(scheduledOn), nameOf(event.format()), event.venue(), event.onlineUrl(),
                event.presenter(), event.host(), event.basisDocuments().toArray(String[]::new), p);
        if (written == 0) {
            return; // seen already
        }
        List<UUID> unitIds = event.unitIds();
        jdbc.batchUpdate("""
                INSERT INTO %s (session_id, unit_id, ordinal) VALUES (?, ?, ?)
                ON CONFLICT (session_id, unit_id) DO UPDATE SET ordinal = EXCLUDED.ordinal
                """.formatted(table("session_unit")), unitIds, unitIds.size(), (statement, unitId) -> {
                    statement.setObject(1, event.sessionId());
                    statement.setObject(2, unitId);
                    statement.setInt(3, unitIds.indexOf(unitId));
                });
    }

    /**
     * Moves the session's row to the event at position {@code p}, counting it in the version, and sets
     * {@code changes} (a SQL {@code SET} list with {@code ?} for {@code arguments}; {@code null} for none). False
     * when the row has seen the event already (or no session was scheduled under that id), and then the event writes
     * nothing else.
     */
    private boolean advance(UUID sessionId, long p, String changes, Object... arguments) {
        Object[] all = new Object[arguments.length + 3];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = p;
        all[arguments.length + 1] = sessionId;
        all[arguments.length + 2] = p;
        return jdbc.update("UPDATE " + table("session") + " SET "
                + (changes == null ? "" : changes + ", ")
                + "version = version + 1, last_position = ? WHERE session_id = ? AND last_position < ?", all) > 0;
    }

    private void logged(PerformanceLogged event) {
        jdbc.update("""
                INSERT INTO %s (performance_id, session_id, title, genre, performer_unit_id, venue, performed_on,
                    audience)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (performance_id) DO UPDATE
                    SET session_id = EXCLUDED.session_id, title = EXCLUDED.title, genre = EXCLUDED.genre,
                        performer_unit_id = EXCLUDED.performer_unit_id, venue = EXCLUDED.venue,
                        performed_on = EXCLUDED.performed_on, audience = EXCLUDED.audience
                """.formatted(table("session_performance")), event.performanceId(), event.sessionId(), event.title(),
                event.genre(), event.performerUnitId(), event.venue(),
                event.performedOn() == null ? null : Date.valueOf(event.performedOn()), event.audience());
    }

    private void nameUnit(UUID unitId, String name) {
        jdbc.update("""
                INSERT INTO %s (unit_id, name) VALUES (?, ?)
                ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name
                """.formatted(table("session_unit_name")), unitId, name);
    }

    /** Recorded and corrected attendance alike: each entry replaces the member's earlier one for the session. */
    private void record(UUID sessionId, List<AttendanceEntry> entries) {
        jdbc.batchUpdate("""
                INSERT INTO %s (session_id, member_id, status, mode, note)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (session_id, member_id) DO UPDATE
                    SET status = EXCLUDED.status, mode = EXCLUDED.mode, note = EXCLUDED.note
                """.formatted(table("session_attendance")), entries, entries.size(), (statement, entry) -> {
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
                INSERT INTO %s (session_id, category, attendances) VALUES (?, ?, ?)
                ON CONFLICT (session_id, category) DO UPDATE SET attendances = EXCLUDED.attendances
                """.formatted(table("session_guest")), categories, categories.size(), (statement, category) -> {
                    statement.setObject(1, sessionId);
                    statement.setString(2, category.name());
                    Integer count = counts.get(category);
                    statement.setInt(3, count == null ? 0 : count);
                });
    }

    private String table(String name) {
        return schema.get() + "." + name;
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
