package vn.ledger.command.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceStatus;

/** The body of {@code POST /api/v1/sessions/{id}/attendance}. */
record RecordAttendanceRequest(@NotEmpty @Size(max = 2000) List<@NotNull @Valid Entry> entries) {

    /** One member's attendance. */
    record Entry(@NotNull UUID memberId, @NotNull AttendanceStatus status, AttendanceMode mode,
                 @Size(max = 500) String note) {}

    RecordAttendance toCommand(UUID sessionId) {
        return new RecordAttendance(sessionId, entries.stream()
                .map(e -> new AttendanceEntry(e.memberId(), e.status(), e.mode(), e.note()))
                .toList());
    }
}
