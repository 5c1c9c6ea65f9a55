package vn.ledger.command.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.ReviewDecision;
import vn.ledger.events.SessionFormat;

/**
 * The commands of a session record; {@code expectedVersion} is the client's {@code If-Match}, null when
 * unconditional.
 */
public final class SessionCommands {

    private SessionCommands() {}

    /** Plan a thematic session for some units, or for the whole committee. */
    public record ScheduleSession(@TargetAggregateIdentifier UUID sessionId, List<UUID> unitIds, boolean wholeCommittee,
                           String topic, Instant scheduledAt, SessionFormat format, List<String> basisDocuments,
                           String venue, String onlineUrl, String presenter, String host) {}

    /** Move a session to another date and time. */
    public record RescheduleSession(@TargetAggregateIdentifier UUID sessionId, Instant scheduledAt, String reason,
                             Long expectedVersion) {}

    /** Call a planned session off. */
    public record CancelSession(@TargetAggregateIdentifier UUID sessionId, String reason, Long expectedVersion) {}

    /**
     * Record members' attendance; with {@code defaultStatus}, every expected member not in {@code entries} gets it.
     */
    public record RecordAttendance(@TargetAggregateIdentifier UUID sessionId, List<AttendanceEntry> entries,
                            AttendanceStatus defaultStatus, AttendanceMode defaultMode, Long expectedVersion) {}

    /** Count the guests by category; the counts replace earlier ones. */
    public record CountGuests(@TargetAggregateIdentifier UUID sessionId, Map<GuestCategory, Integer> counts,
                       Long expectedVersion) {}

    /** Log one showing of an art performance given for the session. */
    public record LogPerformance(@TargetAggregateIdentifier UUID sessionId, UUID performanceId, String title, String genre,
                          UUID performerUnitId, String venue, LocalDate performedOn, int audience,
                          Long expectedVersion) {}

    /** Note the discussion: the number of contributions and a summary. */
    public record NoteDiscussion(@TargetAggregateIdentifier UUID sessionId, int contributions, String summary,
                          Long expectedVersion) {}

    /** Submit the record; it locks. */
    public record SubmitRecord(@TargetAggregateIdentifier UUID sessionId, String minutesSummary, Long expectedVersion) {}

    /** One showing's corrected audience. */
    public record AudienceCorrection(UUID performanceId, int audience) {}

    /** Correct a submitted record, with the reason; any part may be null. */
    public record CorrectRecord(@TargetAggregateIdentifier UUID sessionId, String reason, List<AttendanceEntry> attendance,
                         Map<GuestCategory, Integer> guests, List<AudienceCorrection> performances,
                         Long expectedVersion) {}

    /** Acknowledge a submitted record, or return it for correction. */
    public record ReviewRecord(@TargetAggregateIdentifier UUID sessionId, ReviewDecision decision, String comment,
                        Long expectedVersion) {}
}
