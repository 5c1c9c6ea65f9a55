package vn.ledger.query.sheet;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The checklist of a session: its expected members with what has been recorded for each so far, and apart the members
 * of its units who are exempt on its date; both narrowed by {@code q} when given, in Vietnamese order.
 *
 * @param q the search as asked, {@code null} for none
 * @param expectedTotal the expected members of the session, whatever {@code q}
 * @param exemptTotal the exempt members of its units on its date, whatever {@code q}
 */
@Schema(description = "The members expected at a session on its date and, apart, the exempt ones.")
record ExpectedMembersView(
        UUID sessionId,
        @Schema(description = "The session's date in Asia/Ho_Chi_Minh: whom to expect is decided on it.")
        LocalDate scheduledOn,
        @Schema(description = "The search as asked; null for none.", nullable = true)
        String q,
        @Schema(description = "How many members are expected, whatever q.")
        int expectedTotal,
        @Schema(description = "How many members of the session's units are exempt that day, whatever q.")
        int exemptTotal,
        @Schema(description = "The expected members matching q, by given name then full name (Vietnamese order).")
        List<ExpectedMember> expected,
        @Schema(description = "The exempt members matching q: not expected, not counted in the attendance rate.")
        List<ExemptMember> exempt) {

    /**
     * @param status {@code null} until the attendance is recorded
     * @param mode how a present member attended; {@code null} otherwise
     */
    record ExpectedMember(
            UUID memberId,
            @Schema(description = "In NFC.", example = "Nguyễn Thị Ánh Tuyết")
            String fullName,
            UUID unitId,
            String unitName,
            @Schema(description = "Recorded so far for this session; null until recorded.", nullable = true,
                    allowableValues = {"PRESENT", "ABSENT_EXCUSED", "ABSENT_UNEXCUSED"})
            String status,
            @Schema(description = "How a present member attended; null otherwise.", nullable = true,
                    allowableValues = {"IN_PERSON", "ONLINE"})
            String mode,
            @Schema(description = "The note recorded with the attendance, if any.", nullable = true)
            String note) {}

    /** A member exempt on the session's date, from {@code exemptFrom} to {@code exemptTo} inclusive. */
    record ExemptMember(
            UUID memberId,
            String fullName,
            UUID unitId,
            String unitName,
            LocalDate exemptFrom,
            LocalDate exemptTo) {}
}
