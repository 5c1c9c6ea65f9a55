package vn.ledger.query.calendar;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ledger.query.web.QueryRejection;

/**
 * Counts a refused feed in {@code ledger_security_denials_total{code}}, the counter the sign-in's {@code Denials}
 * ({@code shared-security}) keeps for every other denial (the query side depends on neither the command side nor the
 * sign-in, which its launchers add, so it names the same meter). Logged at INFO, not WARN: a phone subscribed with a revoked link keeps asking for hours. The log
 * names the path without its query, never the token.
 */
@Component
class FeedDenials {

    /** The sign-in's meter ({@code Denials}), tagged by problem code. */
    static final String METER = QueryRejection.DENIALS_METER;

    private static final Logger log = LoggerFactory.getLogger(FeedDenials.class);

    private final MeterRegistry meters;

    FeedDenials(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * @param code the problem code answered
     * @param user the token's user, or {@code anonymous} when the token stands for nobody
     * @param path the request's path, without the query that carries the token
     */
    void record(String code, String user, String path) {
        log.info("Denied ({}): GET {} by {}", code, path, user);
        meters.counter(METER, "code", code).increment();
    }
}
