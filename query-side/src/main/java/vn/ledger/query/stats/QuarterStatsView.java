package vn.ledger.query.stats;

/**
 * The whole committee's totals for one quarter; attendances count people per occasion (lượt người).
 *
 * @param totalAttendances member attendances + guest attendances + performance audience
 */
public record QuarterStatsView(
        String quarter,
        long sessionsHeld,
        long memberAttendances,
        long guestAttendances,
        long performanceShowings,
        long performanceAudience,
        long totalAttendances) {}
