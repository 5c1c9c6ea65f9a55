package vn.ledger.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that the committee praised or rewarded a unit for a new model or good practice.
 *
 * @param sessionId the session the commendation is for, or {@code null}
 */
@Revision("1")
public record UnitCommended(UUID unitId, UUID commendationId, CommendationKind kind, String reason, UUID sessionId) {}
