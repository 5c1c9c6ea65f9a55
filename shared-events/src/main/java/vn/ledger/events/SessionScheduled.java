package vn.ledger.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that a thematic session (sinh hoạt chuyên đề) was planned for one or more units at a date and time.
 *
 * @param scheduledAt business time of the session; its quarter is taken in Asia/Ho_Chi_Minh
 */
@Revision("1")
public record SessionScheduled(
        UUID sessionId,
        List<UUID> unitIds,
        String topic,
        Instant scheduledAt,
        SessionFormat format,
        List<String> basisDocuments,
        String venue,
        String onlineUrl,
        String presenter,
        String host) {

    public SessionScheduled {
        unitIds = List.copyOf(unitIds);
        basisDocuments = basisDocuments == null ? List.of() : List.copyOf(basisDocuments);
    }
}
