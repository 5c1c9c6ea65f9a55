package vn.ledger.service.command;

import java.util.List;

/** The external PostgreSQL a service needs: without it, it stops at once and says what is missing. */
final class ExternalDatabase {

    static final List<String> SETTINGS = List.of("LEDGER_DB_URL", "LEDGER_DB_USER", "LEDGER_DB_PASSWORD");

    private ExternalDatabase() {}

    static void requireSettings(String service) {
        List<String> missing = SETTINGS.stream().filter(name -> System.getenv(name) == null).toList();
        if (!missing.isEmpty()) {
            System.err.println("The " + service + " runs against an external PostgreSQL and embeds none: set "
                    + String.join(", ", missing) + " (see deploy/sql/roles.sql for its database role).");
            System.exit(2);
        }
    }
}
