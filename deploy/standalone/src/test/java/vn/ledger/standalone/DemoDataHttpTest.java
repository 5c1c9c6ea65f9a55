package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ledger.command.demo.DemoData;

/** {@code LEDGER_DEMO_DATA=true} on an empty ledger tells the seed's story: Q3 2022 shows 5,300 at the tour. */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoDataHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
        registry.add("LEDGER_DEMO_DATA", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoDataYields5300PerformanceAttendancesInQ3Of2022() {
        Http office = LedgerTestSupport.admin(port);
        long events = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);

        await().atMost(Duration.ofSeconds(60)).until(() -> office.get("/api/v1/stats/quarters?from=2022-Q1&to=2022-Q4")
                .body().path("position").asLong() >= events - 1);

        JsonNode quarters = office.get("/api/v1/stats/quarters?from=2022-Q1&to=2022-Q4").body().path("quarters");
        JsonNode q3 = quarters.get(2);
        assertThat(q3.path("quarter").asString()).isEqualTo("2022-Q3");
        assertThat(q3.path("performanceAudience").asLong()).isEqualTo(DemoData.TOUR_AUDIENCE).isEqualTo(5300);
        assertThat(q3.path("performanceShowings").asLong()).isEqualTo(6);
        assertThat(q3.path("sessionsHeld").asLong()).isEqualTo(1);
        long heldIn2022 = 0;
        for (JsonNode quarter : quarters) {
            heldIn2022 += quarter.path("sessionsHeld").asLong();
        }
        assertThat(heldIn2022).isEqualTo(3);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM command_model.unit WHERE parent_unit_id IS NULL",
                Integer.class)).isEqualTo(9);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command_model.member", Integer.class))
                .isBetween(150, 170);

        JsonNode centre = null;
        for (JsonNode unit : office.get("/api/v1/stats/units?quarter=2022-Q3").body().path("units")) {
            if (unit.path("unitId").asString().equals(DemoData.CULTURE_AND_ARTS_CENTRE_CELL.toString())) {
                centre = unit;
            }
        }
        assertThat(centre).isNotNull();
        assertThat(centre.path("unitName").asString()).isEqualTo("Chi bộ Trung tâm Văn hóa Nghệ thuật");
        assertThat(centre.path("performanceAudience").asLong()).isEqualTo(5300);

        // the same table in pages: the pages together are the whole table, in its order
        JsonNode whole = office.get("/api/v1/stats/units?quarter=2022-Q3").body();
        int total = whole.path("units").size();
        assertThat(total).isGreaterThan(2);
        assertThat(whole.path("totalUnits").asInt()).isEqualTo(total);
        assertThat(whole.path("page").isNull()).isTrue();
        java.util.List<JsonNode> paged = new java.util.ArrayList<>();
        for (int page = 0; page * 2 < total + 2; page++) {
            JsonNode one = office.get("/api/v1/stats/units?quarter=2022-Q3&page=" + page + "&size=2").body();
            assertThat(one.path("page").asInt()).isEqualTo(page);
            assertThat(one.path("size").asInt()).isEqualTo(2);
            assertThat(one.path("totalUnits").asInt()).isEqualTo(total);
            assertThat(one.path("units").size()).isEqualTo(Math.max(0, Math.min(2, total - page * 2)));
            one.path("units").forEach(paged::add);
        }
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        whole.path("units").forEach(all::add);
        assertThat(paged).isEqualTo(all);
        assertThat(office.get("/api/v1/stats/units?quarter=2022-Q3&page=0").body().path("size").asInt())
                .isEqualTo(50);
        for (String bad : new String[] {"page=-1", "page=0&size=0", "page=0&size=501", "size=5", "page=x"}) {
            Http.Answer refused = office.get("/api/v1/stats/units?quarter=2022-Q3&" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
        }

        // the answers written once and kept are still described by their own schema
        JsonNode schemas = office.get("/v3/api-docs").body().path("components").path("schemas");
        assertThat(schemas.has("UnitStatsAnswer")).isTrue();
        assertThat(schemas.has("QuarterStatsAnswer")).isTrue();
        assertThat(schemas.path("PerformanceStatsAnswer").path("properties").has("pieces")).isTrue();
        assertThat(office.get("/api/v1/stats/performances?quarter=2022-Q3").raw())
                .isEqualTo(office.get("/api/v1/stats/performances?quarter=2022-Q3").raw())
                .contains("\"quarter\":\"2022-Q3\"");
        long audience = 0;
        for (JsonNode piece : office.get("/api/v1/stats/performances?quarter=2022-Q3").body().path("pieces")) {
            audience += piece.path("audience").asLong();
        }
        assertThat(audience).isEqualTo(5300);

        // rebuilt from the log, the views are the incrementally built ones, row for row
        JsonNode q3Before = office.get("/api/v1/stats/units?quarter=2022-Q3").body();
        Http.Answer rebuild = office.post("/api/v1/admin/projections/stats-v1/rebuild", "");
        assertThat(rebuild.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> office.get(rebuild.location()).body().path("state")
                .asString().equals("DONE"));
        Generations.assertSameRows(jdbc, "stats_v1_g1", "stats_v1_g2");
        assertThat(office.get("/api/v1/stats/units?quarter=2022-Q3").body()).isEqualTo(q3Before);
    }
}
