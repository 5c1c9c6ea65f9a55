package vn.ledger.service.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side as a service of its own: the views and their processors, the query API, reports, calendar feeds and
 * the web application, against the external PostgreSQL of {@code LEDGER_DB_URL} as the {@code ledger_query} role
 * ({@code deploy/sql/roles.sql}), which may read the event log and the users but write neither. It reads the log
 * through the same storage engine as the command side ({@code vn.ledger.eventlog}) and signs users in like it
 * ({@code vn.ledger.security}); it holds none of the command side's aggregates or controllers. Several may run:
 * they share each processor's segments ({@code LEDGER_QUERY_SEGMENTS}).
 */
@SpringBootApplication(scanBasePackages = {"vn.ledger.query", "vn.ledger.eventlog", "vn.ledger.security",
        "vn.ledger.service.query"})
public class QueryService {

    public static void main(String[] args) {
        // no record system of a Party committee phones home; also set before any Axon class looks at it
        System.setProperty("axoniq.update-checker.disabled", "true");
        ExternalDatabase.requireSettings("query service");
        SpringApplication.run(QueryService.class, args);
    }
}
