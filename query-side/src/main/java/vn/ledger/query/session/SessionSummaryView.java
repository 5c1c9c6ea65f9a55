package vn.ledger.query.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One session in the list.
 *
 * @param scheduledAt in the committee's time zone (+07:00)
 * @param quarter the quarter of the session's date in Asia/Ho_Chi_Minh, e.g. {@code 2022-Q3}
 * @param status one of {@link SessionStatus}
 * @param units in the order the schedule named them
 * @param version the sequence number of the session's latest event, as in the commands' ETag
 */
record SessionSummaryView(
        UUID id,
        String topic,
        OffsetDateTime scheduledAt,
        String quarter,
        String status,
        List<SessionUnitView> units,
        String format,
        String venue,
        SessionCountsView counts,
        long version) {}
