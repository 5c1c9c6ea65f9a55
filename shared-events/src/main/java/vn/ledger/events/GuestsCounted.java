package vn.ledger.events;

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
        counts = Map.copyOf(counts);
    }
}
