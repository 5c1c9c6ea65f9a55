package vn.ledger.command.member;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ledger.events.MemberStatus;

/** The commands of a member; {@code expectedVersion} is the client's {@code If-Match}, null when unconditional. */
public final class MemberCommands {

    private MemberCommands() {}

    /**
     * Put a member on a cell's roster; {@code cardNumber} (số thẻ đảng viên), {@code dateOfBirth} and {@code phone}
     * are optional, and a card number is unique in the committee.
     */
    public record AdmitMember(@TargetAggregateIdentifier UUID memberId, String fullName, UUID unitId, MemberStatus status,
                              LocalDate joinedOn, String cardNumber, LocalDate dateOfBirth, String phone) {

        /** A member admitted without the optional details. */
        public AdmitMember(UUID memberId, String fullName, UUID unitId, MemberStatus status, LocalDate joinedOn) {
            this(memberId, fullName, unitId, status, joinedOn, null, null, null);
        }
    }

    /** Move a member to another unit from a date on. */
    public record TransferMember(@TargetAggregateIdentifier UUID memberId, UUID toUnitId, LocalDate effectiveOn,
                          Long expectedVersion) {}

    /** Exempt a member from Party activities for a period. */
    public record GrantExemption(@TargetAggregateIdentifier UUID memberId, LocalDate from, LocalDate to, String reason,
                          Long expectedVersion) {}
}
