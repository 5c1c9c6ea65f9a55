package vn.ledger.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that the guests of a session were counted by category, in attendances; the counts replace earlier ones.
 *
 * @param counts every category, zero where nobody came
 */
@Revision("1")
public record GuestsCounted(UUID sessionId, Map<GuestCategory, Integer> counts) {

    public GuestsCounted {
        counts = inOrder(counts);
    }

    /** In the categories' order, so the stored JSON of the same counts is always the same bytes. */
    private static Map<GuestCategory, Integer> inOrder(Map<GuestCategory, Integer> counts) {
        EnumMap<GuestCategory, Integer> ordered = new EnumMap<>(GuestCategory.class);
        ordered.putAll(counts);
        return Collections.unmodifiableMap(ordered);
    }
}
