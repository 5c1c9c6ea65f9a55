package vn.ledger.query.stats;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.query.web.InvalidParameter;

/** {@code GET /api/v1/stats/units} and {@code GET /api/v1/stats/quarters} of {@code api.md}. */
@RestController
@RequestMapping(path = "/api/v1/stats", produces = MediaType.APPLICATION_JSON_VALUE)
class StatsController {

    /** Wider ranges are not a committee's question; they would only make the answer large. */
    static final int MAX_QUARTERS = 200;

    /** Per unit for one quarter. */
    record UnitStatsAnswer(String quarter, Long position, List<UnitStatsView> units) {}

    /** Per quarter for the whole committee. */
    record QuarterStatsAnswer(String from, String to, Long position, List<QuarterStatsView> quarters) {}

    private final StatsQueries queries;

    StatsController(StatsQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/units")
    UnitStatsAnswer units(@RequestParam String quarter) {
        Quarter q = quarter("quarter", quarter);
        var answer = queries.units(q);
        return new UnitStatsAnswer(q.toString(), answer.position(), answer.result());
    }

    @GetMapping("/quarters")
    QuarterStatsAnswer quarters(@RequestParam String from, @RequestParam String to) {
        Quarter first = quarter("from", from);
        Quarter last = quarter("to", to);
        if (first.compareTo(last) > 0) {
            throw new InvalidParameter("invalid-range", "to", "'from' (" + first + ") is after 'to' (" + last + ").");
        }
        if (first.distanceTo(last) >= MAX_QUARTERS) {
            throw new InvalidParameter("range-too-large", "to", "At most " + MAX_QUARTERS + " quarters at once.");
        }
        var answer = queries.quarters(first, last);
        return new QuarterStatsAnswer(first.toString(), last.toString(), answer.position(), answer.result());
    }

    private static Quarter quarter(String parameter, String text) {
        Quarter quarter = Quarter.parseOrNull(text);
        if (quarter == null) {
            throw new InvalidParameter("invalid-quarter", parameter,
                    "'" + text + "' is not a quarter; write it like 2022-Q3.");
        }
        return quarter;
    }
}
