package vn.ledger.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that the committee reviewed a submitted record: acknowledged it, or returned it to be corrected and
 * submitted again.
 *
 * @param comment may be {@code null}
 */
@Revision("1")
public record RecordReviewed(UUID sessionId, ReviewDecision decision, String comment) {}
