package vn.ledger.events;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A fact that a session was moved to another date and time, with the reason. */
@Revision("1")
public record SessionRescheduled(UUID sessionId, Instant scheduledAt, Instant previousScheduledAt, String reason) {}
