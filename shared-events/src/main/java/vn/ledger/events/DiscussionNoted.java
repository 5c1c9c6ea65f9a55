package vn.ledger.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that the discussion of a session was noted: how many contributions (ý kiến thảo luận) and a summary.
 *
 * @param summary may be {@code null}
 */
@Revision("1")
public record DiscussionNoted(UUID sessionId, int contributions, String summary) {}
