package vn.ledger.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A fact that a member moved from one unit to another, belonging to the new one from {@code effectiveOn}. */
@Revision("1")
public record MemberTransferred(UUID memberId, UUID fromUnitId, UUID toUnitId, LocalDate effectiveOn) {}
