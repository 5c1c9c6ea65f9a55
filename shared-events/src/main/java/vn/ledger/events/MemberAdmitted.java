package vn.ledger.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A fact that a member was put on the roster of a unit, a member from {@code joinedOn}. */
@Revision("1")
public record MemberAdmitted(UUID memberId, String fullName, UUID unitId, MemberStatus status, LocalDate joinedOn) {}
