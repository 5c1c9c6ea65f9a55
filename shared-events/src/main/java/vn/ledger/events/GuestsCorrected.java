package vn.ledger.events;

import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A fact that the guest counts of a submitted record were corrected, with the reason and the counts it replaces. */
@Revision("1")
public record GuestsCorrected(UUID sessionId, Map<GuestCategory, Integer> counts,
                              Map<GuestCategory, Integer> previousCounts, String reason) {

    public GuestsCorrected {
        counts = Map.copyOf(counts);
        previousCounts = Map.copyOf(previousCounts);
    }
}
