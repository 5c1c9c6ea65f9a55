package vn.ledger.query.stats;

import java.util.Map;
import java.util.UUID;

/**
 * One unit's statistics for a quarter.
 *
 * @param unitName the unit's name; {@code null} until the roster names it
 * @param attendanceRate members present / members expected, {@code null} when nobody was expected
 * @param guests guest attendances by category
 */
record UnitStatsView(
        UUID unitId,
        String unitName,
        long sessionsPlanned,
        long sessionsHeld,
        long sessionsCancelled,
        long membersExpected,
        long membersPresent,
        Double attendanceRate,
        Map<String, Long> guests,
        long performanceShowings,
        long performanceAudience) {}
