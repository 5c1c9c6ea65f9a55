package vn.ledger.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ledger.command.api.Changes;
import vn.ledger.command.api.CommandOutcome;
import vn.ledger.command.roster.Roster;
import vn.ledger.command.rule.Actor;
import vn.ledger.command.rule.Rules;
import vn.ledger.command.session.SessionCommands.AudienceCorrection;
import vn.ledger.command.session.SessionCommands.CancelSession;
import vn.ledger.command.session.SessionCommands.CorrectRecord;
import vn.ledger.command.session.SessionCommands.CountGuests;
import vn.ledger.command.session.SessionCommands.LogPerformance;
import vn.ledger.command.session.SessionCommands.NoteDiscussion;
import vn.ledger.command.session.SessionCommands.RecordAttendance;
import vn.ledger.command.session.SessionCommands.RescheduleSession;
import vn.ledger.command.session.SessionCommands.ReviewRecord;
import vn.ledger.command.session.SessionCommands.ScheduleSession;
import vn.ledger.command.session.SessionCommands.SubmitRecord;
import vn.ledger.command.session.SessionRules.AttendanceMissing;
import vn.ledger.command.session.SessionRules.CorrectionEmpty;
import vn.ledger.command.session.SessionRules.MemberExempt;
import vn.ledger.command.session.SessionRules.MemberNotYetAdmitted;
import vn.ledger.command.session.SessionRules.MemberOutsideSessionUnits;
import vn.ledger.command.session.SessionRules.OnlineUrlRequired;
import vn.ledger.command.session.SessionRules.PerformanceAlreadyLogged;
import vn.ledger.command.session.SessionRules.PerformanceNotFound;
import vn.ledger.command.session.SessionRules.RecordAlreadyReviewed;
import vn.ledger.command.session.SessionRules.RecordAlreadySubmitted;
import vn.ledger.command.session.SessionRules.RecordNotSubmitted;
import vn.ledger.command.session.SessionRules.SessionAlreadyCancelled;
import vn.ledger.command.session.SessionRules.SessionIsCancelled;
import vn.ledger.command.session.SessionRules.UnitsRequired;
import vn.ledger.command.session.SessionRules.VenueRequired;
import vn.ledger.events.AttendanceCorrected;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
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
import vn.ledger.events.ReviewDecision;
import vn.ledger.events.SessionCancelled;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.SessionRescheduled;
import vn.ledger.events.SessionScheduled;

/**
 * The record of one thematic session, from planning to review. While open it is written directly; once submitted
 * it changes only by corrections with a reason, which keep what they replace. Command handlers check named rules
 * first, then apply; event-sourcing handlers only assign state.
 */
@Aggregate(repository = "sessionRepository")
public class Session {

    /** Business dates are read in the committee's time zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Where the record stands. */
    enum Status {
        OPEN,
        SUBMITTED,
        RETURNED,
        ACKNOWLEDGED
    }

    @AggregateIdentifier
    private UUID sessionId;
    private List<UUID> unitIds;
    private LocalDate date;
    private java.time.Instant scheduledAt;
    private boolean cancelled;
    private Status status = Status.OPEN;
    private final Map<UUID, AttendanceEntry> attendance = new HashMap<>();
    private final Map<GuestCategory, Integer> guests = new EnumMap<>(GuestCategory.class);
    private final Map<UUID, PerformanceLogged> performances = new HashMap<>();
    private DiscussionNoted discussion;

    Session() {
        // for Axon: state is rebuilt from the events
    }

    @CommandHandler
    Session(ScheduleSession command, MetaData metaData, Roster roster) {
        List<UUID> units = command.wholeCommittee() ? roster.activeUnitIds() : command.unitIds();
        if (units == null || units.isEmpty()) {
            throw new UnitsRequired();
        }
        Rules.requireDistinct(units, "duplicate-unit", "unitIds");
        Actor.of(metaData).requireMayScheduleFor(units);
        LocalDate day = command.scheduledAt().atZone(ZONE).toLocalDate();
        Rules.requireSaneDate("scheduledAt", day);
        requireActiveUnits(roster, units, day);
        requirePlaceForFormat(command.format(), command.venue(), command.onlineUrl());
        apply(new SessionScheduled(command.sessionId(), units, command.topic(), command.scheduledAt(),
                command.format(), command.basisDocuments(), command.venue(), command.onlineUrl(),
                command.presenter(), command.host()));
    }

