package vn.ledger.events;

import java.util.UUID;

/**
 * One member's attendance inside an {@link AttendanceRecorded} fact.
 *
 * @param mode how a present member attended; {@code null} when the member was absent
 * @param note free text, may be {@code null}
 */
public record AttendanceEntry(UUID memberId, AttendanceStatus status, AttendanceMode mode, String note) {}
