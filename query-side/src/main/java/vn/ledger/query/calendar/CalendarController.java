package vn.ledger.query.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.query.access.ReaderScope;
import vn.ledger.query.calendar.CalendarTokens.Holder;
import vn.ledger.query.web.InvalidParameter;

/**
 * {@code GET /api/v1/calendar.ics} and {@code GET /api/v1/units/{id}/calendar.ics} of {@code api.md}: the
 * committee's and a unit's sessions as iCalendar feeds a phone's calendar subscribes to. The feeds take no other
 * authentication than the {@code token} in the URL (the security configuration lets exactly these two paths through
 * unauthenticated); the token reads with the scope of its user when it was made, so a {@code SECRETARY}'s token
 * reads only their units' feeds ({@code 403 forbidden-unit} for another unit) and their committee feed lists only
 * their units' sessions. The token is checked before anything else, so a request without a valid one learns
 * nothing, not even whether a unit exists.
 *
 * <p>A feed holds the sessions scheduled from {@link #HISTORY} before now onward, in the committee's time zone: what
 * a calendar needs, and a bound on the feed's size however long the ledger runs.
 */
@RestController
@Tag(name = "Calendar", description = "iCalendar feeds of the sessions, for phone calendars")
class CalendarController {

    /** How far back a feed reaches. */
    static final Period HISTORY = Period.ofYears(2);
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String COMMITTEE_NAME = "Lịch sinh hoạt chuyên đề của Đảng bộ";
    static final String OWN_UNITS_NAME = "Lịch sinh hoạt chuyên đề của các đơn vị tôi phụ trách";
    static final String UNIT_NAME_PREFIX = "Lịch sinh hoạt chuyên đề – ";

