package vn.ledger.query.session;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.ledger.query.projection.WriteBehind;

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
 *
 * <p>The rows are kept in a {@link SessionBuffer} for the rest of the transaction (a batch of events) and written
 * before it commits, one set-based statement per table ({@link WriteBehind}).
 */
final class SessionViewWriter implements ProjectionWriter {

    /** The tables of one generation, for {@link #clear()}. */
    static final List<String> TABLES = List.of("session", "session_unit", "session_attendance", "session_guest",
            "session_performance", "session_unit_name");

    /** The metadata key the command side stamps every event with: when the fact was recorded. */
    static final String RECORDED_AT = "recordedAt";

    private static final int VERSION = SessionBuffer.sessionColumn("version");
    private static final int LAST_POSITION = SessionBuffer.sessionColumn("last_position");
    private static final int STATUS = SessionBuffer.sessionColumn("status");
    private static final int AUDIENCE = SessionBuffer.performanceColumn("audience");
    private static final int PERFORMANCE_SESSION = SessionBuffer.performanceColumn("session_id");

    private final JdbcTemplate jdbc;
    private final Supplier<String> schema;
    private final boolean batched;

    /**
     * @param batched whether a transaction's events are written together before it commits, or each event at once
     *     ({@link vn.ledger.query.readmodel.ProcessingMode#AXON_DEFAULTS})
     */
    SessionViewWriter(JdbcTemplate jdbc, Supplier<String> schema, boolean batched) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.batched = batched;
    }

    @Override
    public void apply(EventMessage<?> event, long position) {
        Object payload = event.getPayload();
        if (!concerns(payload)) {
            return;
        }
        Instant recorded = recordedAt(event.getMetaData().get(RECORDED_AT), event.getTimestamp());
        SessionBuffer pending = batched ? WriteBehind.inTransaction(this, this::buffer) : null;
        if (pending != null) {
            apply(pending, payload, position, recorded);
        } else {
            SessionBuffer single = buffer();
            apply(single, payload, position, recorded);
            single.flush();
        }
    }

    private SessionBuffer buffer() {
        return new SessionBuffer(jdbc, schema.get());
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

    private static boolean concerns(Object payload) {
        return payload instanceof UnitRegistered || payload instanceof UnitRenamed
                || payload instanceof SessionScheduled || payload instanceof SessionRescheduled
                || payload instanceof SessionCancelled || payload instanceof AttendanceRecorded
                || payload instanceof AttendanceCorrected || payload instanceof GuestsCounted
                || payload instanceof GuestsCorrected || payload instanceof PerformanceLogged
                || payload instanceof PerformanceCorrected || payload instanceof DiscussionNoted
                || payload instanceof RecordSubmitted || payload instanceof RecordReviewed;
    }

    private static void apply(SessionBuffer rows, Object payload, long p, Instant recorded) {
        if (payload instanceof UnitRegistered e) {
            rows.unitName(e.unitId(), e.name());
        } else if (payload instanceof UnitRenamed e) {
            rows.unitName(e.unitId(), e.name());
        } else if (payload instanceof SessionScheduled e) {
            scheduled(rows, e, p);
        } else if (payload instanceof SessionRescheduled e) {
            // the date and quarter follow the new time; the status stays what it was
            LocalDate scheduledOn = SessionTime.dateOf(e.scheduledAt());
            advance(rows, e.sessionId(), p, "scheduled_at", SessionTime.utc(e.scheduledAt()),
                    "scheduled_on", Date.valueOf(scheduledOn), "quarter", SessionTime.quarterOf(scheduledOn));
        } else if (payload instanceof SessionCancelled e) {
            advance(rows, e.sessionId(), p, "status", "CANCELLED", "cancel_reason", e.reason());
        } else if (payload instanceof AttendanceRecorded e) {
            // attendance on record makes a planned session held; any other status stays
            Object[] session = rows.session(e.sessionId());
            String status = session == null ? null : (String) session[STATUS];
            if (advance(rows, e.sessionId(), p, "status", "PLANNED".equals(status) ? "HELD" : status)) {
                record(rows, e.sessionId(), e.entries());
            }
        } else if (payload instanceof AttendanceCorrected e) {
            if (advance(rows, e.sessionId(), p)) {
                record(rows, e.sessionId(), e.entries());
            }
        } else if (payload instanceof GuestsCounted e) {
            if (advance(rows, e.sessionId(), p)) {
                count(rows, e.sessionId(), e.counts());
            }
        } else if (payload instanceof GuestsCorrected e) {
            if (advance(rows, e.sessionId(), p)) {
                count(rows, e.sessionId(), e.counts());
            }
        } else if (payload instanceof PerformanceLogged e) {
            if (advance(rows, e.sessionId(), p)) {
                rows.performanceChanged(e.performanceId(), new Object[] {e.performanceId(), e.sessionId(),
                        e.title(), e.genre(), e.performerUnitId(), e.venue(),
                        e.performedOn() == null ? null : Date.valueOf(e.performedOn()), e.audience()});
            }
        } else if (payload instanceof PerformanceCorrected e) {
            if (advance(rows, e.sessionId(), p)) {
                Object[] performance = rows.performance(e.performanceId());
                if (performance != null && e.sessionId().equals(performance[PERFORMANCE_SESSION])) {
                    Object[] corrected = performance.clone();
                    corrected[AUDIENCE] = e.audience();
                    rows.performanceChanged(e.performanceId(), corrected);
                }
            }
        } else if (payload instanceof DiscussionNoted e) {
            // a later note replaces the earlier one
            advance(rows, e.sessionId(), p, "discussion_contributions", e.contributions(),
                    "discussion_summary", e.summary());
        } else if (payload instanceof RecordSubmitted e) {
            // a new submission (after a return) replaces the minutes; the latest review stays, to show why it was
            // returned
            advance(rows, e.sessionId(), p, "status", "SUBMITTED", "minutes_summary", e.minutesSummary(),
                    "submitted_at", SessionTime.utc(recorded));
        } else if (payload instanceof RecordReviewed e) {
            String decision = nameOf(e.decision());
            advance(rows, e.sessionId(), p, "status", decision, "review_decision", decision,
                    "review_comment", e.comment(), "reviewed_at", SessionTime.utc(recorded));
        }
    }

    @Override
    public void clear() {
        WriteBehind.discard(this);
        jdbc.execute("TRUNCATE " + String.join(", ", TABLES.stream().map(this::table).toList()));
    }

    /** A new session at version 0; a session the view has already (the same event once more) stays as it is. */
    private static void scheduled(SessionBuffer rows, SessionScheduled event, long p) {
        if (rows.session(event.sessionId()) != null) {
            return; // seen already
        }
        LocalDate scheduledOn = SessionTime.dateOf(event.scheduledAt());
        Object[] session = new Object[SessionBuffer.SESSION.size()];
        set(session, "session_id", event.sessionId(), "topic", event.topic(),
                "scheduled_at", SessionTime.utc(event.scheduledAt()), "scheduled_on", Date.valueOf(scheduledOn),
                "quarter", SessionTime.quarterOf(scheduledOn), "format", nameOf(event.format()),
                "venue", event.venue(), "online_url", event.onlineUrl(), "presenter", event.presenter(),
                "host", event.host(), "basis_documents", List.copyOf(event.basisDocuments()), "status", "PLANNED",
                "version", 0L, "last_position", p);
        rows.sessionChanged(event.sessionId(), session);
        List<UUID> unitIds = event.unitIds();
        for (int ordinal = 0; ordinal < unitIds.size(); ordinal++) {
            rows.sessionUnit(event.sessionId(), unitIds.get(ordinal), unitIds.indexOf(unitIds.get(ordinal)));
        }
    }

    /**
     * Moves the session's row to the event at position {@code p}, counting it in the version, and sets
     * {@code changes} (column name, value, ...). False when the row has seen the event already (or no session was
     * scheduled under that id), and then the event writes nothing else.
     */
    private static boolean advance(SessionBuffer rows, UUID sessionId, long p, Object... changes) {
        Object[] current = rows.session(sessionId);
        if (current == null || (Long) current[LAST_POSITION] >= p) {
            return false;
        }
        Object[] advanced = current.clone();
        set(advanced, changes);
        advanced[VERSION] = (Long) current[VERSION] + 1;
        advanced[LAST_POSITION] = p;
        rows.sessionChanged(sessionId, advanced);
        return true;
    }

    private static void set(Object[] row, Object... changes) {
        for (int i = 0; i < changes.length; i += 2) {
            row[SessionBuffer.sessionColumn((String) changes[i])] = changes[i + 1];
        }
    }

    /** Recorded and corrected attendance alike: each entry replaces the member's earlier one for the session. */
    private static void record(SessionBuffer rows, UUID sessionId, List<AttendanceEntry> entries) {
        for (AttendanceEntry entry : entries) {
            // an absent member has no mode, whatever the entry says
            rows.attendance(sessionId, entry.memberId(), entry.status().name(),
                    entry.status() == AttendanceStatus.PRESENT ? nameOf(entry.mode()) : null, entry.note());
        }
    }

    /**
     * Counted and corrected guests alike replace the session's earlier counts. Every category is written, zero where
     * the counts have none, so that a category the new counts leave out cannot keep an old number.
     */
    private static void count(SessionBuffer rows, UUID sessionId, Map<GuestCategory, Integer> counts) {
        for (GuestCategory category : GuestCategory.values()) {
            Integer count = counts.get(category);
            rows.guests(sessionId, category.name(), count == null ? 0 : count);
        }
    }

    private String table(String name) {
        return schema.get() + "." + name;
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
