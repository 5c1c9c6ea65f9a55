package vn.ledger.query.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.ledger.query.access.ReaderScope;
import vn.ledger.query.calendar.CalendarTokens.Holder;
import vn.ledger.query.web.QueryRejection;

/**
 * {@code POST /api/v1/calendar-tokens} and {@code DELETE /api/v1/calendar-tokens/{token}} of {@code api.md}: every
 * signed-in user makes feed tokens for themselves and revokes their own. A token captures the user's role and units
 * as they are now (the {@code ROLE_} and {@code UNIT_<uuid>} authorities, see {@link ReaderScope}); after a change
 * of the user's units, revoke it and make a new one. A user may hold several tokens (one per device), each revoked
 * on its own.
 */
@RestController
@RequestMapping(path = "/api/v1/calendar-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calendar", description = "iCalendar feeds of the sessions, for phone calendars")
class CalendarTokenController {

    /**
     * A new token and the feeds it opens.
     *
     * @param token shown this once: only its hash is kept
     * @param feedUrls the committee feed, then (for a {@code SECRETARY}) each of their units' feeds; absolute, with
     *     the token in the query
     */
    record CalendarTokenAnswer(String token, List<String> feedUrls) {}

    private final CalendarTokens tokens;

    CalendarTokenController(CalendarTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(summary = "Make a calendar feed token for the signed-in user",
            description = "Any role. The answer is the only time the token is shown; keep the feed URLs secret like"
                    + " a password. The token reads with the user's role and units as they are now: a SECRETARY's"
                    + " feeds hold only their units' sessions. Revoke it with DELETE.")
    @ApiResponse(responseCode = "201", description = "The token and its feeds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                    {"token": "q3Vt0hM2m8b1yXcJd5Zr7pLkW9sTnE4aF6gH0iQ2uOw",
                     "feedUrls": [
                       "https://ledger.example.vn/api/v1/calendar.ics?\
                    token=q3Vt0hM2m8b1yXcJd5Zr7pLkW9sTnE4aF6gH0iQ2uOw",
                       "https://ledger.example.vn/api/v1/units/8d1e5b0a-2f4c-4e8b-a1d3-6c7f9e2b4a10/calendar.ics?\
                    token=q3Vt0hM2m8b1yXcJd5Zr7pLkW9sTnE4aF6gH0iQ2uOw"
                     ]}""")))
    @ApiResponse(responseCode = "401", description = "Not signed in (`unauthorized`)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type": "urn:ledger:problem:unauthorized", "title": "Unauthorized", "status": 401,
                     "detail": "Sign in with a username and password.", "code": "unauthorized"}""")))
    ResponseEntity<CalendarTokenAnswer> create() {
        Authentication user = signedIn();
        String role = role(user);
        Set<UUID> units = units(user);
        Holder holder = new Holder(user.getName(), role, units);
        String token = tokens.issue(holder);
        List<String> feedUrls = new ArrayList<>();
        feedUrls.add(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/calendar.ics")
                .queryParam("token", token).toUriString());
        if (!holder.scope().unrestricted()) {
            for (UUID unit : units) {
                feedUrls.add(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/v1/units/{id}/calendar.ics").queryParam("token", token)
                        .buildAndExpand(unit).toUriString());
            }
        }
        // the token is a secret: no cache on the way keeps the answer
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new CalendarTokenAnswer(token, feedUrls));
    }

    @DeleteMapping("/{token}")
    @Operation(summary = "Revoke one of the signed-in user's calendar feed tokens",
            description = "Its feeds answer 401 from now on. A revoked token stays revoked; revoking it again is "
                    + "204 too. Another user's token, or an unknown one, is 404.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "Not a token of yours (`calendar-token-not-found`)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type": "urn:ledger:problem:calendar-token-not-found", "title": "Not Found", "status": 404,
                     "detail": "You have no calendar token like this one.", "code": "calendar-token-not-found"}""")))
    ResponseEntity<Void> revoke(
            @Parameter(description = "The token, as POST answered it",
                    example = "q3Vt0hM2m8b1yXcJd5Zr7pLkW9sTnE4aF6gH0iQ2uOw")
            @PathVariable String token) {
        if (!tokens.revoke(signedIn().getName(), token)) {
            throw new CalendarTokenNotFound();
        }
        return ResponseEntity.noContent().build();
    }

    /** The signed-in user: in the service nobody else gets here, but the query side alone has no security. */
    private static Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new QueryRejection(401, "unauthorized", "Sign in to manage your calendar tokens.");
        }
        return authentication;
    }

    /**
     * The user's role without its prefix. A user has one; should they have several, the restricted one wins, so a
     * token never reads more than its user.
     */
    private static String role(Authentication user) {
        String role = null;
        for (GrantedAuthority granted : user.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority == null || !authority.startsWith(ReaderScope.ROLE_PREFIX)) {
                continue;
            }
            String name = authority.substring(ReaderScope.ROLE_PREFIX.length());
            if (ReaderScope.RESTRICTED_ROLE.equals(name)) {
                return name;
            }
            role = role == null ? name : role;
        }
        if (role == null) {
            throw new QueryRejection(403, "forbidden-role", "Your sign-in carries no role.");
        }
        return role;
    }

    /** The user's {@code UNIT_<uuid>} authorities, in their order. */
    private static Set<UUID> units(Authentication user) {
        Set<UUID> units = new LinkedHashSet<>();
        for (GrantedAuthority granted : user.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority != null && authority.startsWith(ReaderScope.UNIT_PREFIX)) {
                try {
                    units.add(UUID.fromString(authority.substring(ReaderScope.UNIT_PREFIX.length())));
                } catch (IllegalArgumentException notAUnit) {
                    // not a unit id: grants nothing, as in ReaderScope
                }
            }
        }
        return units;
    }
}
