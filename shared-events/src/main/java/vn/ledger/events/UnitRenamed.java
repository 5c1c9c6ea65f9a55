package vn.ledger.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A fact that a unit took a new name; its past statistics stay attributed to it. */
@Revision("1")
public record UnitRenamed(UUID unitId, String name, String previousName) {}
