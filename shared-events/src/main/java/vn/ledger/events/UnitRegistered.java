package vn.ledger.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that a unit (a cell or a sub-committee) was put on the committee's roster.
 *
 * @param parentUnitId the sub-committee it belongs to; {@code null} when it is directly under the committee
 */
@Revision("1")
public record UnitRegistered(UUID unitId, String name, UnitKind kind, UUID parentUnitId) {}
