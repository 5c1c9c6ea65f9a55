package vn.ledger.command.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every refusal of who-may-do-what is logged and counted ({@code ledger_security_denials_total}, tagged by problem
 * code), so that an office can see a secretary trying another cell's records, or someone guessing passwords.
 */
@Component
public class Denials {

    private static final Logger log = LoggerFactory.getLogger(Denials.class);

    private final MeterRegistry meters;

    Denials(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * @param code the problem code answered, e.g. {@code forbidden-unit}
     * @param user who asked, or {@code anonymous}
     */
    public void record(String code, String user, String method, String path) {
        log.warn("Denied ({}): {} {} by {}", code, method, path, user);
        meters.counter("ledger.security.denials", "code", code).increment();
    }
}
