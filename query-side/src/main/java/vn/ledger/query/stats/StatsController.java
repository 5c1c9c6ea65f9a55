package vn.ledger.query.stats;

import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.query.access.ReaderScope;
import vn.ledger.query.web.InvalidParameter;

/**
 * The statistics of {@code api.md}. Each accepts {@code asOf=<instant>} or {@code position=<n>} and then answers as
 * the views stood at that point of the log (waiting briefly for the view to get there, so a client that passes the
 * position its command returned reads its own write); each answer says the position it reflects. A
 * {@code SECRETARY} sees only their units' rows and their units' sessions in a member's participation (see
 * {@link ReaderScope}); the committee-wide totals, which name no member, stay readable to all.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class StatsController {

    /** Wider ranges are not a committee's question; they would only make the answer large. */
    static final int MAX_QUARTERS = 200;

    /** Per unit for one quarter. */
    record UnitStatsAnswer(String quarter, Long position, List<UnitStatsView> units) {}

    /** Per quarter for the whole committee. */
    record QuarterStatsAnswer(String from, String to, Long position, List<QuarterStatsView> quarters) {}

    /** Per performance piece for one quarter. */
    record PerformanceStatsAnswer(String quarter, Long position, List<PerformanceStatsView> pieces) {}

    /** A member's year. */
    record ParticipationAnswer(Long position, ParticipationView participation) {}

    private final StatsQueries queries;

    StatsController(StatsQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/stats/units")
    UnitStatsAnswer units(@RequestParam String quarter, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String position) {
        Quarter q = StatsParameters.quarter("quarter", quarter);
        var answer = queries.units(q, StatsParameters.asOf(asOf, position));
        ReaderScope scope = ReaderScope.current();
        List<UnitStatsView> units = scope.unrestricted()
                ? answer.result()
                : answer.result().stream().filter(unit -> scope.allows(unit.unitId())).toList();
        return new UnitStatsAnswer(q.toString(), answer.position(), units);
    }

    @GetMapping("/api/v1/stats/quarters")
    QuarterStatsAnswer quarters(@RequestParam String from, @RequestParam String to,
                                @RequestParam(required = false) String asOf,
                                @RequestParam(required = false) String position) {
        Quarter first = StatsParameters.quarter("from", from);
        Quarter last = StatsParameters.quarter("to", to);
        if (first.compareTo(last) > 0) {
            throw new InvalidParameter("invalid-range", "to", "'from' (" + first + ") is after 'to' (" + last + ").");
        }
        if (first.distanceTo(last) >= MAX_QUARTERS) {
            throw new InvalidParameter("range-too-large", "to", "At most " + MAX_QUARTERS + " quarters at once.");
        }
        var answer = queries.quarters(first, last, StatsParameters.asOf(asOf, position));
        return new QuarterStatsAnswer(first.toString(), last.toString(), answer.position(), answer.result());
    }

    @GetMapping("/api/v1/stats/performances")
    PerformanceStatsAnswer performances(@RequestParam String quarter, @RequestParam(required = false) String asOf,
                                        @RequestParam(required = false) String position) {
        Quarter q = StatsParameters.quarter("quarter", quarter);
        var answer = queries.performances(q, StatsParameters.asOf(asOf, position));
        return new PerformanceStatsAnswer(q.toString(), answer.position(), answer.result());
    }

    @GetMapping("/api/v1/members/{memberId}/participation")
    ParticipationAnswer participation(@PathVariable UUID memberId, @RequestParam int year,
                                      @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String position) {
        if (year < 2000 || year > 2100) {
            throw new InvalidParameter("invalid-year", "year", "A year between 2000 and 2100.");
        }
        var answer = queries.participation(memberId, year, StatsParameters.asOf(asOf, position));
        ReaderScope scope = ReaderScope.current();
        ParticipationView participation = answer.result();
        if (!scope.unrestricted()) {
            participation = ParticipationView.of(memberId, year, participation.sessions().stream()
                    .filter(session -> scope.allows(session.unitId())).toList());
        }
        return new ParticipationAnswer(answer.position(), participation);
    }
}
