package vn.ledger.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.ContextClosedEvent;
import vn.ledger.embedded.EmbeddedDatabase;

/**
 * Runs the command side and the query side in one JVM on one port. With {@code LEDGER_DB_URL} unset it starts a
 * durable embedded PostgreSQL over {@code LEDGER_DATA_DIR} (default {@code ./data}) and stops it on shutdown.
 */
@SpringBootApplication(scanBasePackages = "vn.ledger")
public class LedgerApplication {

    private static final Logger log = LoggerFactory.getLogger(LedgerApplication.class);

    public static void main(String[] args) {
        // no record system of a Party committee phones home; also set before any Axon class looks at it
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication application = new SpringApplication(LedgerApplication.class);
        Map<String, Object> database = new HashMap<>();
        String externalUrl = System.getenv("LEDGER_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            database.put("spring.datasource.url", externalUrl);
            database.put("spring.datasource.username", envOr("LEDGER_DB_USER", ""));
            database.put("spring.datasource.password", envOr("LEDGER_DB_PASSWORD", ""));
        } else {
            Path dataDirectory = Path.of(envOr("LEDGER_DATA_DIR", "data")).toAbsolutePath();
            int port = Integer.parseInt(envOr("LEDGER_EMBEDDED_DB_PORT", "0"));
            log.info("Starting the embedded PostgreSQL over {}", dataDirectory);
            EmbeddedDatabase embedded = EmbeddedDatabase.startDurable(dataDirectory, port);
            database.put("spring.datasource.url", embedded.jdbcUrl("postgres"));
            database.put("spring.datasource.username", embedded.superuser());
            application.addListeners((ContextClosedEvent closed) -> embedded.close());
        }
        application.setDefaultProperties(database);
        application.run(args);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
