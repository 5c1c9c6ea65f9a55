package vn.ledger.query.session;

import java.util.UUID;
import vn.ledger.query.web.QueryRejection;

/** No session has the id asked for: a 404 problem with code {@code session-not-found}. */
class SessionNotFound extends QueryRejection {

    SessionNotFound(UUID sessionId) {
        super(404, "session-not-found", "No session has the id " + sessionId + ".");
    }
}
