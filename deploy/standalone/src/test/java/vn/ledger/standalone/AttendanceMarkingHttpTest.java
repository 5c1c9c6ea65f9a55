package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * A session day end to end: a 25-member cell loaded from a roster file, then "everyone present" and three
 * exceptions as one AttendanceRecorded, which the statistics count right.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttendanceMarkingHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void allPresentPlusThreeExceptionsYieldsTheRightCounts() {
        Http office = LedgerTestSupport.admin(port);
        StringBuilder csv = new StringBuilder(String.join(",", SeedRoster.HEADER)).append('\n');
        for (int i = 1; i <= 25; i++) {
            csv.append("Chi bộ Nhà hát Cải lương,Chi bộ,,Đảng viên số ").append(i).append(",66.").append(1000 + i)
                    .append(",Chính thức,15/03/2012,,\n");
        }
        Answer accepted = office.upload(RosterImportHttpTest.IMPORTS, "chi-bo.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        String status = RosterImportHttpTest.IMPORTS + "/" + accepted.body().path("importId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> office.get(status).body().path("state").asString(),
                "SUCCEEDED"::equals);
        UUID cell = jdbc.queryForObject("SELECT unit_id FROM command_model.unit WHERE name = 'Chi bộ Nhà hát Cải lương'",
                UUID.class);
        List<UUID> members = jdbc.queryForList("""
                SELECT member_id FROM command_model.member WHERE card_number LIKE '66.%' ORDER BY card_number
                """, UUID.class);
        assertThat(members).hasSize(25);
        Http secretary = LedgerTestSupport.user(office, "bithu-cai-luong", "SECRETARY", cell);
        UUID session = LedgerTestSupport.schedule(secretary, cell, "2022-08-12T19:30:00+07:00");

        Answer recorded = secretary.post("/api/v1/sessions/" + session + "/attendance", """
                {"defaultStatus": "PRESENT", "defaultMode": "IN_PERSON",
                 "entries": [{"memberId": "%s", "status": "ABSENT_EXCUSED", "note": "ốm"},
                             {"memberId": "%s", "status": "ABSENT_UNEXCUSED"},
                             {"memberId": "%s", "status": "PRESENT", "mode": "ONLINE"}]}
                """.formatted(members.get(0), members.get(1), members.get(2)));

        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        assertThat(recorded.body().path("events")).hasSize(1);
        assertThat(recorded.body().path("events").get(0).path("type").asString()).isEqualTo("AttendanceRecorded");
        long position = recorded.body().path("events").get(0).path("position").asLong();
        JsonNode stats = office.get("/api/v1/stats/units?quarter=2022-Q3&position=" + position).body();
        JsonNode row = null;
        for (JsonNode unit : stats.path("units")) {
            if (unit.path("unitId").asString().equals(cell.toString())) {
                row = unit;
            }
        }
        assertThat(row).as(stats.toString()).isNotNull();
        assertThat(row.path("membersExpected").asInt()).isEqualTo(25);
        assertThat(row.path("membersPresent").asInt()).isEqualTo(23);
        assertThat(row.path("attendanceRate").asDouble()).isEqualTo(0.92);
        JsonNode excused = office.get("/api/v1/members/" + members.get(0) + "/participation?year=2022&position="
                + position).body().path("participation");
        assertThat(excused.path("expected").asInt()).as(excused.toString()).isEqualTo(1);
        assertThat(excused.path("excused").asInt()).isEqualTo(1);
        assertThat(excused.path("attended").asInt()).isZero();
    }
}
