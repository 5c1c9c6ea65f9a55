package vn.ledger.service.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the services' jars as processes for the process tests, and waits for them. */
final class ServiceProcesses {

    private ServiceProcesses() {}

    /**
     * Starts {@code jar} on {@code port} against the database at {@code databaseUrl} (none when null), in
     * {@code work}, with the
     * JVM's {@code jvmOptions} and {@code environment} on top of an environment without any {@code LEDGER_*}
     * variable of the test's own; its output goes to {@code target/services-<name>.log}.
     */
    static Process start(Path jar, String name, int port, Path work, String databaseUrl, List<String> jvmOptions,
                         Map<String, String> environment) throws IOException {
        assertThat(jar).as("the service's jar; build it with ./mvnw package").exists();
        Path log = Path.of("target", "services-" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("LEDGER_") || key.equals("SERVER_PORT"));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        if (databaseUrl != null) {
            builder.environment().put("LEDGER_DB_URL", databaseUrl);
        }
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits until the service answers its health check, failing at once if its process exits. */
    static void awaitHealthy(Process process, int port, String name, Duration startup) {
        Http http = new Http(port);
        await().atMost(startup).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as("the %s service exited; see target/services-%s.log", name, name).isTrue();
            return http.get("/actuator/health").status() == 200;
        });
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
