package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.standalone.LedgerTestSupport.admit;
import static vn.ledger.standalone.LedgerTestSupport.registerCell;
import static vn.ledger.standalone.LedgerTestSupport.schedule;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ledger.standalone.Http.Answer;

/**
 * The whole domain over HTTP with a real PostgreSQL: who may write what, the record's lifecycle, and each rule's
 * own problem code.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DomainHttpTest {

    private static final String JSON = "application/json";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Http office;
    private UUID cell;
    private UUID otherCell;
    private UUID memberA;
    private UUID memberB;
    private UUID memberC;
    private Http secretary;
    private Http otherSecretary;

    @BeforeEach
    void setUp() {
        office = LedgerTestSupport.admin(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        cell = registerCell(office, "Chi bộ Trung tâm Văn hóa Nghệ thuật " + suffix);
        otherCell = registerCell(office, "Chi bộ Thư viện " + suffix);
        memberA = admit(office, cell, "Nguyễn Văn An", LocalDate.parse("2010-05-19"));
        memberB = admit(office, cell, "Trần Thị Bình", LocalDate.parse("2012-03-02"));
        memberC = admit(office, cell, "Lê Minh Cường", LocalDate.parse("2015-09-01"));
        secretary = LedgerTestSupport.user(office, "bithu-" + suffix, "SECRETARY", cell);
        otherSecretary = LedgerTestSupport.user(office, "bithu-khac-" + suffix, "SECRETARY", otherCell);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }

    @Test
    void aSecretaryRecordsAWholeSessionThatTheCommitteeReturnsAndThenAcknowledges() {
        UUID session = schedule(secretary, cell, "2022-09-15T08:00:00+07:00");
        String path = "/api/v1/sessions/" + session;

        Answer attendance = secretary.post(path + "/attendance", """
                {"defaultStatus": "PRESENT", "defaultMode": "IN_PERSON",
                 "entries": [{"memberId": "%s", "status": "ABSENT_EXCUSED", "note": "đi công tác"}]}
                """.formatted(memberC));
        assertThat(attendance.status()).as(attendance.raw()).isEqualTo(200);
        assertThat(jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb -> 'entries' FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'vn.ledger.events.AttendanceRecorded'
                """, String.class, session.toString()))
                .contains(memberA.toString(), memberB.toString(), memberC.toString(), "ABSENT_EXCUSED");
        assertThat(secretary.post(path + "/guests", """
                {"counts": {"PUBLIC": 120, "CIVIL_SERVANTS": 45, "CLUB_REPRESENTATIVES": 12}}
                """).status()).isEqualTo(200);
        Answer performance = secretary.post(path + "/performances", """
                {"title": "Nghĩa gia đình, tình làng xóm", "genre": "cải lương", "performerUnitId": "%s",
                 "venue": "Thành phố Bến Tre", "performedOn": "2022-08-20", "audience": 1200}
                """.formatted(cell));
        assertThat(performance.status()).as(performance.raw()).isEqualTo(201);
        String performanceId = performance.body().path("createdId").asString();
        assertThat(secretary.post(path + "/discussion", """
                {"contributions": 7, "summary": "Các ý kiến thống nhất"}
                """).status()).isEqualTo(200);
        assertThat(secretary.post(path + "/submit", """
                {"minutesSummary": "Biên bản sinh hoạt chuyên đề quý III"}
                """).status()).isEqualTo(200);

        assertProblem(secretary.post(path + "/guests", "{\"counts\": {\"PUBLIC\": 130}}"), 409, "record-submitted");

        Http reviewer = LedgerTestSupport.user(office, "btv-" + UUID.randomUUID().toString().substring(0, 8),
                "REVIEWER");
        assertThat(reviewer.post(path + "/review", """
                {"decision": "RETURNED", "comment": "Bổ sung khán giả suất diễn"}
                """).status()).isEqualTo(200);
        Answer correction = secretary.post(path + "/corrections", """
                {"reason": "Cộng sót một suất diễn",
                 "performances": [{"performanceId": "%s", "audience": 1250}],
                 "guests": {"PUBLIC": 130, "CIVIL_SERVANTS": 45, "CLUB_REPRESENTATIVES": 12}}
                """.formatted(performanceId));
        assertThat(correction.status()).as(correction.raw()).isEqualTo(200);
        assertThat(correction.body().path("events").findValuesAsString("type"))
                .containsExactly("GuestsCorrected", "PerformanceCorrected");
        assertThat(secretary.post(path + "/submit", "{\"minutesSummary\": \"Đã bổ sung\"}").status())
                .isEqualTo(200);
        Answer acknowledged = reviewer.post(path + "/review", "{\"decision\": \"ACKNOWLEDGED\"}");
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.etag()).isEqualTo("\"10\"");
        assertProblem(reviewer.post(path + "/review", "{\"decision\": \"RETURNED\"}"), 409,
                "record-already-reviewed");
    }

    @Test
    void everyEndpointButHealthRequiresSigningIn() {
        Http anonymous = new Http(port);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertProblem(anonymous.get("/api/v1/stats/units?quarter=2022-Q3"), 401, "unauthorized");
        assertProblem(anonymous.post("/api/v1/sessions", "{}"), 401, "unauthorized");
        assertProblem(new Http(port).as("admin", "wrong-password").get("/api/v1/stats/units?quarter=2022-Q3"), 401,
                "unauthorized");
    }

    @Test
    void rolesThatMayNotWriteAreForbidden() {
        Http auditor = LedgerTestSupport.user(office, "kt-" + UUID.randomUUID().toString().substring(0, 8),
                "AUDITOR");
        assertProblem(auditor.post("/api/v1/sessions", "{}"), 403, "forbidden-role");
        assertThat(auditor.get("/api/v1/stats/units?quarter=2022-Q3").status()).isEqualTo(200);
        assertProblem(secretary.post("/api/v1/units", "{\"name\": \"Chi bộ mới\", \"kind\": \"CELL\"}"), 403,
                "forbidden-role");
        assertProblem(secretary.post("/api/v1/users", "{}"), 403, "forbidden-role");
    }

    @Test
    void aSecretaryOfOneCellCannotWriteAnotherCellsSessionEvenWithItsId() {
        UUID session = schedule(secretary, cell, "2022-09-15T08:00:00+07:00");
        long before = eventCount();

        assertProblem(otherSecretary.post("/api/v1/sessions/" + session + "/attendance", """
                {"entries": [{"memberId": "%s", "status": "PRESENT"}]}
                """.formatted(memberA)), 403, "forbidden-unit");
        assertProblem(otherSecretary.post("/api/v1/sessions", """
                {"unitIds": ["%s"], "topic": "Chuyên đề", "scheduledAt": "2022-09-15T08:00:00+07:00",
                 "format": "IN_PERSON", "venue": "Hội trường"}
                """.formatted(cell)), 403, "forbidden-unit");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void attendanceOnlyForMembersExpectedOnTheSessionDate() {
        UUID session = schedule(secretary, cell, "2022-09-15T08:00:00+07:00");
        String path = "/api/v1/sessions/" + session + "/attendance";
        UUID elsewhere = admit(office, otherCell, "Phạm Thị Dung", LocalDate.parse("2010-01-01"));
        UUID newcomer = admit(office, cell, "Võ Văn Em", LocalDate.parse("2022-12-01"));
        assertThat(office.post("/api/v1/members/" + memberB + "/exemptions", """
                {"from": "2022-07-01", "to": "2022-12-31", "reason": "Sức khỏe"}
                """).status()).isEqualTo(201);

        assertProblem(secretary.post(path, entry(elsewhere)), 409, "member-not-in-session-units");
        assertProblem(secretary.post(path, entry(newcomer)), 409, "member-not-yet-admitted");
        assertProblem(secretary.post(path, entry(memberB)), 409, "member-exempt");
        assertProblem(secretary.post(path, entry(UUID.randomUUID())), 404, "member-not-found");
        assertThat(secretary.post(path, entry(memberA)).status()).isEqualTo(200);
    }

    @Test
    void aTransferredMemberIsExpectedInTheNewUnitFromTheTransferDate() {
        assertThat(office.post("/api/v1/members/" + memberA + "/transfer", """
                {"toUnitId": "%s", "effectiveOn": "2022-07-01"}
                """.formatted(otherCell)).status()).isEqualTo(200);
        UUID before = schedule(secretary, cell, "2022-06-15T08:00:00+07:00");
        UUID after = schedule(secretary, cell, "2022-09-15T08:00:00+07:00");

        assertThat(secretary.post("/api/v1/sessions/" + before + "/attendance", entry(memberA)).status())
                .isEqualTo(200);
        assertProblem(secretary.post("/api/v1/sessions/" + after + "/attendance", entry(memberA)), 409,
                "member-not-in-session-units");
        assertProblem(office.post("/api/v1/members/" + memberA + "/transfer", """
                {"toUnitId": "%s", "effectiveOn": "2022-08-01"}
                """.formatted(otherCell)), 409, "already-in-unit");
    }

    @Test
    void aMergedUnitsMembersMoveAndItTakesNoNewSessions() {
        Answer merged = office.post("/api/v1/units/" + cell + "/merge", """
                {"intoUnitId": "%s", "effectiveOn": "2023-01-01"}
                """.formatted(otherCell));
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);

        assertProblem(office.post("/api/v1/sessions", """
                {"unitIds": ["%s"], "topic": "Chuyên đề", "scheduledAt": "2023-03-15T08:00:00+07:00",
                 "format": "IN_PERSON", "venue": "Hội trường"}
                """.formatted(cell)), 409, "unit-merged");
        UUID inOtherCell = schedule(office, otherCell, "2023-03-15T08:00:00+07:00");
        assertThat(office.post("/api/v1/sessions/" + inOtherCell + "/attendance", entry(memberA)).status())
                .isEqualTo(200);
    }

    @Test
    void theRosterRulesAnswerWithTheirOwnCodes() {
        assertProblem(office.post("/api/v1/units", "{\"name\": \"" + jdbc.queryForObject(
                "SELECT name FROM command_model.unit WHERE unit_id = ?", String.class, cell) + "\", \"kind\": \"CELL\"}"),
                409, "unit-name-taken");
        assertProblem(office.post("/api/v1/units/" + UUID.randomUUID() + "/rename", "{\"name\": \"Chi bộ X\"}"), 404,
                "unit-not-found");
        assertProblem(office.post("/api/v1/members/" + UUID.randomUUID() + "/transfer", """
                {"toUnitId": "%s", "effectiveOn": "2022-07-01"}
                """.formatted(otherCell)), 404, "member-not-found");
        assertProblem(office.post("/api/v1/members/" + memberA + "/exemptions", """
                {"from": "2022-07-01", "to": "2022-06-01", "reason": "Sức khỏe"}
                """), 400, "invalid-period");
        assertProblem(office.post("/api/v1/users", """
                {"username": "short", "password": "123", "role": "OFFICE"}
                """), 400, "validation-failed");
        assertProblem(office.post("/api/v1/users", """
                {"username": "no-units", "password": "a-long-enough-password", "role": "SECRETARY"}
                """), 400, "units-required");
    }

    @Test
    void theSessionRulesAnswerWithTheirOwnCodes() {
        UUID session = schedule(secretary, cell, "2022-09-15T08:00:00+07:00");
        String path = "/api/v1/sessions/" + session;

        assertProblem(secretary.post(path + "/submit", "{\"minutesSummary\": \"Biên bản\"}"), 409,
                "attendance-missing");
        assertProblem(secretary.post(path + "/corrections", """
                {"reason": "Sai", "guests": {"PUBLIC": 1}}
                """), 409, "record-not-submitted");
        assertProblem(secretary.post(path + "/guests", "{\"counts\": {\"PUBLIC\": -3}}"), 400, "negative-count");
        assertProblem(secretary.post(path + "/attendance", "{\"entries\": []}"), 400, "validation-failed");
        assertThat(secretary.post(path + "/cancel", "{\"reason\": \"Bão số 4\"}").status()).isEqualTo(200);
        assertProblem(secretary.post(path + "/cancel", "{\"reason\": \"Bão số 4\"}"), 409,
                "session-already-cancelled");
        assertProblem(secretary.post(path + "/attendance", entry(memberA)), 409, "session-cancelled");
        assertProblem(secretary.post(path + "/reschedule", """
                {"scheduledAt": "2022-09-20T08:00:00+07:00", "reason": "Sau bão"}
                """), 409, "session-cancelled");
    }

    @Test
    void ifMatchMakesACommandConditionalOnTheVersion() {
        UUID session = schedule(secretary, cell, "2022-09-15T08:00:00+07:00");
        String path = "/api/v1/sessions/" + session + "/attendance";

        Answer first = secretary.post(path, JSON, entry(memberA), Map.of("If-Match", "\"0\""));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo("\"1\"");
        assertProblem(secretary.post(path, JSON, entry(memberB), Map.of("If-Match", "\"0\"")), 412,
                "version-mismatch");
        assertProblem(secretary.post(path, JSON, entry(memberB), Map.of("If-Match", "version one")), 400,
                "invalid-if-match");
        assertThat(secretary.post(path, JSON, entry(memberB), Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswersTheFirstResponseAndWritesNothingNew() {
        String key = "lan-1-" + UUID.randomUUID();
        String body = """
                {"unitIds": ["%s"], "topic": "Chuyên đề", "scheduledAt": "2022-09-15T08:00:00+07:00",
                 "format": "IN_PERSON", "venue": "Hội trường"}
                """.formatted(cell);
        Answer first = secretary.post("/api/v1/sessions", JSON, body, key);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        long after = eventCount();

        Answer again = secretary.post("/api/v1/sessions", JSON, body, key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(eventCount()).isEqualTo(after);
        assertProblem(secretary.post("/api/v1/sessions", JSON, body.replace("Chuyên đề", "Chuyên đề khác"), key), 409,
                "idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void aRejectedCommandWithAnIdempotencyKeyIsJudgedAgainOnRepeat() {
        UUID session = schedule(secretary, cell, "2022-09-15T08:00:00+07:00");
        String key = "lan-2-" + UUID.randomUUID();

        assertProblem(secretary.post("/api/v1/sessions/" + session + "/submit", JSON,
                "{\"minutesSummary\": \"Biên bản\"}", key), 409, "attendance-missing");
        assertThat(secretary.post("/api/v1/sessions/" + session + "/attendance", entry(memberA)).status())
                .isEqualTo(200);
        assertThat(secretary.post("/api/v1/sessions/" + session + "/submit", JSON,
                "{\"minutesSummary\": \"Biên bản\"}", key).status()).isEqualTo(200);
    }

    private static String entry(UUID member) {
        return "{\"entries\": [{\"memberId\": \"" + member + "\", \"status\": \"PRESENT\"}]}";
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).as(answer.raw()).isEqualTo(code);
    }
}
