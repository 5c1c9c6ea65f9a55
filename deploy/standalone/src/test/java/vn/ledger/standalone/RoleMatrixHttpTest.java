package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ledger.standalone.Http.Answer;

/**
 * Every role against every endpoint family, allowed and denied, as {@code api.md} assigns them: a denied request
 * is 403 whatever its body, an allowed one is anything but 401/403 (it may still break a rule of the domain), and a
 * request without credentials is 401 everywhere.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleMatrixHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    /**
     * One request of an endpoint family and the roles allowed to make it. {@code UPLOAD} posts {@code body} as the
     * multipart file of a roster import.
     */
    private record Family(String name, String method, String path, String body, List<String> allowed) {}

    @Test
    void eachRoleMayDoExactlyWhatApiMdGivesIt() {
        Http office = LedgerTestSupport.admin(port);
        UUID cell = LedgerTestSupport.registerCell(office, "Chi bộ Ma trận");
        UUID member = LedgerTestSupport.admit(office, cell, "Nguyễn Văn Ma", java.time.LocalDate.parse("2010-01-01"));
        UUID session = LedgerTestSupport.schedule(office, cell, "2022-09-15T08:00:00+07:00");
        UUID otherCell = LedgerTestSupport.registerCell(office, "Chi bộ Ma trận khác");
        UUID otherSession = LedgerTestSupport.schedule(office, otherCell, "2022-09-16T08:00:00+07:00");
        Map<String, Http> users = new LinkedHashMap<>();
        users.put("OFFICE", office);
        users.put("SECRETARY", LedgerTestSupport.user(office, "mt-bithu", "SECRETARY", cell));
        users.put("REVIEWER", LedgerTestSupport.user(office, "mt-btv", "REVIEWER"));
        users.put("AUDITOR", LedgerTestSupport.user(office, "mt-kiemtra", "AUDITOR"));
        String s = "/api/v1/sessions/" + session;
        String other = "/api/v1/sessions/" + otherSession;
        String rosterFile = String.join(",", SeedRoster.HEADER) + "\n";
        // a secretary's denial needs the session in the view: until then every reader is told it does not exist
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(office.get(s).status()).isEqualTo(200);
            assertThat(office.get(other).status()).isEqualTo(200);
        });
        List<String> all = List.of("OFFICE", "SECRETARY", "REVIEWER", "AUDITOR");
        List<Family> families = List.of(
                new Family("users", "POST", "/api/v1/users", "{}", List.of("OFFICE")),
                new Family("units", "POST", "/api/v1/units", "{}", List.of("OFFICE")),
                new Family("unit rename", "POST", "/api/v1/units/" + cell + "/rename", "{}", List.of("OFFICE")),
                new Family("members", "POST", "/api/v1/members", "{}", List.of("OFFICE")),
                new Family("member transfer", "POST", "/api/v1/members/" + member + "/transfer", "{}",
                        List.of("OFFICE")),
                new Family("sessions", "POST", "/api/v1/sessions", "{}", List.of("OFFICE", "SECRETARY")),
                new Family("attendance", "POST", s + "/attendance", "{}", List.of("OFFICE", "SECRETARY")),
                new Family("corrections", "POST", s + "/corrections", "{}", List.of("OFFICE", "SECRETARY")),
                new Family("review", "POST", s + "/review", "{}", List.of("OFFICE", "REVIEWER")),
                new Family("commendations", "POST", "/api/v1/commendations", "{}", List.of("OFFICE", "REVIEWER")),
                new Family("audit checkpoint", "POST", "/api/v1/audit/checkpoint", "", List.of("OFFICE", "AUDITOR")),
                new Family("rebuild", "POST", "/api/v1/admin/projections/stats-v1/rebuild", "", List.of("OFFICE")),
                new Family("roster import dry run", "UPLOAD", "/api/v1/roster/imports?dryRun=true", rosterFile,
                        List.of("OFFICE")),
                new Family("roster import", "UPLOAD", "/api/v1/roster/imports", rosterFile, List.of("OFFICE")),
                new Family("roster import status", "GET", "/api/v1/roster/imports/" + UUID.randomUUID(), null,
                        List.of("OFFICE")),
                new Family("roster import template", "GET", "/api/v1/roster/import-template?format=csv", null,
                        List.of("OFFICE")),
                new Family("calendar tokens", "POST", "/api/v1/calendar-tokens", "", all),
                new Family("calendar token revoke", "DELETE", "/api/v1/calendar-tokens/" + "A".repeat(43), null,
                        all),
                new Family("statistics", "GET", "/api/v1/stats/units?quarter=2022-Q3", null, all),
                new Family("sessions read", "GET", s, null, all),
                new Family("history", "GET", s + "/history", null, all),
                new Family("attendance sheet", "GET", s + "/attendance-sheet?format=xlsx", null, all),
                new Family("expected members", "GET", s + "/expected-members?q=nguyen", null, all),
                new Family("another unit's attendance sheet", "GET", other + "/attendance-sheet", null,
                        List.of("OFFICE", "REVIEWER", "AUDITOR")),
                new Family("another unit's expected members", "GET", other + "/expected-members", null,
                        List.of("OFFICE", "REVIEWER", "AUDITOR")),
                new Family("projections", "GET", "/api/v1/admin/projections", null, all),
                new Family("audit read", "GET", "/api/v1/audit/checkpoint", null, all));
        Http anonymous = new Http(port);
        List<String> wrong = new ArrayList<>();
        for (Family family : families) {
            for (Map.Entry<String, Http> user : users.entrySet()) {
                Answer answer = send(user.getValue(), family);
                boolean allowed = family.allowed().contains(user.getKey());
                boolean refused = answer.status() == 401 || answer.status() == 403;
                if (allowed ? refused : answer.status() != 403) {
                    wrong.add(user.getKey() + " " + family.name() + ": " + answer.status() + " " + answer.raw());
                }
            }
            Answer answer = send(anonymous, family);
            if (answer.status() != 401) {
                wrong.add("anonymous " + family.name() + ": " + answer.status() + " " + answer.raw());
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Answer send(Http client, Family family) {
        return switch (family.method()) {
            case "GET" -> client.get(family.path());
            case "DELETE" -> client.delete(family.path());
            case "UPLOAD" -> client.upload(family.path(), "danh-sach.csv",
                    family.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
            default -> client.post(family.path(), family.body());
        };
    }
}
