package vn.ledger.command.eventstore;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

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
    static final String[] KEYS = {USER_ID, ROLE, UNIT_ID, RECORDED_AT, REQUEST_ID};

    /** The client's own request id; {@code Idempotency-Key} takes precedence over it. */
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final Clock clock;

    public AuditMetadata(Clock clock) {
        this.clock = clock;
    }

    /**
     * The metadata of a command sent on behalf of {@code request}.
     *
     * @param unitId the unit the user acts for, or {@code null} when the command is not for one unit
     */
    public MetaData of(HttpServletRequest request, UUID unitId) {
        Map<String, Object> values = new HashMap<>();
        Principal principal = request.getUserPrincipal();
        // Authentication arrives with the roster (issue 3); until then the recorder is the anonymous client.
        values.put(USER_ID, principal == null ? "anonymous" : principal.getName());
        values.put(ROLE, principal == null ? "ANONYMOUS" : "USER");
        if (unitId != null) {
            values.put(UNIT_ID, unitId.toString());
        }
        values.put(RECORDED_AT, clock.instant().toString());
        values.put(REQUEST_ID, requestId(request));
        return MetaData.from(values);
    }

    private static String requestId(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key == null || key.isBlank()) {
            key = request.getHeader(REQUEST_ID_HEADER);
        }
        return key == null || key.isBlank() ? UUID.randomUUID().toString() : key.strip();
    }
}
