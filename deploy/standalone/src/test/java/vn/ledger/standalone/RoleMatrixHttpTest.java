package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

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
 * is 403 whatever its body, an allowed one is anything but 401/403 (it may still break a rule of the domain).
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleMatrixHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    /** One request of an endpoint family and the roles allowed to make it. */
    private record Family(String name, String method, String path, String body, List<String> allowed) {}

    @Test
    void eachRoleMayDoExactlyWhatApiMdGivesIt() {
        Http office = LedgerTestSupport.admin(port);
        UUID cell = LedgerTestSupport.registerCell(office, "Chi bộ Ma trận");
        UUID member = LedgerTestSupport.admit(office, cell, "Nguyễn Văn Ma", java.time.LocalDate.parse("2010-01-01"));
        UUID session = LedgerTestSupport.schedule(office, cell, "2022-09-15T08:00:00+07:00");
        Map<String, Http> users = new LinkedHashMap<>();
        users.put("OFFICE", office);
        users.put("SECRETARY", LedgerTestSupport.user(office, "mt-bithu", "SECRETARY", cell));
        users.put("REVIEWER", LedgerTestSupport.user(office, "mt-btv", "REVIEWER"));
        users.put("AUDITOR", LedgerTestSupport.user(office, "mt-kiemtra", "AUDITOR"));
        String s = "/api/v1/sessions/" + session;
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
                new Family("calendar tokens", "POST", "/api/v1/calendar-tokens", "", all),
                new Family("statistics", "GET", "/api/v1/stats/units?quarter=2022-Q3", null, all),
                new Family("sessions read", "GET", s, null, all),
                new Family("history", "GET", s + "/history", null, all),
                new Family("projections", "GET", "/api/v1/admin/projections", null, all),
                new Family("audit read", "GET", "/api/v1/audit/checkpoint", null, all));
        List<String> wrong = new ArrayList<>();
        for (Family family : families) {
            for (Map.Entry<String, Http> user : users.entrySet()) {
                Answer answer = family.method().equals("GET") ? user.getValue().get(family.path())
                        : user.getValue().post(family.path(), family.body());
                boolean allowed = family.allowed().contains(user.getKey());
                boolean refused = answer.status() == 401 || answer.status() == 403;
                if (allowed == refused) {
                    wrong.add(user.getKey() + " " + family.name() + ": " + answer.status() + " " + answer.raw());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
