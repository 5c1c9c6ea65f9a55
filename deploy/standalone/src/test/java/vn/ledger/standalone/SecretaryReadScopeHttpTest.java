package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ledger.standalone.LedgerTestSupport.admit;
import static vn.ledger.standalone.LedgerTestSupport.registerCell;
import static vn.ledger.standalone.LedgerTestSupport.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ledger.standalone.Http.Answer;

/**
 * A {@code SECRETARY} reads only the records of the units assigned to them ({@code api.md}, Authentication): the
 * session list, a session and its history, the per-unit statistics and a member's participation; the
 * committee-wide totals stay readable. Reviewers and auditors read all.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecretaryReadScopeHttpTest {

    private static final String QUARTER = "2022-Q3";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aSecretaryReadsOnlyTheRecordsOfTheirOwnUnitsWhileAnAuditorReadsAll() {
        Http office = LedgerTestSupport.admin(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID mine = registerCell(office, "Chi bộ Nhà hát " + suffix);
        UUID other = registerCell(office, "Chi bộ Bảo tàng " + suffix);
        UUID myMember = admit(office, mine, "Phạm Thị Hoa", LocalDate.parse("2011-04-01"));
        UUID otherMember = admit(office, other, "Đỗ Văn Hùng", LocalDate.parse("2013-06-15"));
        Http secretary = LedgerTestSupport.user(office, "bithu-pham-vi-" + suffix, "SECRETARY", mine);
        Http auditor = LedgerTestSupport.user(office, "kiemtra-pham-vi-" + suffix, "AUDITOR");
        Http reviewer = LedgerTestSupport.user(office, "btv-pham-vi-" + suffix, "REVIEWER");

        UUID mySession = schedule(secretary, mine, "2022-08-10T08:00:00+07:00");
        UUID otherSession = schedule(office, other, "2022-08-12T08:00:00+07:00");
        Answer joint = office.post("/api/v1/sessions", """
                {"unitIds": ["%s", "%s"], "topic": "Sinh hoạt chuyên đề liên chi bộ",
                 "scheduledAt": "2022-09-20T08:00:00+07:00", "format": "IN_PERSON", "venue": "Hội trường Sở",
                 "basisDocuments": ["Kết luận số 01-KL/TW"]}
                """.formatted(other, mine));
        assertThat(joint.status()).as(joint.raw()).isEqualTo(201);
        UUID jointSession = UUID.fromString(joint.body().path("id").asString());

        String list = "/api/v1/sessions?quarter=" + QUARTER + "&size=200";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(auditor.get(list)))
                .contains(mySession, otherSession, jointSession));

        // the list: only the sessions that involve their unit, the joint one included
        Answer secretaryList = secretary.get(list);
        assertThat(secretaryList.status()).as(secretaryList.raw()).isEqualTo(200);
        assertThat(ids(secretaryList)).containsExactlyInAnyOrder(mySession, jointSession);
        assertThat(secretaryList.body().path("total").asLong(-1)).isEqualTo(2);
        assertThat(ids(secretary.get(list + "&unitId=" + mine))).containsExactlyInAnyOrder(mySession, jointSession);
        assertForbiddenUnit(secretary.get(list + "&unitId=" + other));
        assertForbiddenUnit(secretary.get("/api/v1/sessions?unitId=" + other));

        // a session and its history
        assertThat(secretary.get("/api/v1/sessions/" + mySession).status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/sessions/" + jointSession).status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/sessions/" + mySession + "/history").status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/sessions/" + jointSession + "/history").status()).isEqualTo(200);
        assertForbiddenUnit(secretary.get("/api/v1/sessions/" + otherSession));
        assertForbiddenUnit(secretary.get("/api/v1/sessions/" + otherSession + "/history"));
        UUID unknown = UUID.randomUUID();
        assertThat(secretary.get("/api/v1/sessions/" + unknown).status()).isEqualTo(404);
        assertThat(secretary.get("/api/v1/sessions/" + unknown + "/history").status()).isEqualTo(404);

        // the per-unit statistics: only their unit's row
        String units = "/api/v1/stats/units?quarter=" + QUARTER;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unitIds(auditor.get(units)))
                .containsExactlyInAnyOrder(mine, other));
        Answer secretaryUnits = secretary.get(units);
        assertThat(secretaryUnits.status()).as(secretaryUnits.raw()).isEqualTo(200);
        assertThat(unitIds(secretaryUnits)).containsExactly(mine);

        // the committee-wide totals name no member: readable
        assertThat(secretary.get("/api/v1/stats/quarters?from=2022-Q1&to=2022-Q4").status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/stats/performances?quarter=" + QUARTER).status()).isEqualTo(200);

        // a member's participation: only the sessions of their units
        for (UUID member : List.of(myMember, otherMember)) {
            Answer participation = secretary.get("/api/v1/members/" + member + "/participation?year=2022");
            assertThat(participation.status()).as(participation.raw()).isEqualTo(200);
            for (JsonNode session : participation.body().path("participation").path("sessions")) {
                assertThat(session.path("unitId").asString()).isEqualTo(mine.toString());
            }
        }

        // an auditor and a reviewer read all
        for (Http readsAll : List.of(auditor, reviewer)) {
            assertThat(ids(readsAll.get(list))).containsExactlyInAnyOrder(mySession, otherSession, jointSession);
            assertThat(readsAll.get(list + "&unitId=" + other).status()).isEqualTo(200);
            assertThat(readsAll.get("/api/v1/sessions/" + otherSession).status()).isEqualTo(200);
            assertThat(readsAll.get("/api/v1/sessions/" + otherSession + "/history").status()).isEqualTo(200);
            assertThat(unitIds(readsAll.get(units))).containsExactlyInAnyOrder(mine, other);
        }
        assertThat(ids(office.get(list))).containsExactlyInAnyOrder(mySession, otherSession, jointSession);

        // every refusal of a read is counted with the writes' denials
        assertThat(office.get("/actuator/prometheus").raw())
                .containsPattern("ledger_security_denials_total\\{code=\"forbidden-unit\"[^}]*} [1-9]");
    }

    private static void assertForbiddenUnit(Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("forbidden-unit");
    }

    private static List<UUID> ids(Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<UUID> ids = new ArrayList<>();
        answer.body().path("items").forEach(item -> ids.add(UUID.fromString(item.path("id").asString())));
        return ids;
    }

    private static List<UUID> unitIds(Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<UUID> ids = new ArrayList<>();
        answer.body().path("units").forEach(unit -> ids.add(UUID.fromString(unit.path("unitId").asString())));
        return ids;
    }
}
