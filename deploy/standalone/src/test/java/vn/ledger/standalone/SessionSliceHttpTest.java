package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ledger.standalone.Http.Answer;

/**
 * The first slice end to end, over a real socket and a real PostgreSQL: commands become events, events become
 * statistics, and bad input becomes a problem with a stable code, never a 500.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionSliceHttpTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Http http;
    private UUID unit;

    @BeforeEach
    void setUp() {
        http = LedgerTestSupport.admin(port);
        unit = LedgerTestSupport.registerCell(http, "Chi bộ " + UUID.randomUUID());
    }

    private String scheduleBody(UUID sessionId, String scheduledAt) {
        return """
                {"unitIds": ["%s"], "topic": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                 "scheduledAt": "%s", "format": "IN_PERSON", "venue": "Hội trường Sở",
                 "basisDocuments": ["Kết luận số 01-KL/TW"], "sessionId": %s}
                """.formatted(unit, scheduledAt, sessionId == null ? "null" : "\"" + sessionId + "\"");
    }

    private UUID schedule(String scheduledAt) {
        Answer answer = http.post("/api/v1/sessions", scheduleBody(null, scheduledAt));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return UUID.fromString(answer.body().path("id").asString());
    }

    private String showing(String venue, String on, int audience) {
        return """
                {"title": "Nghĩa gia đình, tình làng xóm", "genre": "cải lương", "performerUnitId": "%s",
                 "venue": "%s", "performedOn": "%s", "audience": %d}
                """.formatted(unit, venue, on, audience);
    }

    @Test
    void aPerformanceTourOf1200And4100ShowsAs5300InItsQuarter() {
        Answer scheduled = http.post("/api/v1/sessions", scheduleBody(null, "2022-09-15T08:00:00+07:00"));
        assertThat(scheduled.status()).isEqualTo(201);
        assertThat(scheduled.etag()).isEqualTo("\"0\"");
        String sessionId = scheduled.body().path("id").asString();
        assertThat(scheduled.location()).isEqualTo("/api/v1/sessions/" + sessionId);
        assertThat(scheduled.body().path("events").path(0).path("type").asString()).isEqualTo("SessionScheduled");

        Answer first = http.post("/api/v1/sessions/" + sessionId + "/performances",
                showing("Thành phố Bến Tre", "2022-08-20", 1200));
        Answer second = http.post("/api/v1/sessions/" + sessionId + "/performances",
                showing("Huyện Châu Thành", "2022-09-10", 4100));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.etag()).isEqualTo("\"2\"");

        UUID memberA = LedgerTestSupport.admit(http, unit, "Nguyễn Văn An", java.time.LocalDate.parse("2010-01-01"));
        UUID memberB = LedgerTestSupport.admit(http, unit, "Trần Thị Bình", java.time.LocalDate.parse("2012-01-01"));
        Answer attendance = http.post("/api/v1/sessions/" + sessionId + "/attendance", """
                {"entries": [{"memberId": "%s", "status": "PRESENT", "mode": "ONLINE"},
                             {"memberId": "%s", "status": "ABSENT_EXCUSED", "note": "công tác"}]}
                """.formatted(memberA, memberB));
        assertThat(attendance.status()).as(attendance.raw()).isEqualTo(200);
        assertThat(attendance.body().path("version").asLong()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.get("/api/v1/stats/units?quarter=2022-Q3").body().path("units").path(0).path("membersExpected")
                        .asLong()).isEqualTo(2));
        JsonNode units = http.get("/api/v1/stats/units?quarter=2022-Q3").body();
        assertThat(units.path("position").asLong()).isPositive();
        JsonNode cell = units.path("units").path(0);
        assertThat(cell.path("unitId").asString()).isEqualTo(unit.toString());
        assertThat(cell.path("sessionsPlanned").asLong()).isEqualTo(1);
        assertThat(cell.path("sessionsHeld").asLong()).isEqualTo(1);
        assertThat(cell.path("membersPresent").asLong()).isEqualTo(1);
        assertThat(cell.path("attendanceRate").asDouble()).isEqualTo(0.5);
        assertThat(cell.path("performanceShowings").asLong()).isEqualTo(2);
        assertThat(cell.path("performanceAudience").asLong()).isEqualTo(5300);

        JsonNode quarter = http.get("/api/v1/stats/quarters?from=2022-Q3&to=2022-Q3").body().path("quarters").path(0);
        assertThat(quarter.path("quarter").asString()).isEqualTo("2022-Q3");
        assertThat(quarter.path("performanceAudience").asLong()).isGreaterThanOrEqualTo(5300);
    }

    @Test
    void everyEventSaysWhoRecordedItWhenAndFromWhichRequest() throws Exception {
        String key = "request-" + UUID.randomUUID();
        Answer answer = http.post("/api/v1/sessions", "application/json", scheduleBody(null, "2022-03-01T08:00:00+07:00"),
                key);
        assertThat(answer.status()).isEqualTo(201);

        String metadata = jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ?
                """, String.class, answer.body().path("id").asString());
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JsonMapper.builder().build().readValue(metadata, Map.class);
        assertThat(values).containsEntry("requestId", key)
                .containsEntry("userId", "admin")
                .containsEntry("role", "OFFICE")
                .containsEntry("unitId", unit.toString())
                .containsKeys("recordedAt", "correlationId", "role");
    }

    @Test
    void theEventLogRejectsAnUpdateOrDeleteOfAnEvent() {
        schedule("2022-05-01T08:00:00+07:00");

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.update("UPDATE event_store.domain_event_entry SET payload_type = 'x'"))
                .rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.update("DELETE FROM event_store.domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void theOpenApiDocumentDescribesEveryCommandAndQueryPath() {
        JsonNode paths = http.get("/v3/api-docs").body().path("paths");

        assertThat(paths.propertyNames()).contains(
                "/api/v1/users", "/api/v1/units", "/api/v1/units/{unitId}/rename", "/api/v1/units/{unitId}/merge",
                "/api/v1/members", "/api/v1/members/{memberId}/transfer", "/api/v1/members/{memberId}/exemptions",
                "/api/v1/sessions", "/api/v1/sessions/{sessionId}/reschedule", "/api/v1/sessions/{sessionId}/cancel",
                "/api/v1/sessions/{sessionId}/attendance", "/api/v1/sessions/{sessionId}/guests",
                "/api/v1/sessions/{sessionId}/performances", "/api/v1/sessions/{sessionId}/discussion",
                "/api/v1/sessions/{sessionId}/submit", "/api/v1/sessions/{sessionId}/corrections",
                "/api/v1/sessions/{sessionId}/review", "/api/v1/commendations", "/api/v1/stats/units",
                "/api/v1/stats/quarters", "/api/v1/roster/imports", "/api/v1/roster/imports/{importId}",
                "/api/v1/roster/import-template");

        JsonNode imports = paths.path("/api/v1/roster/imports").path("post");
        JsonNode form = imports.path("requestBody").path("content").path("multipart/form-data").path("schema");
        assertThat(form.path("properties").path("file").path("format").asString()).as(imports.toString())
                .isEqualTo("binary");
        assertThat(form.path("required").toString()).contains("file");
        JsonNode responses = imports.path("responses");
        assertThat(responses.path("200").path("content").path("application/json").path("examples").propertyNames())
                .contains("plan", "plan-with-errors");
        assertThat(responses.path("200").toString()).contains("membersToTransfer", "name-differs");
        assertThat(responses.path("202").path("content").path("application/json").toString()).contains("QUEUED");
        assertThat(responses.path("400").path("content").path("application/problem+json").toString())
                .contains("import-rows-invalid", "duplicate-card", "not-utf8");
        assertThat(responses.path("413").path("content").path("application/problem+json").toString())
                .contains("file-too-large", "too-many-rows");
        JsonNode status = paths.path("/api/v1/roster/imports/{importId}").path("get").path("responses");
        assertThat(status.path("200").path("content").path("application/json").toString())
                .contains("SUCCEEDED", "lastPosition", "FAILED");
        assertThat(status.path("404").toString()).contains("import-not-found");
        JsonNode template = paths.path("/api/v1/roster/import-template").path("get");
        assertThat(template.path("responses").path("200").path("content").has(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isTrue();
        assertThat(template.path("responses").path("400").toString()).contains("invalid-parameter");
        assertThat(template.path("parameters").toString()).contains("csv");
    }

    @Test
    void malformedJsonIsA400Problem() {
        Answer answer = http.post("/api/v1/sessions", "{\"unitIds\": [");

        assertProblem(answer, 400, "malformed-json");
    }

    @Test
    void missingFieldsAreA400ProblemNamingEachField() {
        Answer answer = http.post("/api/v1/sessions", "{}");

        assertProblem(answer, 400, "validation-failed");
        assertThat(answer.body().path("errors").findValuesAsString("field"))
                .contains("topic", "scheduledAt", "format");
    }

    @Test
    void anUnknownFormatIsA400ProblemNamingTheField() {
        Answer answer = http.post("/api/v1/sessions", scheduleBody(null, "2022-09-15T08:00:00+07:00")
                .replace("IN_PERSON", "BY_PIGEON"));

        assertProblem(answer, 400, "invalid-field");
        assertThat(answer.body().path("errors").path(0).path("field").asString()).isEqualTo("format");
    }

    @Test
    void aDateTimeWithoutOffsetIsA400Problem() {
        Answer answer = http.post("/api/v1/sessions", scheduleBody(null, "2022-09-15T08:00:00"));

        assertProblem(answer, 400, "invalid-field");
    }

    @Test
    void anInPersonSessionWithoutVenueIsA400Problem() {
        Answer answer = http.post("/api/v1/sessions", scheduleBody(null, "2022-09-15T08:00:00+07:00")
                .replace("\"Hội trường Sở\"", "null"));

        assertProblem(answer, 400, "venue-required");
    }

    @Test
    void schedulingAnExistingSessionIdIsA409Problem() {
        UUID sessionId = UUID.randomUUID();
        assertThat(http.post("/api/v1/sessions", scheduleBody(sessionId, "2022-09-15T08:00:00+07:00")).status())
                .isEqualTo(201);

        Answer again = http.post("/api/v1/sessions", scheduleBody(sessionId, "2022-10-15T08:00:00+07:00"));

        assertProblem(again, 409, "session-already-exists");
    }

    @Test
    void anUnknownSessionIsA404Problem() {
        Answer answer = http.post("/api/v1/sessions/" + UUID.randomUUID() + "/performances",
                showing("Thành phố Bến Tre", "2022-08-20", 10));

        assertProblem(answer, 404, "session-not-found");
    }

    @Test
    void aSessionIdThatIsNoUuidIsA400Problem() {
        Answer answer = http.post("/api/v1/sessions/not-a-uuid/attendance",
                "{\"entries\": [{\"memberId\": \"" + UUID.randomUUID() + "\", \"status\": \"PRESENT\"}]}");

        assertProblem(answer, 400, "invalid-parameter");
    }

    @Test
    void aNegativeAudienceIsA400Problem() {
        UUID sessionId = schedule("2022-09-15T08:00:00+07:00");

        Answer answer = http.post("/api/v1/sessions/" + sessionId + "/performances",
                showing("Thành phố Bến Tre", "2022-08-20", -5));

        assertProblem(answer, 400, "negative-count");
    }

    @Test
    void aMemberListedTwiceIsA400Problem() {
        UUID sessionId = schedule("2022-09-15T08:00:00+07:00");
        UUID member = LedgerTestSupport.admit(http, unit, "Lê Văn Cường", java.time.LocalDate.parse("2010-01-01"));

        Answer answer = http.post("/api/v1/sessions/" + sessionId + "/attendance", """
                {"entries": [{"memberId": "%s", "status": "PRESENT"}, {"memberId": "%s", "status": "ABSENT_UNEXCUSED"}]}
                """.formatted(member, member));

        assertProblem(answer, 400, "duplicate-member");
        assertThat(answer.body().path("errors").path(0).path("field").asString()).isEqualTo("entries");
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        Answer answer = http.post("/api/v1/sessions", "text/plain", "schedule a session please", (String) null);

        assertProblem(answer, 415, "unsupported-media-type");
    }

    @Test
    void aQuarterThatIsNoQuarterIsA400Problem() {
        assertProblem(http.get("/api/v1/stats/units?quarter=2022Q3"), 400, "invalid-quarter");
        assertProblem(http.get("/api/v1/stats/units"), 400, "missing-parameter");
        assertProblem(http.get("/api/v1/stats/quarters?from=2022-Q4&to=2022-Q1"), 400, "invalid-range");
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        assertThat(answer.code()).as(answer.raw()).isEqualTo(code);
        assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
