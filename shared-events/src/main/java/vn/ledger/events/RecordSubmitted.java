package vn.ledger.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A fact that the cell submitted the session's record (biên bản); from now on it changes only by corrections. */
@Revision("1")
public record RecordSubmitted(UUID sessionId, String minutesSummary) {}
