package vn.ledger.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A fact that a planned session will not be held, with the reason. */
@Revision("1")
public record SessionCancelled(UUID sessionId, String reason) {}
