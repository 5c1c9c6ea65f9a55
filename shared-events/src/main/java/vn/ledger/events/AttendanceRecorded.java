package vn.ledger.events;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that the attendance of some members at a session was recorded; an entry replaces any earlier entry of
 * the same member for that session.
 */
@Revision("1")
public record AttendanceRecorded(UUID sessionId, List<AttendanceEntry> entries) {

    public AttendanceRecorded {
        entries = List.copyOf(entries);
    }
}
