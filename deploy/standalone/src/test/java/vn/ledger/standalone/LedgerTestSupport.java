package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.ledger.embedded.TestDatabases;
import vn.ledger.standalone.Http.Answer;

/** What the HTTP tests share: a fresh database, the admin's password, and a roster built through the API. */
final class LedgerTestSupport {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String USER_PASSWORD = "a-long-enough-password";

    private LedgerTestSupport() {}

    /** A fresh database on this JVM's embedded PostgreSQL, and the bootstrap admin's password. */
    static void freshLedger(DynamicPropertyRegistry registry) {
        String url = TestDatabases.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabases::user);
        registry.add("LEDGER_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        // at the end of the test JVM the embedded PostgreSQL may stop before the contexts that use it: whatever still
        // asks for a connection then gives up in 2 s instead of Hikari's 30, so the JVM exits promptly
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        // one test JVM holds many contexts on one server: small pools that keep few idle connections
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
        // bcrypt's lowest cost: every request of a test signs in, and the tests are about rules, not hashing
        registry.add("ledger.security.bcrypt-strength", () -> "4");
        // the audit signing key of each test context, outside the working tree
        registry.add("ledger.audit.key-dir", () -> KEYS.resolve(url.substring(url.lastIndexOf('/') + 1)).toString());
    }

    private static final java.nio.file.Path KEYS = createKeysDirectory();

    private static java.nio.file.Path createKeysDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("ledger-test-keys");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Http admin(int port) {
        return new Http(port).as("admin", ADMIN_PASSWORD);
    }

    static UUID registerCell(Http office, String name) {
        Answer answer = office.post("/api/v1/units", """
                {"name": "%s", "kind": "CELL"}
                """.formatted(name));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return UUID.fromString(answer.body().path("id").asString());
    }

    static UUID admit(Http office, UUID unitId, String fullName, LocalDate joinedOn) {
        Answer answer = office.post("/api/v1/members", """
                {"fullName": "%s", "unitId": "%s", "status": "OFFICIAL", "joinedOn": "%s"}
                """.formatted(fullName, unitId, joinedOn));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return UUID.fromString(answer.body().path("id").asString());
    }

    /** Creates a user and answers a client signed in as them. */
    static Http user(Http office, String username, String role, UUID... unitIds) {
        StringBuilder units = new StringBuilder();
        for (UUID unitId : unitIds) {
            units.append(units.isEmpty() ? "" : ",").append('"').append(unitId).append('"');
        }
        Answer answer = office.post("/api/v1/users", """
                {"username": "%s", "password": "%s", "role": "%s", "unitIds": [%s]}
                """.formatted(username, USER_PASSWORD, role, units));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return office.as(username, USER_PASSWORD);
    }

    static UUID schedule(Http client, UUID unitId, String scheduledAt) {
        Answer answer = client.post("/api/v1/sessions", """
                {"unitIds": ["%s"], "topic": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                 "scheduledAt": "%s", "format": "IN_PERSON", "venue": "Hội trường Sở",
                 "basisDocuments": ["Kết luận số 01-KL/TW"]}
                """.formatted(unitId, scheduledAt));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return UUID.fromString(answer.body().path("id").asString());
    }
}
