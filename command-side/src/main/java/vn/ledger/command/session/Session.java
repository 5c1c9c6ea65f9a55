package vn.ledger.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ledger.command.session.SessionRules.DuplicateMember;
import vn.ledger.command.session.SessionRules.DuplicateUnit;
import vn.ledger.command.session.SessionRules.NegativeCount;
import vn.ledger.command.session.SessionRules.OnlineUrlRequired;
import vn.ledger.command.session.SessionRules.PerformanceAlreadyLogged;
import vn.ledger.command.session.SessionRules.VenueRequired;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.SessionScheduled;

/**
 * The record of one thematic session. Command handlers check named rules first, then apply; event-sourcing
 * handlers only assign state.
 */
@Aggregate
public class Session {

    /** Business dates are read in the committee's time zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @AggregateIdentifier
    private UUID sessionId;

    /** The sequence number of the last applied event: the version clients see in {@code ETag}. */
    private long version = -1;

    private final Map<UUID, AttendanceEntry> attendance = new HashMap<>();
    private final Map<UUID, PerformanceLogged> performances = new HashMap<>();

    Session() {
        // for Axon: state is rebuilt from the events
    }

    @CommandHandler
    Session(ScheduleSession command) {
        requireDistinctUnits(command.unitIds());
        SessionRules.requireSaneDate("scheduledAt", command.scheduledAt().atZone(ZONE).toLocalDate());
        requirePlaceForFormat(command.format(), command.venue(), command.onlineUrl());
        apply(new SessionScheduled(
                command.sessionId(),
                command.unitIds(),
                command.topic(),
                command.scheduledAt(),
                command.format(),
                command.basisDocuments(),
                command.venue(),
                command.onlineUrl(),
                command.presenter(),
                command.host()));
    }

    @CommandHandler
    CommandOutcome handle(RecordAttendance command) {
        requireDistinctMembers(command.entries());
        List<AttendanceEntry> changed = command.entries().stream()
                .map(Session::normalised)
                .filter(entry -> !entry.equals(attendance.get(entry.memberId())))
                .toList();
        if (changed.isEmpty()) {
            return outcome(); // the same attendance recorded again
        }
        apply(new AttendanceRecorded(sessionId, changed));
        return outcome("AttendanceRecorded");
    }

    @CommandHandler
    CommandOutcome handle(LogPerformance command) {
        if (command.audience() < 0) {
            throw new NegativeCount("audience", command.audience());
        }
        SessionRules.requireSaneDate("performedOn", command.performedOn());
        PerformanceLogged logged = new PerformanceLogged(
                sessionId,
                command.performanceId(),
                command.title(),
                command.genre(),
                command.performerUnitId(),
                command.venue(),
                command.performedOn(),
                command.audience());
        PerformanceLogged earlier = performances.get(command.performanceId());
        if (earlier != null) {
            if (earlier.equals(logged)) {
                return outcome(); // the same showing logged again
            }
            throw new PerformanceAlreadyLogged(command.performanceId());
        }
        apply(logged);
        return outcome("PerformanceLogged");
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        sessionId = event.sessionId();
        version++;
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        event.entries().forEach(entry -> attendance.put(entry.memberId(), entry));
        version++;
    }

    @EventSourcingHandler
    void on(PerformanceLogged event) {
        performances.put(event.performanceId(), event);
        version++;
    }

    private CommandOutcome outcome(String... eventTypes) {
        return new CommandOutcome(version, List.of(eventTypes));
    }

    private static void requireDistinctUnits(List<UUID> unitIds) {
        Set<UUID> seen = new HashSet<>();
        for (UUID unitId : unitIds) {
            if (!seen.add(unitId)) {
                throw new DuplicateUnit(unitId);
            }
        }
    }

    private static void requireDistinctMembers(List<AttendanceEntry> entries) {
        Set<UUID> seen = new HashSet<>();
        for (AttendanceEntry entry : entries) {
            if (!seen.add(entry.memberId())) {
                throw new DuplicateMember(entry.memberId());
            }
        }
    }

    private static void requirePlaceForFormat(SessionFormat format, String venue, String onlineUrl) {
        if (format != SessionFormat.ONLINE && isBlank(venue)) {
            throw new VenueRequired();
        }
        if (format != SessionFormat.IN_PERSON && isBlank(onlineUrl)) {
            throw new OnlineUrlRequired();
        }
    }

    /** A present member attended in person unless told otherwise; an absent member has no mode. */
    private static AttendanceEntry normalised(AttendanceEntry entry) {
        AttendanceMode mode = entry.status() == AttendanceStatus.PRESENT
                ? (entry.mode() == null ? AttendanceMode.IN_PERSON : entry.mode())
                : null;
        String note = isBlank(entry.note()) ? null : entry.note().strip();
        return new AttendanceEntry(entry.memberId(), entry.status(), mode, note);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
