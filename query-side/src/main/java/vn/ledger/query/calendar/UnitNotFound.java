package vn.ledger.query.calendar;

import java.util.UUID;
import vn.ledger.query.web.QueryRejection;

/** No unit has the id asked for: a 404 problem with code {@code unit-not-found}. */
class UnitNotFound extends QueryRejection {

    UnitNotFound(UUID unitId) {
        super(404, "unit-not-found", "No unit has the id " + unitId + ".");
    }
}
