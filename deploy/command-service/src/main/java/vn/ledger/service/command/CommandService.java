package vn.ledger.service.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side as a service of its own: commands over HTTP, the aggregates, the event store (it migrates the
 * {@code event_store} and {@code command_model} schemas), the users and the audit sealer, against the external
 * PostgreSQL of {@code LEDGER_DB_URL} as the {@code ledger_command} role ({@code deploy/sql/roles.sql}). Several may
 * run behind a load balancer. Nothing is embedded: without a database it does not start.
 */
@SpringBootApplication(scanBasePackages = {"vn.ledger.command", "vn.ledger.security", "vn.ledger.service.command"})
public class CommandService {

    public static void main(String[] args) {
        // no record system of a Party committee phones home; also set before any Axon class looks at it
        System.setProperty("axoniq.update-checker.disabled", "true");
        ExternalDatabase.requireSettings("command service");
        SpringApplication.run(CommandService.class, args);
    }
}
