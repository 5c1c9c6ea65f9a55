package vn.ledger.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A fact that the audience of a logged showing was corrected, with the reason and the audience it replaces. */
@Revision("1")
public record PerformanceCorrected(UUID sessionId, UUID performanceId, int audience, int previousAudience,
                                   String reason) {}
