package vn.ledger.manifests;

import java.util.Map;
import java.util.Set;

/**
 * What the separate services promise the deployment (their jars, ports, environment and database roles), in one place:
 * the compose file, the Dockerfiles and the Kubernetes manifests are checked against it.
 */
final class Contract {

    /** A side of the ledger as a service. */
    record Side(String name, String jar, int port, String databaseRole, Set<String> environment) {
    }

    /** What either service reads from its environment, besides the JVM's JAVA_OPTS (the images' entrypoint). */
    private static final Set<String> COMMON = Set.of("SERVER_PORT", "LEDGER_DB_URL", "LEDGER_DB_USER",
            "LEDGER_DB_PASSWORD", "JAVA_OPTS");

    static final Side COMMAND = new Side("command-service", "deploy/command-service/target/command-side.jar", 8081,
            "ledger_command", union(COMMON, Set.of("LEDGER_ADMIN_PASSWORD", "LEDGER_KEY_DIR",
                    "LEDGER_AUDIT_ENABLED")));
    static final Side QUERY = new Side("query-service", "deploy/query-service/target/query-side.jar", 8082,
            "ledger_query", union(COMMON, Set.of("LEDGER_QUERY_SEGMENTS")));

    /** The sides by the jar their image is built from. */
    static final Map<String, Side> BY_JAR = Map.of(COMMAND.jar(), COMMAND, QUERY.jar(), QUERY);

    /** The database roles deploy/sql/roles.sql makes. */
    static final Set<String> DATABASE_ROLES = Set.of(COMMAND.databaseRole(), QUERY.databaseRole());

    /** Written by the services' work, used here: required once the services are in the tree. */
    static final String ROLES_SQL = "deploy/sql/roles.sql";

    /** The services' health groups and metrics (Spring Boot's actuator with probes enabled). */
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    static final String METRICS = "/actuator/prometheus";

    private Contract() {
    }

    /**
     * Whether {@code variable} is one {@code side} reads: its own, or a {@code LEDGER_*_FILE} naming a file that holds
     * one of its {@code LEDGER_*} variables (deploy/docker/ledger-entrypoint.sh).
     */
    static boolean reads(Side side, String variable) {
        if (side.environment().contains(variable)) {
            return true;
        }
        return variable.startsWith("LEDGER_") && variable.endsWith("_FILE")
                && side.environment().contains(variable.substring(0, variable.length() - "_FILE".length()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
