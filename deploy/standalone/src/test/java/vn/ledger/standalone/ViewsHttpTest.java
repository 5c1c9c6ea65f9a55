package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ledger.standalone.LedgerTestSupport.registerCell;
import static vn.ledger.standalone.LedgerTestSupport.schedule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ledger.standalone.Http.Answer;

/**
 * The views as the committee reads them, over HTTP on the real event store: read-your-writes with the position a
 * command returned, statistics as of an earlier instant, and rebuilds on demand (the first test of the class runs
 * on an empty log).
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViewsHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theViewsAnswerTheirOwnWritesAsOfEarlierInstantsAndRebuildWithoutChangingANumber() {
        Http office = LedgerTestSupport.admin(port);

        Answer emptyRebuild = office.post("/api/v1/admin/projections/stats-v1/rebuild", "");
        assertThat(emptyRebuild.status()).as(emptyRebuild.raw()).isEqualTo(202);
        String emptyStatus = emptyRebuild.location();
        await().atMost(Duration.ofSeconds(60)).until(() -> office.get(emptyStatus).body().path("state").asString()
                .equals("DONE"));

        UUID cell = registerCell(office, "Chi bộ Trung tâm Văn hóa Nghệ thuật");
        UUID session = schedule(office, cell, "2022-09-15T08:00:00+07:00");
        Answer first = office.post("/api/v1/sessions/" + session + "/performances", showing(cell, 1200));
        long firstPosition = first.body().path("events").path(0).path("position").asLong();
        assertThat(firstPosition).isPositive();

        // read-your-writes: no polling, the query waits for the view to reach the command's position
        JsonNode mine = office.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3&position=" + firstPosition).body();
        assertThat(mine.path("position").asLong()).isEqualTo(firstPosition);
        assertThat(mine.path("quarters").path(0).path("performanceAudience").asLong()).isEqualTo(1200);

        Instant approved = Instant.now();
        Answer second = office.post("/api/v1/sessions/" + session + "/performances", showing(cell, 4100));
        long secondPosition = second.body().path("events").path(0).path("position").asLong();
        assertThat(office.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3&position=" + secondPosition).body()
                .path("quarters").path(0).path("performanceAudience").asLong()).isEqualTo(5300);

        // what the committee saw when it approved the report
        JsonNode then = office.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3&asOf="
                + URLEncoder.encode(approved.toString(), StandardCharsets.UTF_8)).body();
        assertThat(then.path("position").asLong()).isEqualTo(firstPosition);
        assertThat(then.path("quarters").path(0).path("performanceAudience").asLong()).isEqualTo(1200);

        Http secretary = LedgerTestSupport.user(office, "bithu-views", "SECRETARY", cell);
        assertThat(secretary.post("/api/v1/admin/projections/stats-v1/rebuild", "").status()).isEqualTo(403);
        Answer rebuild = office.post("/api/v1/admin/projections/stats-v1/rebuild", "");
        assertThat(rebuild.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> office.get(rebuild.location()).body().path("state")
                .asString().equals("DONE"));
        assertThat(office.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3&asOf="
                + URLEncoder.encode(approved.toString(), StandardCharsets.UTF_8)).body()).isEqualTo(then);
        JsonNode projections = office.get("/api/v1/admin/projections").body();
        assertThat(projections.findValuesAsString("name")).contains("stats-v1");
        assertThat(office.get("/actuator/prometheus").raw()).contains("ledger_projection_lag_events");
    }

    private static String showing(UUID cell, int audience) {
        return """
                {"title": "Nghĩa gia đình, tình làng xóm", "genre": "cải lương", "performerUnitId": "%s",
                 "venue": "Thành phố Cao Lãnh", "performedOn": "2022-08-20", "audience": %d}
                """.formatted(cell, audience);
    }
}
