package vn.ledger.query.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.ledger.query.access.ReaderScope;
import vn.ledger.query.web.InvalidParameter;

/**
 * {@code GET /api/v1/sessions}, {@code GET /api/v1/sessions/{id}} and {@code GET /api/v1/sessions/{id}/history} of
 * {@code api.md}. An id that is not a UUID is a type mismatch, which the query side answers as
 * {@code invalid-parameter}. A {@code SECRETARY} reads only the sessions that involve one of their units (see
 * {@link ReaderScope}): the list is narrowed to them, and another session, or a {@code unitId} filter naming another
 * unit, is {@code 403 forbidden-unit}.
 */
@RestController
@RequestMapping(path = "/api/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
class SessionController {

    static final int DEFAULT_SIZE = 20;
    /** Larger pages are not a reader's question; they would only make the answer large. */
    static final int MAX_SIZE = 200;

    private final SessionQueries queries;
    private final SessionHistory history;

    SessionController(SessionQueries queries, SessionHistory history) {
        this.queries = queries;
        this.history = history;
    }

    @GetMapping
    SessionPageView list(@RequestParam(required = false) UUID unitId,
                         @RequestParam(required = false) String quarter,
                         @RequestParam(required = false) String status,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
        if (page < 0) {
            throw new InvalidParameter("invalid-parameter", "page", "The page is counted from 0.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameter("invalid-parameter", "size",
                    "The page size is from 1 to " + MAX_SIZE + "; " + size + " is not.");
        }
        ReaderScope scope = ReaderScope.current();
        if (unitId != null) {
            scope.require(unitId);
        }
        return queries.list(new SessionQueries.Filter(unitId, quarter(quarter), status(status), scope.units()), page,
                size);
    }

    /** With the session's version as its ETag, the one a command's {@code If-Match} expects. */
    @GetMapping("/{id}")
    ResponseEntity<SessionView> session(@PathVariable UUID id) {
        SessionView session = queries.session(id).orElseThrow(() -> new SessionNotFound(id));
        ReaderScope.current().requireAny(session.units().stream().map(SessionUnitView::unitId).toList(),
                "session " + id);
        return ResponseEntity.ok().eTag("\"" + session.version() + "\"").body(session);
    }

    @GetMapping("/{id}/history")
    SessionHistoryView history(@PathVariable UUID id) {
        SessionHistoryView answer = history.of(id);
        ReaderScope scope = ReaderScope.current();
        if (!scope.unrestricted()) {
            scope.requireAny(unitIds(answer), "the history of session " + id);
        }
        return answer;
    }

    /** The units the session was scheduled for, as its events name them ({@code unitIds}). */
    private static List<UUID> unitIds(SessionHistoryView history) {
        List<UUID> units = new ArrayList<>();
        for (SessionEventView event : history.items()) {
            JsonNode payload = event.payload();
            if (payload == null) {
                continue;
            }
            for (JsonNode unit : payload.path("unitIds")) {
                try {
                    units.add(UUID.fromString(unit.asString("")));
                } catch (IllegalArgumentException notAUnit) {
                    // not a unit id
                }
            }
        }
        return units;
    }

    /** A blank parameter is no filter, as in {@code ?quarter=&status=}. */
    private static String quarter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!SessionTime.isQuarter(text.strip())) {
            throw new InvalidParameter("invalid-quarter", "quarter",
                    "'" + text + "' is not a quarter; write it like 2022-Q3.");
        }
        return text.strip();
    }

    private static SessionStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        SessionStatus status = SessionStatus.parseOrNull(text.strip());
        if (status == null) {
            throw new InvalidParameter("invalid-parameter", "status", "'" + text + "' is not a status; one of "
                    + Arrays.toString(SessionStatus.values()) + ".");
        }
        return status;
    }
}
