package vn.ledger.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that a member was put on the roster of a unit, a member from {@code joinedOn}.
 *
 * <p>Revision 2 added the optional {@code cardNumber} (số thẻ đảng viên, the member's natural key, unique in the
 * committee), {@code dateOfBirth} and {@code phone}. A revision 1 payload has none of them and reads as this record
 * with those fields null, so no upcaster is needed.
 */
@Revision("2")
public record MemberAdmitted(UUID memberId, String fullName, UUID unitId, MemberStatus status, LocalDate joinedOn,
                             String cardNumber, LocalDate dateOfBirth, String phone) {

    /** A member admitted without the optional details. */
    public MemberAdmitted(UUID memberId, String fullName, UUID unitId, MemberStatus status, LocalDate joinedOn) {
        this(memberId, fullName, unitId, status, joinedOn, null, null, null);
    }
}
