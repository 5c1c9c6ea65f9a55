package vn.ledger.command.user;

import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import vn.ledger.command.rule.Actor;

/**
 * Creates the first {@code OFFICE} user, {@code admin}, at the first start: with the password of
 * {@code LEDGER_ADMIN_PASSWORD}, or a generated one printed once to the log.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserStore users;
    private final String configuredPassword;

    AdminBootstrap(UserStore users, @Value("${LEDGER_ADMIN_PASSWORD:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists(ADMIN)) {
            return;
        }
        String password = configuredPassword.isBlank() ? generated() : configuredPassword;
        users.create(ADMIN, password, Actor.OFFICE, List.of(), "bootstrap");
        if (configuredPassword.isBlank()) {
            log.warn("Created the OFFICE user 'admin' with the generated password: {} "
                    + "(shown only now; set LEDGER_ADMIN_PASSWORD before the first start to choose it)", password);
        } else {
            log.info("Created the OFFICE user 'admin' with the password of LEDGER_ADMIN_PASSWORD");
        }
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
