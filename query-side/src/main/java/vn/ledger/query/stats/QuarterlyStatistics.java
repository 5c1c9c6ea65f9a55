package vn.ledger.query.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.ledger.query.access.ReaderScope;
import vn.ledger.query.stats.StatsQueries.AsOf;

/**
 * The statistics of one quarter for a report, read as the statistics endpoints read them: the same parameters with
 * the same problems ({@code invalid-quarter}, {@code invalid-position}, {@code invalid-as-of},
 * {@code conflicting-parameters}), the same wait for a position not yet reached (read-your-writes, else 503
 * {@code view-behind}), and the same scope: a {@code SECRETARY} gets only their units' rows, while the committee's
 * totals and the performances, which name no member, stay whole. Unlike three calls to the endpoints, the three parts
 * come from one snapshot at one position.
 */
@Component
public class QuarterlyStatistics {

    private final StatsQueries queries;

    QuarterlyStatistics(StatsQueries queries) {
        this.queries = queries;
    }

    /**
     * @param quarter {@code 2022-Q3}
     * @param asOf an instant with its offset, or {@code null}
     * @param position a position in the log, or {@code null}; not both with {@code asOf}
     */
    public QuarterlyFigures read(String quarter, String asOf, String position) {
        Quarter q = StatsParameters.quarter("quarter", quarter);
        AsOf at = StatsParameters.asOf(asOf, position);
        var answer = queries.quarterly(q, at);
        StatsQueries.Quarterly figures = answer.result();

        Map<UUID, String> performerNames = new HashMap<>();
        for (PerformanceStatsView piece : figures.performances()) {
            figures.units().stream().filter(unit -> unit.unitId().equals(piece.performerUnitId())).findFirst()
                    .map(unit -> unit.unitNameThen() != null ? unit.unitNameThen() : unit.unitName())
                    .ifPresent(name -> performerNames.put(piece.performerUnitId(), name));
        }
        ReaderScope scope = ReaderScope.current();
        List<UnitStatsView> units = scope.unrestricted()
                ? figures.units()
                : figures.units().stream().filter(unit -> scope.allows(unit.unitId())).toList();
        Long reflected = answer.position() == null || answer.position() < 0 ? null : answer.position();
        return new QuarterlyFigures(q.year(), q.number(), reflected, at.instant(),
                reflected == null ? null : figures.recordedAt(), figures.totals(), units, !scope.unrestricted(),
                figures.performances(), performerNames);
    }
}
