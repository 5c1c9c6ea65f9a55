package vn.ledger.query.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.query.access.ReaderScope;
import tools.jackson.databind.json.JsonMapper;
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

    /** Units on one page when a page is asked without a size. */
    static final int DEFAULT_UNIT_PAGE_SIZE = 50;

    /** Larger pages are not a reader's question; without {@code page} the answer has every unit. */
    static final int MAX_UNIT_PAGE_SIZE = 500;

    /**
     * Per unit for one quarter, sorted by name: every unit the reader may see, or one page of them when {@code page}
     * was asked ({@code page} and {@code size} are then set; {@code totalUnits} counts the units on every page).
     */
    record UnitStatsAnswer(String quarter, Long position, Integer page, Integer size, int totalUnits,
                           List<UnitStatsView> units) {}

    /** Per quarter for the whole committee. */
    record QuarterStatsAnswer(String from, String to, Long position, List<QuarterStatsView> quarters) {}

    /** Per performance piece for one quarter. */
    record PerformanceStatsAnswer(String quarter, Long position, List<PerformanceStatsView> pieces) {}

    /** A member's year. */
    record ParticipationAnswer(Long position, ParticipationView participation) {}

    /**
     * Answers as written, by the key of their result ({@link StatsQueries.AtPosition#key()}: what the result depends
     * on) and what else shaped the JSON (the page asked for): a quarter's performances are some 200 KB of JSON for a
     * province and a page of units some 25 KB, and writing them again for every reader was most of the query side's
     * CPU under load. Only answers that are the same for every reader are kept: those of an unrestricted reader, and
     * the committee-wide quarters and performances.
     */
    private final Cache<Written, byte[]> written = Caffeine.newBuilder()
            .maximumWeight(WRITTEN_BYTES_KEPT).weigher((Written key, byte[] json) -> json.length)
            .expireAfterAccess(java.time.Duration.ofMinutes(10)).build();

    /** An answer's JSON: the key of its result, and the page (or "all"). */
    private record Written(Object result, String shape) {}

    /** The bytes of written answers kept. */
    static final int WRITTEN_BYTES_KEPT = 32 << 20;

    private final StatsQueries queries;
    private final JsonMapper json;

    StatsController(StatsQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /** {@code answer} as JSON, written once per result key and shape. */
    private ResponseEntity<byte[]> written(StatsQueries.AtPosition<?> result, String shape, Supplier<Object> answer) {
        byte[] body = written.get(new Written(result.key(), shape), k -> json.writeValueAsBytes(answer.get()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/api/v1/stats/units")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = UnitStatsAnswer.class)))
    ResponseEntity<?> units(@RequestParam String quarter, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String position,
                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Quarter q = StatsParameters.quarter("quarter", quarter);
        if (page != null && page < 0) {
            throw new InvalidParameter("invalid-parameter", "page", "The page is counted from 0.");
        }
        if (size != null && (size < 1 || size > MAX_UNIT_PAGE_SIZE)) {
            throw new InvalidParameter("invalid-parameter", "size",
                    "The page size is from 1 to " + MAX_UNIT_PAGE_SIZE + "; " + size + " is not.");
        }
        if (size != null && page == null) {
            throw new InvalidParameter("invalid-parameter", "page", "A page size needs a page (counted from 0).");
        }
        var answer = queries.units(q, StatsParameters.asOf(asOf, position));
        ReaderScope scope = ReaderScope.current();
        if (page == null && scope.unrestricted()) {
            return written(answer, "all", () -> new UnitStatsAnswer(q.toString(), answer.position(), null, null,
                    answer.result().size(), answer.result()));
        }
        List<UnitStatsView> units = scope.unrestricted()
                ? answer.result()
                : answer.result().stream().filter(unit -> scope.allows(unit.unitId())).toList();
        if (page == null) {
            return ResponseEntity.ok(new UnitStatsAnswer(q.toString(), answer.position(), null, null, units.size(),
                    units));
        }
        int pageSize = size == null ? DEFAULT_UNIT_PAGE_SIZE : size;
        long from = Math.min((long) page * pageSize, units.size());
        List<UnitStatsView> onPage = units.subList((int) from, (int) Math.min(from + pageSize, units.size()));
        Supplier<Object> pageAnswer = () -> new UnitStatsAnswer(q.toString(), answer.position(), page, pageSize,
                units.size(), onPage);
        return scope.unrestricted() ? written(answer, "page " + page + " of " + pageSize, pageAnswer)
                : ResponseEntity.ok(pageAnswer.get());
    }

    @GetMapping("/api/v1/stats/quarters")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = QuarterStatsAnswer.class)))
    ResponseEntity<byte[]> quarters(@RequestParam String from, @RequestParam String to,
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
        return written(answer, "all", () -> new QuarterStatsAnswer(first.toString(), last.toString(),
                answer.position(), answer.result()));
    }

    @GetMapping("/api/v1/stats/performances")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PerformanceStatsAnswer.class)))
    ResponseEntity<byte[]> performances(@RequestParam String quarter, @RequestParam(required = false) String asOf,
                                        @RequestParam(required = false) String position) {
        Quarter q = StatsParameters.quarter("quarter", quarter);
        var answer = queries.performances(q, StatsParameters.asOf(asOf, position));
        return written(answer, "all", () -> new PerformanceStatsAnswer(q.toString(), answer.position(),
                answer.result()));
    }

    @GetMapping("/api/v1/members/{memberId}/participation")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ParticipationAnswer.class)))
    ResponseEntity<?> participation(@PathVariable UUID memberId, @RequestParam int year,
                                      @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String position) {
        if (year < 2000 || year > 2100) {
            throw new InvalidParameter("invalid-year", "year", "A year between 2000 and 2100.");
        }
        var answer = queries.participation(memberId, year, StatsParameters.asOf(asOf, position));
        ReaderScope scope = ReaderScope.current();
        if (scope.unrestricted()) {
            return written(answer, "all", () -> new ParticipationAnswer(answer.position(), answer.result()));
        }
        ParticipationView participation = ParticipationView.of(memberId, year, answer.result().sessions().stream()
                .filter(session -> scope.allows(session.unitId())).toList());
        return ResponseEntity.ok(new ParticipationAnswer(answer.position(), participation));
    }
}
