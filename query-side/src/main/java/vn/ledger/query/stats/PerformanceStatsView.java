package vn.ledger.query.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One performance piece of a quarter (a title, genre and performing unit) with its showings and total audience,
 * counted in attendances.
 */
public record PerformanceStatsView(String title, String genre, UUID performerUnitId, long showings, long audience,
                            List<Showing> venues) {

    /** One showing: where, when, and how many attended. */
    public record Showing(UUID performanceId, String venue, LocalDate performedOn, long audience) {}
}
