package vn.ledger.query.session;

import java.util.UUID;

/**
 * A unit a session was scheduled for.
 *
 * @param unitName the unit's current name; {@code null} while the roster does not know the unit
 */
record SessionUnitView(UUID unitId, String unitName) {}
