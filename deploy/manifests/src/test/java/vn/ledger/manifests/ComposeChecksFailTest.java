package vn.ledger.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The checks of {@link ComposeTest} can fail: the real compose file, changed by one mistake each. */
class ComposeChecksFailTest {

    @TempDir
    Path directory;

    @Test
    void theRealFilePassesEveryCheck() {
        assertThat(problems(compose -> { })).isEmpty();
    }

    @Test
    void aMissingMountedFileFails() {
        assertThat(problems(compose -> service(compose, "nginx").withArray("volumes")
                .set(0, "./nginx/ledger.cnf:/etc/nginx/conf.d/default.conf:ro")))
                .containsExactly("service nginx mounts ./nginx/ledger.cnf, which is missing");
    }

    @Test
    void anUndeclaredVolumeOrSecretFails() {
        assertThat(problems(compose -> {
            service(compose, "command-service").withArray("volumes").set(0, "keys:/var/lib/ledger/keys");
            service(compose, "grafana").withArray("secrets").add("grafana_password");
        })).containsExactlyInAnyOrder(
                "service command-service mounts the volume keys, which is not declared",
                "service grafana uses the secret grafana_password, which is not declared");
    }

    @Test
    void aSecretFileTheServiceDoesNotHaveOrThatIsNotMadeFails() {
        assertThat(problems(compose -> {
            ((ObjectNode) service(compose, "query-service").path("environment"))
                    .put("LEDGER_DB_PASSWORD_FILE", "/run/secrets/command_db_password");
            compose.withObject("secrets").withObject("extra").put("file", "./secrets/extra_password");
        })).contains(
                "service query-service's LEDGER_DB_PASSWORD_FILE names the secret command_db_password, which the"
                        + " service does not have",
                "secret extra's file ./secrets/extra_password is not made by deploy/secrets/generate.sh");
    }

    @Test
    void aVariableOrPortOutsideTheContractFails() {
        assertThat(problems(compose -> {
            ObjectNode environment = (ObjectNode) service(compose, "query-service").path("environment");
            environment.put("LEDGER_ADMIN_PASSWORD", "x");
            environment.put("SERVER_PORT", "8081");
            environment.put("LEDGER_DB_URL", "jdbc:postgresql://db:5432/ledger");
        })).containsExactlyInAnyOrder(
                "service query-service sets LEDGER_ADMIN_PASSWORD, which query-service does not read",
                "service query-service should set SERVER_PORT to 8082",
                "service query-service's database host db is not a service");
    }

    @Test
    void anUnknownDependencyOrAnUncheckedOneFails() {
        assertThat(problems(compose -> {
            service(compose, "nginx").withObject("depends_on").withObject("web").put("condition", "service_started");
            service(compose, "prometheus").withObject("depends_on").withObject("grafana")
                    .put("condition", "service_healthy");
        })).containsExactlyInAnyOrder(
                "service nginx depends on web, which is not a service",
                "service prometheus waits for grafana to be healthy, which has no health check");
    }

    @Test
    void anImageNotPinnedOrOneThatCouldBePulledInsteadOfBuiltFails() {
        assertThat(problems(compose -> {
            service(compose, "grafana").put("image", "grafana/grafana:latest");
            service(compose, "command-service").remove("pull_policy");
            service(compose, "metrics-user").remove("pull_policy");
        })).containsExactlyInAnyOrder(
                "service grafana's image grafana/grafana:latest is not pinned to a version",
                "service command-service is built: set pull_policy: build, or an image of the same name on a registry"
                        + " would be pulled instead",
                "service metrics-user runs the image another service builds: set pull_policy: never, or a registry's"
                        + " image of that name could be pulled instead");
    }

    @Test
    void aDockerfileThatCopiesWhatIsNotThereOrRunsAsRootFails() throws IOException {
        Path dockerfile = directory.resolve("broken.Dockerfile");
        Files.writeString(dockerfile, Repository.read(Repository.DEPLOY.resolve("docker/query-side.Dockerfile"))
                .replace("deploy/query-service/target/query-side.jar", "deploy/query-service/target/query.jar")
                .replace("FROM eclipse-temurin:17.0.20_8-jre-noble", "FROM eclipse-temurin")
                .replace("USER 10001:10001", "USER root"));
        Files.writeString(directory.resolve("broken.Dockerfile.dockerignore"), "*\n!deploy/docker/ledger-entrypoint.sh\n");
        assertThat(problems(compose -> service(compose, "query-service").withObject("build")
                .put("dockerfile", dockerfile.toString()))).containsExactlyInAnyOrder(
                "service query-service (" + Repository.relative(dockerfile) + "): the base image eclipse-temurin is"
                        + " not pinned to a version",
                "service query-service (" + Repository.relative(dockerfile) + ") copies"
                        + " deploy/query-service/target/query.jar, which is missing",
                "service query-service (" + Repository.relative(dockerfile) + ") copies"
                        + " deploy/query-service/target/query.jar, which broken.Dockerfile.dockerignore keeps out of"
                        + " the build context",
                "service query-service (" + Repository.relative(dockerfile) + ") runs as root: end with a USER that"
                        + " is not");
    }

    @Test
    void anUpstreamThatIsNotAServiceOnItsPortFails() {
        ComposeChecks checks = new ComposeChecks(Repository.yaml(ComposeTest.COMPOSE), ComposeTest.COMPOSE.getParent(),
                ComposeTest.SECRETS_SCRIPT);
        assertThat(checks.upstreams("""
                upstream a {
                    server command-service:8082;
                }
                upstream b {
                    server web:80;
                }
                """, "ledger.conf")).containsExactly(
                "ledger.conf sends to command-service:8082, which listens on 8081",
                "ledger.conf sends to web, which is not a service");
    }

    private static ObjectNode service(ObjectNode compose, String name) {
        return (ObjectNode) compose.path("services").path(name);
    }

    private static java.util.List<String> problems(Consumer<ObjectNode> change) {
        ObjectNode compose = (ObjectNode) Repository.yaml(ComposeTest.COMPOSE).deepCopy();
        change.accept(compose);
        ComposeChecks checks = new ComposeChecks(compose, ComposeTest.COMPOSE.getParent(), ComposeTest.SECRETS_SCRIPT);
        java.util.List<String> problems = new java.util.ArrayList<>();
        problems.addAll(checks.imagesAndBuilds());
        problems.addAll(checks.mountsAndSecrets());
        problems.addAll(checks.dependencies());
        problems.addAll(checks.serviceContract());
        return problems;
    }
}
