package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.embedded.TestDatabases;
import vn.ledger.standalone.Http.Answer;

/**
 * The standalone jar as a user runs it: {@code java -jar ledger.jar} as its own process, killed with
 * {@code kill -9}, restarted over the same data directory, and pointed at an external PostgreSQL.
 */
class StandaloneProcessIT {

    private static final Path JAR = Path.of(System.getProperty("ledger.jar", "target/ledger.jar"));
    private static final Duration STARTUP = Duration.ofSeconds(120);

    @TempDir
    Path work;

    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroy();
            running.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void acknowledgedRecordsAndTheirStatisticsSurviveKillMinus9AndRestart() throws Exception {
        Path data = work.resolve("data");
        int port = freePort();
        Http http = LedgerTestSupport.admin(port);

        running = start(port, Map.of("LEDGER_DATA_DIR", data.toString()), "first");
        UUID unit = LedgerTestSupport.registerCell(http, "Chi bộ Trung tâm Văn hóa Nghệ thuật");
        Answer scheduled = http.post("/api/v1/sessions", """
                {"unitIds": ["%s"], "topic": "Chuyên đề quý III năm 2022", "scheduledAt": "2022-09-15T08:00:00+07:00",
                 "format": "IN_PERSON", "venue": "Hội trường"}
                """.formatted(unit));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        String session = scheduled.body().path("id").asString();
        assertThat(http.post("/api/v1/sessions/" + session + "/performances", showing(unit, "Thành phố Bến Tre", 1200))
                .status()).isEqualTo(201);
        assertThat(http.post("/api/v1/sessions/" + session + "/performances", showing(unit, "Huyện Châu Thành", 4100))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> audienceOfQ3(http) == 5300);

        running.destroyForcibly(); // SIGKILL: no shutdown hook runs, the embedded postmaster is left orphaned
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();

        running = start(port, Map.of("LEDGER_DATA_DIR", data.toString()), "second");
        assertThat(audienceOfQ3(http)).isEqualTo(5300);
        Answer third = http.post("/api/v1/sessions/" + session + "/performances", showing(unit, "Huyện Ba Tri", 700));
        assertThat(third.status()).as(third.raw()).isEqualTo(201);
        assertThat(third.body().path("version").asLong()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> audienceOfQ3(http) == 6000);

        running.destroy(); // SIGTERM: a graceful stop also stops the embedded PostgreSQL
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void withAnExternalDatabaseItEmbedsNothing() throws Exception {
        Path data = work.resolve("unused-data");
        int port = freePort();
        Http http = LedgerTestSupport.admin(port);

        running = start(port, Map.of(
                "LEDGER_DB_URL", TestDatabases.newDatabase(),
                "LEDGER_DB_USER", TestDatabases.user(),
                "LEDGER_DATA_DIR", data.toString()), "external");
        UUID unit = LedgerTestSupport.registerCell(http, "Chi bộ Thư viện");
        Answer scheduled = http.post("/api/v1/sessions", """
                {"unitIds": ["%s"], "topic": "Chuyên đề", "scheduledAt": "2022-08-01T08:00:00+07:00",
                 "format": "ONLINE", "onlineUrl": "https://meet.example/q3"}
                """.formatted(unit));
        assertThat(scheduled.status()).as(scheduled.raw()).isEqualTo(201);
        String session = scheduled.body().path("id").asString();
        assertThat(http.post("/api/v1/sessions/" + session + "/performances", showing(unit, "Thành phố Bến Tre", 5300))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> audienceOfQ3(http) == 5300);

        assertThat(data).doesNotExist();
    }

    private static String showing(UUID unit, String venue, int audience) {
        return """
                {"title": "Nghĩa gia đình, tình làng xóm", "genre": "cải lương", "performerUnitId": "%s",
                 "venue": "%s", "performedOn": "2022-08-20", "audience": %d}
                """.formatted(unit, venue, audience);
    }

    private static long audienceOfQ3(Http http) {
        return http.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3").body()
                .path("quarters").path(0).path("performanceAudience").asLong();
    }

    private Process start(int port, Map<String, String> environment, String name) throws IOException {
        assertThat(JAR).as("the standalone jar; build it with ./mvnw package").exists();
        Path log = Path.of("target", "standalone-" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                JAR.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("LEDGER_") || key.equals("SERVER_PORT"));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("LEDGER_ADMIN_PASSWORD", LedgerTestSupport.ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Http http = new Http(port);
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as("the service exited; see %s", log).isTrue();
            return http.get("/actuator/health").status() == 200;
        });
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
