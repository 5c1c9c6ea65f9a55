package vn.ledger.command.eventstore;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.ledger.command.rule.Actor;
import vn.ledger.security.LedgerUser;

/**
 * Who recorded a fact, when, and from which request: the metadata every command carries and every event inherits.
 */
@Component
public class AuditMetadata {

    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    public static final String UNIT_ID = "unitId";
    public static final String RECORDED_AT = "recordedAt";
    public static final String REQUEST_ID = "requestId";
    /** The roster import a command belongs to, on every event of that import. */
    public static final String IMPORT_ID = "importId";
    static final String[] KEYS = {USER_ID, ROLE, UNIT_ID, RECORDED_AT, REQUEST_ID, IMPORT_ID};

    /** The client's own request id; {@code Idempotency-Key} takes precedence over it. */
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final Clock clock;

    public AuditMetadata(Clock clock) {
        this.clock = clock;
    }

    /**
     * The metadata of a command sent on behalf of {@code request} by the signed-in user.
     *
     * @param unitId the unit the user acts for, or {@code null} when the command is not for one unit
     */
    public MetaData of(HttpServletRequest request, UUID unitId) {
        Map<String, Object> values = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LedgerUser user) {
            values.put(USER_ID, user.getUsername());
            values.put(ROLE, user.role());
            values.put(Actor.SCOPE, user.unitIds().stream().map(UUID::toString).collect(Collectors.joining(",")));
        } else {
            values.put(USER_ID, "anonymous");
            values.put(ROLE, "ANONYMOUS");
        }
        if (unitId != null) {
            values.put(UNIT_ID, unitId.toString());
        }
        values.put(RECORDED_AT, clock.instant().toString());
        values.put(REQUEST_ID, requestId(request));
        return MetaData.from(values);
    }

    /**
     * The metadata of one command of a batch that a request started earlier (a roster import): the request's user
     * and id, recorded now, for {@code unitId}.
     */
    public MetaData forBatch(MetaData requestMetaData, UUID unitId) {
        MetaData metaData = requestMetaData.and(RECORDED_AT, clock.instant().toString());
        return unitId == null ? metaData.withoutKeys(java.util.Set.of(UNIT_ID)) : metaData.and(UNIT_ID, unitId.toString());
    }

    /** The metadata of a command the service sends itself, e.g. while loading the demo data. */
    public MetaData ofSystem(String userId, String requestId) {
        return MetaData.from(Map.of(
                USER_ID, userId,
                ROLE, Actor.SYSTEM,
                RECORDED_AT, clock.instant().toString(),
                REQUEST_ID, requestId));
    }

    private static String requestId(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key == null || key.isBlank()) {
            key = request.getHeader(REQUEST_ID_HEADER);
        }
        return key == null || key.isBlank() ? UUID.randomUUID().toString() : key.strip();
    }
}
