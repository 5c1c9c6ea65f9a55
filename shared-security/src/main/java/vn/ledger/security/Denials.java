package vn.ledger.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Pattern;
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
    /** A calendar feed token in a path ({@code DELETE /api/v1/calendar-tokens/{token}}) is a secret: never logged. */
    private static final Pattern CALENDAR_TOKEN = Pattern.compile("^(/api/v1/calendar-tokens/)[^/]+");

    private final MeterRegistry meters;

    Denials(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * @param code the problem code answered, e.g. {@code forbidden-unit}
     * @param user who asked, or {@code anonymous}
     */
    public void record(String code, String user, String method, String path) {
        log.warn("Denied ({}): {} {} by {}", code, method, CALENDAR_TOKEN.matcher(path).replaceFirst("$1***"), user);
        meters.counter("ledger.security.denials", "code", code).increment();
    }
}
