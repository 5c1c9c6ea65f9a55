package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration;

/**
 * With an issuer configured, OIDC bearer JWTs sign in besides HTTP Basic: signed by the issuer's key (served as a JWK
 * set by a real HTTP server on loopback), from that issuer, not expired, and with a ledger role; roles and units come
 * from the claims and end up in the events' metadata and the aggregates' unit checks.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcHttpTest {

    private static final String KEY_ID = "ledger-test-key";
    private static final RSAKey ISSUER_KEY = rsaKey();
    private static final RSAKey OTHER_KEY = rsaKey();
    private static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();
    private static final HttpServer JWKS = jwksServer();
    private static final String ISSUER = "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/realms/ledger";
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
        registry.add("ledger.oidc.issuer", () -> ISSUER);
        registry.add("ledger.oidc.jwk-set-uri", () -> ISSUER + "/protocol/openid-connect/certs");
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http office;
    UUID cell;
    UUID otherCell;
    String suffix;

    @BeforeEach
    void roster() {
        office = LedgerTestSupport.admin(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        cell = LedgerTestSupport.registerCell(office, "Chi bộ Bảo tàng tỉnh " + suffix);
        otherCell = LedgerTestSupport.registerCell(office, "Chi bộ Nhà hát " + suffix);
    }

    @Test
    void aSecretarysTokenSchedulesForTheirCellAndTheEventSaysWhoRecordedIt() {
        String username = "bithu-oidc-" + suffix;
        String token = sign(ISSUER_KEY, claims(username, "SECRETARY", cell).build());

        HttpResponse<String> scheduled = post(token, "/api/v1/sessions", session(cell));

        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        String id = scheduled.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String metadata = jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'vn.ledger.events.SessionScheduled'
                """, String.class, id);
        assertThat(metadata).contains("\"userId\":\"" + username + "\"", "\"role\":\"SECRETARY\"");
        assertThat(JWKS_REQUESTS.get()).isPositive();
    }

    @Test
    void aSecretarysTokenIsDeniedAnotherCellsSession() {
        String token = sign(ISSUER_KEY, claims("bithu-oidc-" + suffix, "SECRETARY", cell).build());
        UUID othersSession = LedgerTestSupport.schedule(office, otherCell, "2022-09-16T08:00:00+07:00");

        HttpResponse<String> denied = post(token, "/api/v1/sessions/" + othersSession + "/cancel",
                "{\"reason\": \"Thử\"}");
        HttpResponse<String> scheduleForOther = post(token, "/api/v1/sessions", session(otherCell));

        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);
        assertThat(denied.body()).contains("\"code\":\"forbidden-unit\"");
        assertThat(scheduleForOther.statusCode()).as(scheduleForOther.body()).isEqualTo(403);
        assertThat(scheduleForOther.body()).contains("\"code\":\"forbidden-unit\"");
    }

    @Test
    void anAuditorsTokenReadsAndWritesNothing() {
        String token = sign(ISSUER_KEY, claims("kiemtra-oidc-" + suffix, "AUDITOR").build());

        HttpResponse<String> stats = get(token, "/api/v1/stats/units?quarter=2022-Q3");
        HttpResponse<String> write = post(token, "/api/v1/sessions", session(cell));

        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
        assertThat(write.body()).contains("\"code\":\"forbidden-role\"");
    }

    @Test
    void tokensNotSignedByTheIssuerExpiredFromAnotherIssuerOrWithoutARoleAre401AndCounted() {
        String user = "bithu-oidc-" + suffix;
        double deniedBefore = unauthorizedDenials();
        Instant now = Instant.now();

        assertInvalidToken(get(sign(OTHER_KEY, claims(user, "SECRETARY", cell).build()), "/api/v1/sessions"));
        assertInvalidToken(get(sign(ISSUER_KEY, claims(user, "SECRETARY", cell)
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))).build()), "/api/v1/sessions"));
        assertInvalidToken(get(sign(ISSUER_KEY, claims(user, "SECRETARY", cell)
                .issuer("http://127.0.0.1:1/realms/elsewhere").build()), "/api/v1/sessions"));
        assertInvalidToken(get("not-a-jwt", "/api/v1/sessions"));

        HttpResponse<String> noRole = get(sign(ISSUER_KEY, claims(user, null, cell).build()), "/api/v1/sessions");
        HttpResponse<String> unknownRole = get(sign(ISSUER_KEY, claims(user, "ADMIN").build()), "/api/v1/sessions");
        HttpResponse<String> badUnits = post(sign(ISSUER_KEY, claims(user, "SECRETARY")
                .claim("ledger_unit_ids", List.of("not-a-unit")).build()), "/api/v1/sessions", session(cell));
        for (HttpResponse<String> refused : List.of(noRole, unknownRole, badUnits)) {
            assertInvalidToken(refused);
        }
        assertThat(noRole.body()).contains("role claim ledger_role is missing or unknown");
        assertThat(unknownRole.body()).contains("role claim ledger_role is missing or unknown");

        assertThat(unauthorizedDenials()).isEqualTo(deniedBefore + 7);
    }

    @Test
    void httpBasicStillWorksAlongsideBearerTokens() {
        Http auditor = LedgerTestSupport.user(office, "kiemtra-basic-" + suffix, "AUDITOR");

        assertThat(auditor.get("/api/v1/stats/units?quarter=2022-Q3").status()).isEqualTo(200);
        assertThat(LedgerTestSupport.schedule(office, cell, "2022-09-17T08:00:00+07:00")).isNotNull();
        Http.Answer wrongPassword = new Http(port).as("kiemtra-basic-" + suffix, "wrong-password")
                .get("/api/v1/stats/units?quarter=2022-Q3");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("unauthorized");
        Http.Answer nothing = new Http(port).get("/api/v1/sessions");
        assertThat(nothing.status()).isEqualTo(401);
        assertThat(nothing.code()).isEqualTo("unauthorized");
    }

    /**
     * Without an issuer, nothing changes: a bearer token is an unknown way of signing in. (Its own context, closed
     * when done rather than left to the JVM's shutdown, where it would race the embedded PostgreSQL's own hook.)
     */
    @Nested
    @DirtiesContext
    @NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
    @SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class WithoutAnIssuer {

        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            LedgerTestSupport.freshLedger(registry);
        }

        @LocalServerPort
        int port;

        @Test
        void aValidTokenIsNotAccepted() {
            String token = sign(ISSUER_KEY, claims("kiemtra-oidc", "OFFICE").build());

            HttpResponse<String> refused = send(port, token, HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/sessions")).GET());

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("\"code\":\"unauthorized\"");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Basic"));
            assertThat(LedgerTestSupport.admin(port).get("/api/v1/sessions").status()).isEqualTo(200);
        }
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"unauthorized\"");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"invalid_token\"");
    }

    private double unauthorizedDenials() {
        Matcher line = Pattern.compile("ledger_security_denials_total\\{code=\"unauthorized\"[^}]*} (\\S+)")
                .matcher(office.get("/actuator/prometheus").raw());
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static String session(UUID unitId) {
        return """
                {"unitIds": ["%s"], "topic": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                 "scheduledAt": "2022-09-15T08:00:00+07:00", "format": "IN_PERSON", "venue": "Hội trường"}
                """.formatted(unitId);
    }

    /** The claims of a token from {@link #ISSUER}, valid for ten minutes; {@code role} null for none. */
    private static JWTClaimsSet.Builder claims(String username, String role, UUID... unitIds) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.randomUUID().toString())
                .audience("ledger")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("preferred_username", username)
                .claim("ledger_unit_ids", Arrays.stream(unitIds).map(UUID::toString).toList());
        if (role != null) {
            claims.claim("ledger_role", role);
        }
        return claims;
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String token, String path) {
        return send(port, token, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private HttpResponse<String> post(String token, String path, String body) {
        return send(port, token, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(int port, String token, HttpRequest.Builder request) {
        try {
            return client.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's JWK set (its public key only) at {@code /realms/ledger/protocol/openid-connect/certs}. */
    private static HttpServer jwksServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(ISSUER_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/realms/ledger/protocol/openid-connect/certs", exchange -> {
                JWKS_REQUESTS.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
