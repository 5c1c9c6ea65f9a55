package vn.ledger.query.session;

import java.util.UUID;
import vn.ledger.query.web.QueryRejection;

/**
 * No session has the id asked for: a 404 problem with code {@code session-not-found}, also for the views of a session
 * that other features answer (its attendance sheet).
 */
public class SessionNotFound extends QueryRejection {

    public SessionNotFound(UUID sessionId) {
        super(404, "session-not-found", "No session has the id " + sessionId + ".");
    }
}
