package vn.ledger.query.stats;

import java.util.Map;
import java.util.UUID;

/**
 * One unit's statistics for a quarter; a quarter's units are listed by name in Vietnamese order, units the roster does
 * not name last. The numbers stay with the unit a session was scheduled for, also after the
 * unit was renamed or merged; its names and merger are those of the roster now.
 *
 * @param unitName the unit's current name; {@code null} while the roster does not know the unit
 * @param unitNameThen the unit's name when its latest session of the quarter was scheduled: the unit as the
 *     committee knew it then, shown beside its current name after a rename
 * @param parentUnitId the sub-committee the unit belongs to; {@code null} when directly under the committee or unknown
 * @param mergedIntoUnitId the unit it was merged into; {@code null} when it was not merged
 * @param attendanceRate members present / members expected, {@code null} when nobody was expected
 * @param guests guest attendances by category, every category, zero where nobody came
 */
public record UnitStatsView(
        UUID unitId,
        String unitName,
        String unitNameThen,
        UUID parentUnitId,
        UUID mergedIntoUnitId,
        long sessionsPlanned,
        long sessionsHeld,
        long sessionsCancelled,
        long membersExpected,
        long membersPresent,
        Double attendanceRate,
        Map<String, Long> guests,
        long performanceShowings,
        long performanceAudience) {
}
