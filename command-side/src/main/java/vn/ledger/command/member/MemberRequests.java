package vn.ledger.command.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import vn.ledger.events.MemberStatus;

/** The HTTP bodies of the member commands. */
final class MemberRequests {

    private MemberRequests() {}

    /** {@code POST /api/v1/members} */
    record AdmitMemberRequest(@NotBlank @Size(max = 300) String fullName, @NotNull UUID unitId,
                              @NotNull MemberStatus status, @NotNull LocalDate joinedOn, UUID memberId,
                              @Pattern(regexp = MemberFormats.CARD_NUMBER, message = MemberFormats.CARD_NUMBER_MESSAGE) String cardNumber,
                              LocalDate dateOfBirth,
                              @Pattern(regexp = MemberFormats.PHONE, message = MemberFormats.PHONE_MESSAGE) String phone) {}


    /** {@code POST /api/v1/members/{id}/transfer} */
    record TransferMemberRequest(@NotNull UUID toUnitId, @NotNull LocalDate effectiveOn) {}

    /** {@code POST /api/v1/members/{id}/exemptions} */
    record GrantExemptionRequest(@NotNull LocalDate from, @NotNull LocalDate to,
                                 @NotBlank @Size(max = 2000) String reason) {}
}
