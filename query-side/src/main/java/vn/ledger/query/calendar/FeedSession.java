package vn.ledger.query.calendar;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as its calendar event shows it, read from the {@code sessions-v1} view as it stands.
 *
 * @param status one of the session view's statuses ({@code PLANNED}, ..., {@code CANCELLED})
 * @param version the session view's version: the sequence number of the session's latest event
 * @param lastModified when the session's latest event was stored; {@code null} when the log does not say
 * @param unitNames the names of the session's units in the order it named them (the id where a name is unknown)
 */
record FeedSession(
        UUID sessionId,
        String topic,
        Instant scheduledAt,
        String format,
        String venue,
        String onlineUrl,
        String presenter,
        String host,
        List<String> basisDocuments,
        String status,
        String cancelReason,
        long version,
        Instant lastModified,
        List<String> unitNames) {

    static final String CANCELLED = "CANCELLED";

    boolean cancelled() {
        return CANCELLED.equals(status);
    }
}
