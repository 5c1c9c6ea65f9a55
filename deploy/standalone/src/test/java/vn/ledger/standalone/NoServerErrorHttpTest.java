package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ledger.standalone.Http.Answer;

/**
 * Nothing a user sends produces a server error: every command path with malformed, empty, mistyped, out-of-range
 * and unknown-id bodies, as JSON and as text, and the queries with bad parameters, answer 4xx problems.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoServerErrorHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void noBodyOrParameterAUserCanSendGivesA5xx() {
        Http office = LedgerTestSupport.admin(port);
        UUID cell = LedgerTestSupport.registerCell(office, "Chi bộ Kiểm thử");
        UUID session = LedgerTestSupport.schedule(office, cell, "2022-09-15T08:00:00+07:00");
        String s = "/api/v1/sessions/" + session;
        List<String> paths = List.of("/api/v1/users", "/api/v1/units", "/api/v1/units/" + cell + "/rename",
                "/api/v1/units/" + cell + "/merge", "/api/v1/members", "/api/v1/members/" + UUID.randomUUID()
                        + "/transfer", "/api/v1/members/" + UUID.randomUUID() + "/exemptions", "/api/v1/sessions",
                s + "/reschedule", s + "/cancel", s + "/attendance", s + "/guests", s + "/performances",
                s + "/discussion", s + "/submit", s + "/corrections", s + "/review", "/api/v1/commendations",
                "/api/v1/sessions/not-a-uuid/cancel", "/api/v1/audit/checkpoint");
        List<String> bodies = List.of("", "null", "[]", "{}", "{", "\"x\"", "{\"name\": 5, \"kind\": \"BOGUS\"}",
                "{\"unitIds\": [\"nope\"]}", "{\"entries\": [{\"memberId\": null, \"status\": \"PRESENT\"}]}",
                "{\"counts\": {\"ALIENS\": 3}}", "{\"counts\": {\"PUBLIC\": 99999999999}}",
                "{\"decision\": \"MAYBE\"}", "{\"reason\": \"x\", \"performances\": [{\"performanceId\": \""
                        + UUID.randomUUID() + "\", \"audience\": 1}]}",
                "{\"toUnitId\": \"" + cell + "\", \"effectiveOn\": \"1800-01-01\"}",
                "{\"scheduledAt\": \"99999-01-01T00:00:00Z\", \"reason\": \"r\"}", "{\"defaultStatus\": \"PRESENT\"}",
                "{\"intoUnitId\": \"" + cell + "\", \"effectiveOn\": \"2022-01-01\"}",
                "{\"unitId\": \"" + cell + "\", \"kind\": \"PRAISE\", \"reason\": \"r\"}");
        List<String> serverErrors = new ArrayList<>();
        for (String path : paths) {
            for (String body : bodies) {
                for (String type : List.of("application/json", "text/plain")) {
                    Answer answer = office.post(path, type, body, (String) null);
                    if (answer.status() >= 500) {
                        serverErrors.add(answer.status() + " POST " + path + " " + type + " " + body);
                    } else {
                        assertThat(answer.contentType()).as("POST %s %s", path, body).isNotNull();
                    }
                }
            }
        }
        for (String query : List.of("/api/v1/stats/units?quarter=2022-Q9", "/api/v1/stats/units?quarter=2022-Q3&position=-1",
                "/api/v1/stats/units?quarter=2022-Q3&position=99999999999999999999",
                "/api/v1/stats/units?quarter=2022-Q3&asOf=yesterday", "/api/v1/stats/quarters?from=2022-Q1&to=2099-Q4",
                "/api/v1/members/" + UUID.randomUUID() + "/participation?year=abc", "/api/v1/sessions?size=1000",
                "/api/v1/sessions?status=WHAT", "/api/v1/sessions/" + UUID.randomUUID() + "/history",
                "/api/v1/sessions/x/history", "/api/v1/admin/projections/stats-v1/rebuilds/nope",
                "/api/v1/audit/proof/inclusion?eventId=nope", "/api/v1/audit/proof/consistency?from=a&to=b",
                "/api/v1/audit/export?treeSize=999999")) {
            Answer answer = office.get(query);
            if (answer.status() >= 500) {
                serverErrors.add(answer.status() + " GET " + query);
            }
        }
        assertThat(serverErrors).isEmpty();
    }
}
