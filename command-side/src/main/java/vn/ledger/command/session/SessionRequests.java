package vn.ledger.command.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.ReviewDecision;
import vn.ledger.events.SessionFormat;

/** The HTTP bodies of the session commands, with the limits on their size. */
final class SessionRequests {

    /** The most members one attendance command may list. */
    static final int MAX_ENTRIES = 2000;

    private SessionRequests() {}

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code POST /api/v1/sessions} */
    record ScheduleSessionRequest(
            @Size(max = 500) List<@NotNull UUID> unitIds,
            Boolean wholeCommittee,
            @NotBlank @Size(max = 500) String topic,
            @NotNull OffsetDateTime scheduledAt,
            @NotNull SessionFormat format,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> basisDocuments,
            @Size(max = 500) String venue,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https link")
            String onlineUrl,
            @Size(max = 200) String presenter,
            @Size(max = 200) String host,
            UUID sessionId) {

        SessionCommands.ScheduleSession toCommand() {
            return new SessionCommands.ScheduleSession(
                    sessionId == null ? UUID.randomUUID() : sessionId,
                    unitIds == null ? List.of() : unitIds,
                    Boolean.TRUE.equals(wholeCommittee),
                    topic.strip(),
                    scheduledAt.toInstant(),
                    format,
                    basisDocuments == null ? List.of() : basisDocuments.stream().map(String::strip).toList(),
                    blankToNull(venue),
                    blankToNull(onlineUrl),
                    blankToNull(presenter),
                    blankToNull(host));
        }
    }

    /** {@code POST /api/v1/sessions/{id}/reschedule} */
    record RescheduleSessionRequest(@NotNull OffsetDateTime scheduledAt, @NotBlank @Size(max = 2000) String reason) {}

    /** {@code POST /api/v1/sessions/{id}/cancel} */
    record CancelSessionRequest(@NotBlank @Size(max = 2000) String reason) {}

    /** One member's attendance. */
    record Entry(@NotNull UUID memberId, @NotNull AttendanceStatus status, AttendanceMode mode,
                 @Size(max = 500) String note) {

        AttendanceEntry toEntry() {
            return new AttendanceEntry(memberId, status, mode, note);
        }
    }

    /** {@code POST /api/v1/sessions/{id}/attendance} */
    record RecordAttendanceRequest(@Size(max = MAX_ENTRIES) List<@NotNull @Valid Entry> entries,
                                   AttendanceStatus defaultStatus, AttendanceMode defaultMode) {

        @AssertTrue(message = "give entries, or a defaultStatus for every expected member")
        boolean isSomethingToRecord() {
            return (entries != null && !entries.isEmpty()) || defaultStatus != null;
        }

        List<AttendanceEntry> toEntries() {
            return entries == null ? List.of() : entries.stream().map(Entry::toEntry).toList();
        }
    }

    /** {@code POST /api/v1/sessions/{id}/guests} */
    record CountGuestsRequest(@NotNull Map<GuestCategory, @NotNull Integer> counts) {}

    /** {@code POST /api/v1/sessions/{id}/performances} */
    record LogPerformanceRequest(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 100) String genre,
            @NotNull UUID performerUnitId,
            @NotBlank @Size(max = 300) String venue,
            @NotNull LocalDate performedOn,
            @NotNull Integer audience,
            UUID performanceId) {}

    /** {@code POST /api/v1/sessions/{id}/discussion} */
    record NoteDiscussionRequest(@NotNull Integer contributions, @Size(max = 10000) String summary) {}

    /** {@code POST /api/v1/sessions/{id}/submit} */
    record SubmitRecordRequest(@NotBlank @Size(max = 20000) String minutesSummary) {}

    /** A showing's corrected audience. */
    record PerformanceAudience(@NotNull UUID performanceId, @NotNull Integer audience) {}

    /** {@code POST /api/v1/sessions/{id}/corrections} */
    record CorrectRecordRequest(
            @NotBlank @Size(max = 2000) String reason,
            @Size(max = MAX_ENTRIES) List<@NotNull @Valid Entry> attendance,
            Map<GuestCategory, @NotNull Integer> guests,
            @Size(max = 200) List<@NotNull @Valid PerformanceAudience> performances) {}

    /** {@code POST /api/v1/sessions/{id}/review} */
    record ReviewRecordRequest(@NotNull ReviewDecision decision, @Size(max = 5000) String comment) {}
}