    private static final String FEED_EXAMPLE = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//vn.ledger//Thematic-session ledger//VI
            METHOD:PUBLISH
            NAME:Lịch sinh hoạt chuyên đề – Chi bộ Trung tâm Văn hóa Ngh
             ệ thuật
            DESCRIPTION:Các buổi sinh hoạt chuyên đề có Chi bộ Trung tâm V
             ăn hóa Nghệ thuật tham gia.
            X-WR-CALNAME:Lịch sinh hoạt chuyên đề – Chi bộ Trung tâm Văn\s
             hóa Nghệ thuật
            X-WR-CALDESC:Các buổi sinh hoạt chuyên đề có Chi bộ Trung tâm\s
             Văn hóa Nghệ thuật tham gia.
            X-PUBLISHED-TTL:PT1H
            REFRESH-INTERVAL;VALUE=DURATION:PT1H
            BEGIN:VEVENT
            UID:3f1c2b9e-5a7d-4c1e-9b2a-0d6e8f4a1c37@ledger
            DTSTAMP:20260915T020000Z
            SEQUENCE:1
            LAST-MODIFIED:20260910T031500Z
            DTSTART:20260915T010000Z
            DTEND:20260915T030000Z
            SUMMARY:Học tập và làm theo tư tưởng\\, đạo đức\\, phong các
             h Hồ Chí Minh
            LOCATION:Hội trường Sở
            DESCRIPTION:Trạng thái: Đã lên lịch\\nĐơn vị: Chi bộ Trung tâ
             m Văn hóa Nghệ thuật\\nHình thức: Trực tiếp\\nĐịa điểm: H
             ội trường Sở\\nBáo cáo viên: Nguyễn Văn An\\nVăn bản căn c
             ứ: Kết luận số 01-KL/TW
            STATUS:CONFIRMED
            END:VEVENT
            END:VCALENDAR
            """;
    private static final String INVALID_TOKEN_EXAMPLE = """
            {"type": "urn:ledger:problem:invalid-feed-token", "title": "Unauthorized", "status": 401,
             "detail": "This calendar link is not valid, or was revoked; make a new one with POST \
            /api/v1/calendar-tokens.",
             "code": "invalid-feed-token"}""";
    private static final String TOKEN_DESCRIPTION = "The feed token from `POST /api/v1/calendar-tokens`: 43 "
            + "base64url characters. Missing, unknown or revoked: 401 `invalid-feed-token`.";

    private final CalendarTokens tokens;
    private final CalendarQueries queries;
    private final FeedDenials denials;
    private final Clock clock;

    CalendarController(CalendarTokens tokens, CalendarQueries queries, FeedDenials denials, Clock clock) {
        this.tokens = tokens;
        this.queries = queries;
        this.denials = denials;
        this.clock = clock;
    }

    @GetMapping("/api/v1/calendar.ics")
    @SecurityRequirements
    @Operation(summary = "The committee's sessions as an iCalendar feed",
            description = "One VEVENT per session scheduled in the last two years or later; UID `<sessionId>@ledger` "
                    + "stays the same through reschedules and a cancellation, SEQUENCE grows, a cancelled session is "
                    + "STATUS:CANCELLED. A SECRETARY's token lists only their units' sessions. No sign-in: the token "
                    + "in the URL is the only authentication.")
    @ApiResponse(responseCode = "200", description = "The feed (UTF-8; times in UTC; each event lasts 2 hours)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = FEED_EXAMPLE)))
    @ApiResponse(responseCode = "401", description = "No valid token: missing, unknown or revoked",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = INVALID_TOKEN_EXAMPLE)))
    ResponseEntity<byte[]> committee(
            @Parameter(description = TOKEN_DESCRIPTION, example = "q3Vt0hM2m8b1yXcJd5Zr7pLkW9sTnE4aF6gH0iQ2uOw")
            @RequestParam(required = false) String token,
            HttpServletRequest request) {
        Holder holder = holder(token, request);
        ReaderScope scope = holder.scope();
        List<FeedSession> sessions = queries.committee(scope, from());
        return scope.unrestricted()
                ? feed(COMMITTEE_NAME, "Các buổi sinh hoạt chuyên đề của các chi bộ, đảng bộ bộ phận.", sessions)
                : feed(OWN_UNITS_NAME, "Các buổi sinh hoạt chuyên đề của các đơn vị do " + holder.username()
                        + " phụ trách.", sessions);
    }

    @GetMapping("/api/v1/units/{unitId}/calendar.ics")
    @SecurityRequirements
    @Operation(summary = "A unit's sessions as an iCalendar feed",
            description = "The sessions the unit takes part in (joint sessions with other units included), as the "
                    + "committee feed writes them. A SECRETARY's token reads only their own units. No sign-in: the "
                    + "token in the URL is the only authentication.")
    @ApiResponse(responseCode = "200", description = "The unit's feed, named after the unit",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = FEED_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "The id is not a UUID (`invalid-parameter`)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type": "urn:ledger:problem:invalid-parameter", "title": "Bad Request", "status": 400,
                     "detail": "'abc' is not a unit id.", "code": "invalid-parameter",
                     "errors": [{"field": "unitId", "message": "'abc' is not a unit id."}]}""")))
    @ApiResponse(responseCode = "401", description = "No valid token: missing, unknown or revoked",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = INVALID_TOKEN_EXAMPLE)))
    @ApiResponse(responseCode = "403", description = "A SECRETARY's token and another unit (`forbidden-unit`)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type": "urn:ledger:problem:forbidden-unit", "title": "Forbidden", "status": 403,
                     "detail": "You may not read the records of unit 8d1e5b0a-2f4c-4e8b-a1d3-6c7f9e2b4a10.",
                     "code": "forbidden-unit"}""")))
    @ApiResponse(responseCode = "404", description = "No unit has this id (`unit-not-found`)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type": "urn:ledger:problem:unit-not-found", "title": "Not Found", "status": 404,
                     "detail": "No unit has the id 8d1e5b0a-2f4c-4e8b-a1d3-6c7f9e2b4a10.",
                     "code": "unit-not-found"}""")))
    ResponseEntity<byte[]> unit(
            @Parameter(description = "The unit's id", example = "8d1e5b0a-2f4c-4e8b-a1d3-6c7f9e2b4a10")
            @PathVariable String unitId,
            @Parameter(description = TOKEN_DESCRIPTION, example = "q3Vt0hM2m8b1yXcJd5Zr7pLkW9sTnE4aF6gH0iQ2uOw")
            @RequestParam(required = false) String token,
            HttpServletRequest request) {
        Holder holder = holder(token, request);
        UUID id = unitId(unitId);
        ReaderScope scope = holder.scope();
        if (!scope.allows(id)) {
            denials.record(ReaderScope.FORBIDDEN_UNIT, holder.username(), request.getRequestURI());
        }
        scope.require(id);
        CalendarQueries.UnitFeed unit = queries.unit(id, from()).orElseThrow(() -> new UnitNotFound(id));
        return feed(UNIT_NAME_PREFIX + unit.unitName(),
                "Các buổi sinh hoạt chuyên đề có " + unit.unitName() + " tham gia.", unit.sessions());
    }

    /** Whom the token stands for; 401, counted as a denial, when it stands for nobody. */
    private Holder holder(String token, HttpServletRequest request) {
        return tokens.holder(token).orElseThrow(() -> {
            denials.record(InvalidFeedToken.CODE, "anonymous", request.getRequestURI());
            return new InvalidFeedToken();
        });
    }

    /** The path's unit id, read only after the token: an id that is not a UUID is 400 {@code invalid-parameter}. */
    private static UUID unitId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidParameter("invalid-parameter", "unitId", "'" + text + "' is not a unit id.");
        }
    }

    /** The first moment a feed reaches back to: {@link #HISTORY} before now, by the committee's calendar. */
    private Instant from() {
        return clock.instant().atZone(ZONE).minus(HISTORY).toInstant();
    }

    /**
     * The feed, never stored by a cache on the way: its URL carries a token, and a calendar asks again every hour
     * anyway.
     */
    private ResponseEntity<byte[]> feed(String name, String description, List<FeedSession> sessions) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, CalendarFeed.MEDIA_TYPE)
                .cacheControl(CacheControl.noStore())
                .body(CalendarFeed.write(name, description, sessions, clock.instant()));
    }
}
