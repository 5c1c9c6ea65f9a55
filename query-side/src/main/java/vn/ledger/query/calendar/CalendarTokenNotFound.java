package vn.ledger.query.calendar;

import vn.ledger.query.web.QueryRejection;

/**
 * No token of the signed-in user is the one named: 404 with code {@code calendar-token-not-found}, whether it is
 * unknown or another user's, so nobody learns whether someone else's token exists.
 */
class CalendarTokenNotFound extends QueryRejection {

    CalendarTokenNotFound() {
        super(404, "calendar-token-not-found", "You have no calendar token like this one.");
    }
}
