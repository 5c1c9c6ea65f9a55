package vn.ledger.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * deploy/compose.yaml: it is YAML, and every image, build, file, secret and service it names is there and fits the
 * services' contract (see {@link ComposeChecks}); then what this deployment promises beyond that.
 */
class ComposeTest {

    static final Path COMPOSE = Repository.DEPLOY.resolve("compose.yaml");
    static final Path SECRETS_SCRIPT = Repository.DEPLOY.resolve("secrets/generate.sh");

    private static JsonNode compose;
    private static ComposeChecks checks;

    @BeforeAll
    static void readTheComposeFile() {
        compose = Repository.yaml(COMPOSE);
        checks = new ComposeChecks(compose, COMPOSE.getParent(), SECRETS_SCRIPT);
    }

    @Test
    void theDeploymentHasEveryService() {
        assertThat(compose.path("name").asString()).isEqualTo("ledger");
        assertThat(checks.services().keySet()).containsExactlyInAnyOrder("postgres", "command-service",
                "query-service", "nginx", "metrics-user", "prometheus", "grafana");
        assertThat(checks.sideOf(checks.services().get("command-service"))).contains(Contract.COMMAND);
        assertThat(checks.sideOf(checks.services().get("query-service"))).contains(Contract.QUERY);
    }

    @Test
    void theFileSaysEverythingItMeansInPlainYaml() {
        // compose merges "<<: *anchor" keys, this reader does not: what the tests read must be what compose reads
        List<String> merges = new java.util.ArrayList<>();
        findMergeKeys(compose, "", merges);
        assertThat(merges).as("merge keys").isEmpty();
        assertThat(Repository.read(COMPOSE)).doesNotContain("<<:");
    }

    private static void findMergeKeys(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("<<")) {
                    found.add(path);
                }
                findMergeKeys(entry.getValue(), path + "/" + entry.getKey(), found);
            });
        } else if (node.isArray()) {
            node.forEach(item -> findMergeKeys(item, path + "/[]", found));
        }
    }

    @Test
    void everyImageIsPinnedAndEveryBuildHasWhatItCopies() {
        assertThat(checks.imagesAndBuilds()).isEmpty();
        assertThat(checks.services().get("postgres").path("image").asString()).startsWith("postgres:17.");
    }

    @Test
    void everyMountedFileAndSecretIsThere() {
        assertThat(checks.mountsAndSecrets()).isEmpty();
        assertThat(Files.isExecutable(SECRETS_SCRIPT)).isTrue();
    }

    @Test
    void everyServiceWaitedForIsThereAndChecked() {
        assertThat(checks.dependencies()).isEmpty();
    }

    @Test
    void theServicesGetWhatTheirContractSays() {
        assertThat(checks.serviceContract()).isEmpty();

        JsonNode command = checks.services().get("command-service");
        String keys = ComposeChecks.environment(command).get("LEDGER_KEY_DIR");
        assertThat(ComposeChecks.mounts(command)).as("the signing key on a named volume")
                .anySatisfy(mount -> {
                    assertThat(mount.target()).isEqualTo(keys);
                    assertThat(mount.bind()).isFalse();
                });
        assertThat(command.path("deploy").path("replicas").asInt(1)).as("one command instance signs").isEqualTo(1);

        JsonNode query = checks.services().get("query-service");
        int replicas = query.path("deploy").path("replicas").asInt(1);
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        assertThat(Integer.parseInt(ComposeChecks.environment(query).get("LEDGER_QUERY_SEGMENTS")))
                .as("at least a segment per query replica").isGreaterThanOrEqualTo(replicas);
    }

    @Test
    void theDatabaseIsMadeBeforeItsRolesAndTheirPasswords() {
        JsonNode postgres = checks.services().get("postgres");
        Map<String, String> initScripts = new java.util.TreeMap<>();
        ComposeChecks.mounts(postgres).stream()
                .filter(mount -> mount.target().startsWith("/docker-entrypoint-initdb.d/"))
                .forEach(mount -> initScripts.put(mount.target(), Repository.relative(
                        COMPOSE.getParent().resolve(mount.source()))));
        // the image runs them in the order of their names
        assertThat(List.copyOf(initScripts.values())).containsExactly("deploy/sql/00-database.sh",
                Contract.ROLES_SQL, "deploy/sql/20-role-passwords.sh");
        assertThat(ComposeChecks.environment(postgres)).containsEntry("POSTGRES_DB", "ledger");

        // the password script finds the roles' passwords where compose puts them
        String passwords = Repository.read(Repository.DEPLOY.resolve("sql/20-role-passwords.sh"));
        Map<String, String> environment = ComposeChecks.environment(postgres);
        for (String role : Contract.DATABASE_ROLES) {
            assertThat(passwords).contains("ALTER ROLE " + role + " WITH LOGIN PASSWORD");
        }
        for (String variable : List.of("LEDGER_COMMAND_DB_PASSWORD_FILE", "LEDGER_QUERY_DB_PASSWORD_FILE")) {
            assertThat(environment).containsKey(variable);
            assertThat(passwords).contains(variable.replace("_FILE", ""));
        }
        // the role's password the database is given is the one its service is given
        assertThat(environment.get("LEDGER_COMMAND_DB_PASSWORD_FILE")).isEqualTo(ComposeChecks.environment(
                checks.services().get("command-service")).get("LEDGER_DB_PASSWORD_FILE"));
        assertThat(environment.get("LEDGER_QUERY_DB_PASSWORD_FILE")).isEqualTo(ComposeChecks.environment(
                checks.services().get("query-service")).get("LEDGER_DB_PASSWORD_FILE"));
    }

    @Test
    void nginxSendsToTheServicesOnTheirPorts() {
        Path configuration = checks.mountedAt("nginx", "/etc/nginx/conf.d/default.conf").orElseThrow(
                () -> new AssertionError("nginx has no configuration mounted"));
        assertThat(Repository.relative(configuration)).isEqualTo("deploy/nginx/ledger.conf");
        assertThat(checks.upstreams(Repository.read(configuration), "deploy/nginx/ledger.conf")).isEmpty();
        assertThat(checks.services().get("nginx").path("ports").get(0).asString())
                .isEqualTo("8080:8080").as("nginx listens on the port it publishes");
        assertThat(Repository.read(configuration)).contains("listen 8080;");
    }

    @Test
    void onlyNginxIsReachableFromOtherMachines() {
        checks.services().forEach((name, service) -> {
            for (JsonNode port : service.path("ports")) {
                if (!name.equals("nginx")) {
                    assertThat(port.asString()).as("service %s publishes on loopback only", name)
                            .startsWith("127.0.0.1:");
                }
            }
        });
    }
}
