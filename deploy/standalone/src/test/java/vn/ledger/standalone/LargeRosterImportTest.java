package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ledger.standalone.Http.Answer;

/**
 * A province-sized roster file: 50,000 members in 1,000 cells under 100 sub-committees, imported over HTTP in one
 * step while the status URL reports progress. Prints the import rate; asserts only what must hold, never a time.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LargeRosterImportTest {

    static final int MEMBERS = 50_000;
    static final int CELLS = 1_000;
    static final int SUB_COMMITTEES = 100;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importsFiftyThousandRowsInOneStepWithProgress() {
        Http office = LedgerTestSupport.admin(port);
        byte[] csv = generated();

        long started = System.nanoTime();
        Answer preview = office.upload(RosterImportHttpTest.IMPORTS + "?dryRun=true", "tinh.csv", csv, Map.of());
        long planned = System.nanoTime();
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().path("valid").asBoolean()).as(preview.raw()).isTrue();
        assertThat(preview.body().path("counts").path("membersToAdmit").asInt()).isEqualTo(MEMBERS);
        assertThat(preview.body().path("truncated").asBoolean()).isTrue();

        Answer accepted = office.upload(RosterImportHttpTest.IMPORTS, "tinh.csv", csv, Map.of());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        String location = RosterImportHttpTest.IMPORTS + "/" + accepted.body().path("importId").asString();
        // a command sent while the import runs waits at the append gate, and lands after every event of the import
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> office.get(location).body().path("rowsDone").asInt() > 0);
        var meanwhile = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/v1/units"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                ("admin:" + LedgerTestSupport.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"name\": \"Chi bộ gửi trong lúc nhập\", \"kind\": \"CELL\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        TreeSet<Integer> progressSeen = new TreeSet<>();
        JsonNode done = org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode status = office.get(location).body();
                    progressSeen.add(status.path("rowsDone").asInt());
                    return status;
                }, status -> !status.path("state").asString().matches("QUEUED|RUNNING"));
        long finished = System.nanoTime();

        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("summary").path("membersAdmitted").asInt()).isEqualTo(MEMBERS);
        assertThat(done.path("summary").path("unitsCreated").asInt()).isEqualTo(CELLS + SUB_COMMITTEES);
        assertThat(progressSeen.subSet(1, MEMBERS + SUB_COMMITTEES))
                .as("the status URL showed rows done while the import ran").isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command_model.member", Long.class))
                .isEqualTo(MEMBERS);
        var command = meanwhile.join();
        assertThat(command.statusCode()).as(command.body()).isEqualTo(201);
        long commandPosition = jdbc.queryForObject("""
                SELECT global_index FROM event_store.domain_event_entry
                WHERE payload_type = 'vn.ledger.events.UnitRegistered'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'name' = 'Chi bộ gửi trong lúc nhập'
                """, Long.class);
        assertThat(commandPosition).as("the command appended after the import committed")
                .isGreaterThan(done.path("summary").path("lastPosition").asLong());

        double planSeconds = (planned - started) / 1e9;
        double applySeconds = (finished - planned) / 1e9;
        System.out.printf("[measure] roster import: %,d rows (%,d bytes CSV); dry run %.1f s; apply %.1f s = %,.0f rows/s "
                + "(%,d events)%n", MEMBERS + SUB_COMMITTEES, csv.length, planSeconds, applySeconds,
                (MEMBERS + SUB_COMMITTEES) / applySeconds, done.path("summary").path("eventsWritten").asInt());
    }

    /** 100 sub-committees with 10 cells each, 50 members a cell; a fixed seed, so every run imports the same. */
    static byte[] generated() {
        Random random = new Random(50_000);
        StringBuilder csv = new StringBuilder(String.join(",", SeedRoster.HEADER)).append('\n');
        for (int s = 1; s <= SUB_COMMITTEES; s++) {
            csv.append("Đảng bộ bộ phận số ").append(s).append(",Đảng bộ bộ phận,,,,,,,\n");
        }
        int card = 0;
        for (int c = 1; c <= CELLS; c++) {
            String parent = "Đảng bộ bộ phận số " + (1 + (c - 1) / (CELLS / SUB_COMMITTEES));
            for (int m = 0; m < MEMBERS / CELLS; m++) {
                card++;
                LocalDate joined = LocalDate.of(1975, 1, 1).plusDays(random.nextInt(17_000));
                csv.append("Chi bộ số ").append(c).append(",Chi bộ,").append(parent).append(',')
                        .append("Nguyễn Văn ").append(card).append(',')
                        .append("%08d".formatted(card)).append(',')
                        .append(random.nextInt(10) == 0 ? "Dự bị" : "Chính thức").append(',')
                        .append(joined.getDayOfMonth()).append('/').append(joined.getMonthValue()).append('/')
                        .append(joined.getYear()).append(",,\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
