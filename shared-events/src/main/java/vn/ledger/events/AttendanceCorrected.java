package vn.ledger.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that the attendance of a submitted record was corrected, with the reason; it replaces the members' earlier
 * entries, which it keeps beside the new ones.
 *
 * @param previousEntries the entries it corrects, in the order of {@code entries}; {@code null} where the member
 *     had none
 */
@Revision("1")
public record AttendanceCorrected(UUID sessionId, List<AttendanceEntry> entries, List<AttendanceEntry> previousEntries,
                                  String reason) {

    public AttendanceCorrected {
        entries = List.copyOf(entries);
        previousEntries = Collections.unmodifiableList(new ArrayList<>(previousEntries));
    }
}
