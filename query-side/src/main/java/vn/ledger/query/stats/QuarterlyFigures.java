package vn.ledger.query.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statistics of one quarter as a report prints them, all read at one position of the event log: the committee's
 * totals, the units' rows and the performances.
 *
 * @param quarter 1 to 4
 * @param position the last event the figures include; {@code null} when they include none (an empty log, or an
 *     {@code asOf} before its first event)
 * @param asOf the instant asked for, {@code null} unless one was
 * @param recordedAt when the event at {@code position} was recorded; {@code null} without a position
 * @param units the units' rows, in Vietnamese order of their names; only the reader's units for a {@code SECRETARY}
 * @param unitsRestricted whether {@code units} was cut down to the reader's units
 * @param performerNames each performing unit's name as the statistics show it (its name then, else its current one)
 */
public record QuarterlyFigures(
        int year,
        int quarter,
        Long position,
        Instant asOf,
        Instant recordedAt,
        QuarterStatsView totals,
        List<UnitStatsView> units,
        boolean unitsRestricted,
        List<PerformanceStatsView> performances,
        Map<UUID, String> performerNames) {

    public QuarterlyFigures {
        units = List.copyOf(units);
        performances = List.copyOf(performances);
        performerNames = Map.copyOf(performerNames);
    }

    /** {@code 2022-Q3}. */
    public String code() {
        return year + "-Q" + quarter;
    }
}
