package vn.ledger.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A fact that a unit was merged into another from a date on: it takes no new sessions, and the members it had on
 * that date belong to the other unit from then.
 *
 * @param movedMemberIds the members who moved with the merge
 */
@Revision("1")
public record UnitMerged(UUID unitId, UUID intoUnitId, LocalDate effectiveOn, List<UUID> movedMemberIds) {

    public UnitMerged {
        movedMemberIds = List.copyOf(movedMemberIds);
    }
}