    @CommandHandler
    CommandOutcome handle(RescheduleSession command, MetaData metaData, Roster roster) {
        requireWritableOpenRecord(metaData, command.expectedVersion());
        String reason = Rules.requireReason(command.reason());
        LocalDate day = command.scheduledAt().atZone(ZONE).toLocalDate();
        Rules.requireSaneDate("scheduledAt", day);
        if (command.scheduledAt().equals(scheduledAt)) {
            return Changes.unchanged();
        }
        requireActiveUnits(roster, unitIds, day);
        Changes changes = new Changes();
        changes.apply(new SessionRescheduled(sessionId, command.scheduledAt(), scheduledAt, reason));
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(CancelSession command, MetaData metaData) {
        Actor.of(metaData).requireMayWriteFor(unitIds);
        Rules.requireVersion(command.expectedVersion());
        if (cancelled) {
            throw new SessionAlreadyCancelled(sessionId);
        }
        if (status != Status.OPEN) {
            throw new RecordAlreadySubmitted(sessionId);
        }
        Changes changes = new Changes();
        changes.apply(new SessionCancelled(sessionId, Rules.requireReason(command.reason())));
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(RecordAttendance command, MetaData metaData, Roster roster) {
        requireWritableOpenRecord(metaData, command.expectedVersion());
        List<AttendanceEntry> entries = new ArrayList<>(command.entries());
        Rules.requireDistinct(entries.stream().map(AttendanceEntry::memberId).toList(), "duplicate-member",
                "entries");
        requireExpected(roster, entries.stream().map(AttendanceEntry::memberId).toList());
        if (command.defaultStatus() != null) {
            Set<UUID> listed = new HashSet<>(entries.stream().map(AttendanceEntry::memberId).toList());
            for (UUID memberId : roster.expectedMembers(unitIds, date)) {
                if (!listed.contains(memberId)) {
                    entries.add(new AttendanceEntry(memberId, command.defaultStatus(), command.defaultMode(), null));
                }
            }
        }
        List<AttendanceEntry> changed = changedEntries(entries);
        if (changed.isEmpty()) {
            return Changes.unchanged(); // the same attendance recorded again
        }
        Changes changes = new Changes();
        changes.apply(new AttendanceRecorded(sessionId, changed));
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(CountGuests command, MetaData metaData) {
        requireWritableOpenRecord(metaData, command.expectedVersion());
        Map<GuestCategory, Integer> counts = completeCounts(command.counts());
        if (counts.equals(currentGuests())) {
            return Changes.unchanged();
        }
        Changes changes = new Changes();
        changes.apply(new GuestsCounted(sessionId, counts));
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(LogPerformance command, MetaData metaData, Roster roster) {
        requireWritableOpenRecord(metaData, command.expectedVersion());
        Rules.requireNotNegative("audience", command.audience());
        Rules.requireSaneDate("performedOn", command.performedOn());
        roster.unit(command.performerUnitId())
                .orElseThrow(() -> new Rules.UnitNotFound("performerUnitId", command.performerUnitId()));
        PerformanceLogged logged = new PerformanceLogged(sessionId, command.performanceId(), command.title(),
                command.genre(), command.performerUnitId(), command.venue(), command.performedOn(),
                command.audience());
        PerformanceLogged earlier = performances.get(command.performanceId());
        if (earlier != null) {
            if (earlier.equals(logged)) {
                return Changes.unchanged(); // the same showing logged again
            }
            throw new PerformanceAlreadyLogged(command.performanceId());
        }
        Changes changes = new Changes();
        changes.apply(logged);
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(NoteDiscussion command, MetaData metaData) {
        requireWritableOpenRecord(metaData, command.expectedVersion());
        Rules.requireNotNegative("contributions", command.contributions());
        DiscussionNoted noted = new DiscussionNoted(sessionId, command.contributions(), command.summary());
        if (noted.equals(discussion)) {
            return Changes.unchanged();
        }
        Changes changes = new Changes();
        changes.apply(noted);
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(SubmitRecord command, MetaData metaData) {
        Actor.of(metaData).requireMayWriteFor(unitIds);
        Rules.requireVersion(command.expectedVersion());
        requireNotCancelled();
        if (status == Status.SUBMITTED || status == Status.ACKNOWLEDGED) {
            throw new RecordAlreadySubmitted(sessionId);
        }
        if (attendance.isEmpty()) {
            throw new AttendanceMissing();
        }
        Changes changes = new Changes();
        changes.apply(new RecordSubmitted(sessionId, command.minutesSummary()));
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(CorrectRecord command, MetaData metaData, Roster roster) {
        Actor.of(metaData).requireMayWriteFor(unitIds);
        Rules.requireVersion(command.expectedVersion());
        if (status == Status.OPEN) {
            throw new RecordNotSubmitted(sessionId);
        }
        String reason = Rules.requireReason(command.reason());
        boolean hasAttendance = command.attendance() != null && !command.attendance().isEmpty();
        boolean hasPerformances = command.performances() != null && !command.performances().isEmpty();
        if (!hasAttendance && command.guests() == null && !hasPerformances) {
            throw new CorrectionEmpty();
        }
        Changes changes = new Changes();
        if (hasAttendance) {
            List<UUID> memberIds = command.attendance().stream().map(AttendanceEntry::memberId).toList();
            Rules.requireDistinct(memberIds, "duplicate-member", "attendance");
            requireExpected(roster, memberIds);
            List<AttendanceEntry> changed = changedEntries(command.attendance());
            if (!changed.isEmpty()) {
                List<AttendanceEntry> previous = changed.stream().map(e -> attendance.get(e.memberId())).toList();
                changes.apply(new AttendanceCorrected(sessionId, changed, previous, reason));
            }
        }
        if (command.guests() != null) {
            Map<GuestCategory, Integer> counts = completeCounts(command.guests());
            if (!counts.equals(currentGuests())) {
                changes.apply(new GuestsCorrected(sessionId, counts, currentGuests(), reason));
            }
        }
        if (hasPerformances) {
            Rules.requireDistinct(command.performances().stream().map(AudienceCorrection::performanceId).toList(),
                    "duplicate-performance", "performances");
            for (AudienceCorrection correction : command.performances()) {
                PerformanceLogged showing = performances.get(correction.performanceId());
                if (showing == null) {
                    throw new PerformanceNotFound(correction.performanceId());
                }
                Rules.requireNotNegative("audience", correction.audience());
            }
            for (AudienceCorrection correction : command.performances()) {
                int previous = performances.get(correction.performanceId()).audience();
                if (previous != correction.audience()) {
                    changes.apply(new PerformanceCorrected(sessionId, correction.performanceId(),
                            correction.audience(), previous, reason));
                }
            }
        }
        return changes.outcome();
    }

    @CommandHandler
    CommandOutcome handle(ReviewRecord command, MetaData metaData) {
        Actor.of(metaData).requireRole(Actor.REVIEWER, Actor.OFFICE);
        Rules.requireVersion(command.expectedVersion());
        if (status == Status.ACKNOWLEDGED) {
            throw new RecordAlreadyReviewed(sessionId);
        }
        if (status != Status.SUBMITTED) {
            throw new RecordNotSubmitted(sessionId);
        }
        Changes changes = new Changes();
        changes.apply(new RecordReviewed(sessionId, command.decision(), command.comment()));
        return changes.outcome();
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        sessionId = event.sessionId();
        unitIds = event.unitIds();
        scheduledAt = event.scheduledAt();
        date = event.scheduledAt().atZone(ZONE).toLocalDate();
    }

    @EventSourcingHandler
    void on(SessionRescheduled event) {
        scheduledAt = event.scheduledAt();
        date = event.scheduledAt().atZone(ZONE).toLocalDate();
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        event.entries().forEach(entry -> attendance.put(entry.memberId(), entry));
    }

    @EventSourcingHandler
    void on(AttendanceCorrected event) {
        event.entries().forEach(entry -> attendance.put(entry.memberId(), entry));
    }

    @EventSourcingHandler
    void on(GuestsCounted event) {
        guests.putAll(event.counts());
    }

    @EventSourcingHandler
    void on(GuestsCorrected event) {
        guests.putAll(event.counts());
    }

    @EventSourcingHandler
    void on(PerformanceLogged event) {
        performances.put(event.performanceId(), event);
    }

    @EventSourcingHandler
    void on(PerformanceCorrected event) {
        PerformanceLogged showing = performances.get(event.performanceId());
        performances.put(event.performanceId(), new PerformanceLogged(showing.sessionId(), showing.performanceId(),
                showing.title(), showing.genre(), showing.performerUnitId(), showing.venue(), showing.performedOn(),
                event.audience()));
    }

    @EventSourcingHandler
    void on(DiscussionNoted event) {
        discussion = event;
    }

    @EventSourcingHandler
    void on(RecordSubmitted event) {
        status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(RecordReviewed event) {
        status = event.decision() == ReviewDecision.ACKNOWLEDGED ? Status.ACKNOWLEDGED : Status.RETURNED;
    }

    /** Direct writes: by the session's secretary or the office, on an open record of a session not cancelled. */
    private void requireWritableOpenRecord(MetaData metaData, Long expectedVersion) {
        Actor.of(metaData).requireMayWriteFor(unitIds);
        Rules.requireVersion(expectedVersion);
        requireNotCancelled();
        if (status != Status.OPEN) {
            throw new RecordAlreadySubmitted(sessionId);
        }
    }

    private void requireNotCancelled() {
        if (cancelled) {
            throw new SessionIsCancelled(sessionId);
        }
    }

    /** Every listed member was expected at this session: on the roster of its units that day, not exempt. */
    private void requireExpected(Roster roster, List<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        roster.standings(memberIds, unitIds, date).forEach((memberId, standing) -> {
            switch (standing) {
                case EXPECTED -> { }
                case UNKNOWN -> throw new Rules.MemberNotFound(memberId);
                case NOT_YET_ADMITTED -> throw new MemberNotYetAdmitted(memberId);
                case OUTSIDE_UNITS -> throw new MemberOutsideSessionUnits(memberId);
                case EXEMPT -> throw new MemberExempt(memberId);
                default -> throw new IllegalStateException(standing.name());
            }
        });
    }

    /** The entries, normalised, that differ from what is on record. */
    private List<AttendanceEntry> changedEntries(List<AttendanceEntry> entries) {
        return entries.stream()
                .map(Session::normalised)
                .filter(entry -> !entry.equals(attendance.get(entry.memberId())))
                .toList();
    }

    private Map<GuestCategory, Integer> currentGuests() {
        return completeCounts(guests);
    }

    /** Every category, zero where not given; never negative. */
    private static Map<GuestCategory, Integer> completeCounts(Map<GuestCategory, Integer> given) {
        Map<GuestCategory, Integer> counts = new LinkedHashMap<>();
        for (GuestCategory category : GuestCategory.values()) {
            Integer count = given.get(category);
            int value = count == null ? 0 : count;
            Rules.requireNotNegative("counts." + category.name(), value);
            counts.put(category, value);
        }
        return counts;
    }

    private static void requireActiveUnits(Roster roster, List<UUID> units, LocalDate day) {
        for (UUID unitId : units) {
            Roster.Unit unit = roster.unit(unitId).orElseThrow(() -> new Rules.UnitNotFound("unitIds", unitId));
            if (!unit.isActiveOn(day)) {
                throw new Rules.UnitMergedAway(unitId, unit.mergedIntoUnitId());
            }
        }
    }

    private static void requirePlaceForFormat(SessionFormat format, String venue, String onlineUrl) {
        if (format != SessionFormat.ONLINE && Rules.isBlank(venue)) {
            throw new VenueRequired();
        }
        if (format != SessionFormat.IN_PERSON && Rules.isBlank(onlineUrl)) {
            throw new OnlineUrlRequired();
        }
    }

    /** A present member attended in person unless told otherwise; an absent member has no mode. */
    private static AttendanceEntry normalised(AttendanceEntry entry) {
        AttendanceMode mode = entry.status() == AttendanceStatus.PRESENT
                ? (entry.mode() == null ? AttendanceMode.IN_PERSON : entry.mode())
                : null;
        String note = Rules.isBlank(entry.note()) ? null : entry.note().strip();
        return new AttendanceEntry(entry.memberId(), entry.status(), mode, note);
    }
}
