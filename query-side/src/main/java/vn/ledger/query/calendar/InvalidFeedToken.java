package vn.ledger.query.calendar;

import vn.ledger.query.web.QueryRejection;

/**
 * A feed asked for without a valid token (missing, malformed, unknown or revoked): 401 with code
 * {@code invalid-feed-token}. The answer carries no {@code WWW-Authenticate} challenge: no standard scheme fits a
 * token in the URL, and a Basic challenge would only make a phone ask for a password the feed does not take.
 */
class InvalidFeedToken extends QueryRejection {

    static final String CODE = "invalid-feed-token";

    InvalidFeedToken() {
        super(401, CODE, "This calendar link is not valid, or was revoked; make a new one with POST "
                + "/api/v1/calendar-tokens.");
    }
}
