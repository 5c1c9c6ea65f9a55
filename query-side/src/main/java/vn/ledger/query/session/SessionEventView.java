package vn.ledger.query.session;

import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One event of a session's history, as the log keeps it.
 *
 * @param position the event's global index in the log
 * @param sequence the event's sequence number in the session's stream (the session's version after it)
 * @param type the event's simple class name, e.g. {@code AttendanceCorrected}
 * @param revision the revision of the payload's form
 * @param recordedAt when the fact was recorded (the metadata's {@code recordedAt}, else the log's timestamp), in
 *     +07:00
 * @param recordedBy who recorded it; {@code null} when the metadata does not say
 * @param requestId the request it came from (its {@code Idempotency-Key} or {@code X-Request-Id})
 * @param payload the event as stored
 * @param metadata the metadata as stored
 * @param corrects for a correction, what it replaced: the attendance entries ({@code previousEntries}), the guest
 *     counts ({@code previousCounts}), or the showing's audience ({@code performanceId} and {@code audience});
 *     {@code null} for every other event
 * @param correctsPositions for a correction, the positions of the earlier events of the session that recorded what
 *     it replaced, in order; {@code null} for every other event
 */
record SessionEventView(
        String eventId,
        long position,
        long sequence,
        String type,
        String revision,
        OffsetDateTime recordedAt,
        RecordedBy recordedBy,
        String requestId,
        String correlationId,
        JsonNode payload,
        JsonNode metadata,
        JsonNode corrects,
        List<Long> correctsPositions) {

    /** The user and the role the fact was recorded under. */
    record RecordedBy(String userId, String role) {}
}
