package vn.ledger.query.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A session as it stands: the latest of every fact, corrections applied. What each correction replaced is in the
 * session's history.
 *
 * @param scheduledAt in the committee's time zone (+07:00)
 * @param scheduledOn the session's date in Asia/Ho_Chi_Minh
 * @param status one of {@link SessionStatus}
 * @param cancelReason {@code null} unless cancelled
 * @param guests guest attendances by category: every category, zero where nobody was counted
 * @param discussion {@code null} until noted
 * @param submission the latest submission; {@code null} until submitted
 * @param review the latest review, which after a new submission is the one that returned the record; {@code null}
 *     until reviewed
 * @param version the sequence number of the session's latest event: the ETag, and the commands' {@code If-Match}
 * @param lastPosition the event-log position of the session's latest event
 */
record SessionView(
        UUID id,
        String topic,
        OffsetDateTime scheduledAt,
        LocalDate scheduledOn,
        String quarter,
        String status,
        List<SessionUnitView> units,
        String format,
        String venue,
        String onlineUrl,
        String presenter,
        String host,
        List<String> basisDocuments,
        String cancelReason,
        SessionCountsView counts,
        List<Attendance> attendance,
        Map<String, Long> guests,
        List<Performance> performances,
        Discussion discussion,
        Submission submission,
        Review review,
        long version,
        Long lastPosition) {

    /**
     * One member's latest entry.
     *
     * @param mode how a present member attended; {@code null} when absent
     */
    record Attendance(UUID memberId, String status, String mode, String note) {}

    /** One showing with its latest audience. */
    record Performance(
            UUID performanceId,
            String title,
            String genre,
            UUID performerUnitId,
            String performerUnitName,
            String venue,
            LocalDate performedOn,
            long audience) {}

    /** @param summary may be {@code null} */
    record Discussion(int contributions, String summary) {}

    /** @param submittedAt when it was recorded, in +07:00 */
    record Submission(String minutesSummary, OffsetDateTime submittedAt) {}

    /**
     * @param decision ACKNOWLEDGED or RETURNED
     * @param reviewedAt when it was recorded, in +07:00
     */
    record Review(String decision, String comment, OffsetDateTime reviewedAt) {}
}
