package vn.ledger.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A fact that the guest counts of a submitted record were corrected, with the reason and the counts it replaces. */
@Revision("1")
public record GuestsCorrected(UUID sessionId, Map<GuestCategory, Integer> counts,
                              Map<GuestCategory, Integer> previousCounts, String reason) {

    public GuestsCorrected {
        counts = inOrder(counts);
        previousCounts = inOrder(previousCounts);
    }

    /** In the categories' order, so the stored JSON of the same counts is always the same bytes. */
    private static Map<GuestCategory, Integer> inOrder(Map<GuestCategory, Integer> counts) {
        EnumMap<GuestCategory, Integer> ordered = new EnumMap<>(GuestCategory.class);
        ordered.putAll(counts);
        return Collections.unmodifiableMap(ordered);
    }
}
