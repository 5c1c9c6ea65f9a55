package vn.ledger.query.stats;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import vn.ledger.query.stats.StatsQueries.AsOf;
import vn.ledger.query.web.InvalidParameter;

/**
 * The parameters every statistics answer takes, parsed alike wherever they are given: a quarter ({@code 2022-Q3}),
 * and {@code asOf=<instant>} or {@code position=<n>}. A bad one is a 400 problem naming it.
 */
final class StatsParameters {

    private StatsParameters() {}

    /** {@code asOf} or {@code position} (not both), or the live view when neither is given. */
    static AsOf asOf(String asOf, String position) {
        if (asOf != null && position != null) {
            throw new InvalidParameter("conflicting-parameters", "asOf", "Give asOf or position, not both.");
        }
        if (position != null) {
            try {
                long n = Long.parseLong(position.strip());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return new AsOf(n, null);
            } catch (NumberFormatException e) {
                throw new InvalidParameter("invalid-position", "position",
                        "'" + position + "' is not a position in the log (a whole number from 0).");
            }
        }
        if (asOf != null) {
            try {
                return new AsOf(null, OffsetDateTime.parse(asOf.strip()).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return new AsOf(null, Instant.parse(asOf.strip()));
                } catch (DateTimeParseException notAnInstant) {
                    throw new InvalidParameter("invalid-as-of", "asOf",
                            "'" + asOf + "' is not an instant; write it like 2022-10-01T08:00:00+07:00.");
                }
            }
        }
        return AsOf.LIVE;
    }

    /** 400 {@code invalid-quarter} on {@code parameter} unless {@code text} is a quarter such as 2022-Q3. */
    static Quarter quarter(String parameter, String text) {
        Quarter quarter = Quarter.parseOrNull(text);
        if (quarter == null) {
            throw new InvalidParameter("invalid-quarter", parameter,
                    "'" + text + "' is not a quarter; write it like 2022-Q3.");
        }
        return quarter;
    }
}
