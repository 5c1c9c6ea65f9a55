package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ledger.standalone.Http.Answer;

/** Guessing passwords locks the user; bodies over the limit are 413; every denial is counted. */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void repeatedWrongPasswordsLockTheUserEvenAgainstTheRightOne() {
        Http office = LedgerTestSupport.admin(port);
        Http user = LedgerTestSupport.user(office, "kiemtra-khoa", "AUDITOR");
        assertThat(user.get("/api/v1/stats/units?quarter=2022-Q3").status()).isEqualTo(200);

        Http guesser = new Http(port).as("kiemtra-khoa", "wrong-guess");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/v1/stats/units?quarter=2022-Q3").code()).isEqualTo("unauthorized");
        }

        Answer locked = user.get("/api/v1/stats/units?quarter=2022-Q3");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("sign-in-locked");
        assertThat(office.get("/api/v1/stats/units?quarter=2022-Q3").status()).isEqualTo(200);
        assertThat(office.get("/actuator/prometheus").raw())
                .contains("ledger_security_denials_total{code=\"sign-in-locked\"")
                .contains("ledger_security_denials_total{code=\"unauthorized\"");
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutItsLength() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + LedgerTestSupport.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        byte[] big = ("{\"topic\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newHttpClient();
        URI sessions = URI.create("http://localhost:" + port + "/api/v1/sessions");

        HttpResponse<String> withLength = client.send(HttpRequest.newBuilder(sessions)
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(sessions)
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withLength.statusCode()).as(withLength.body()).isEqualTo(413);
        assertThat(withLength.body()).contains("\"code\":\"body-too-large\"");
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("body-too-large");
    }

    @Test
    void aSecretaryWritingForAnotherCellIsDeniedAndCounted() {
        Http office = LedgerTestSupport.admin(port);
        UUID cell = LedgerTestSupport.registerCell(office, "Chi bộ Văn phòng Sở");
        UUID otherCell = LedgerTestSupport.registerCell(office, "Chi bộ Thư viện tỉnh");
        Http secretary = LedgerTestSupport.user(office, "bithu-vanphong", "SECRETARY", cell);
        UUID session = LedgerTestSupport.schedule(office, otherCell, "2022-09-15T08:00:00+07:00");

        Answer denied = secretary.post("/api/v1/sessions/" + session + "/cancel", "{\"reason\": \"Thử\"}");

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("forbidden-unit");
        assertThat(office.get("/actuator/prometheus").raw())
                .contains("ledger_security_denials_total{code=\"forbidden-unit\"");
    }
}
