package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web application's sign-in over a real socket, as a browser does it: a form, a session cookie, and the
 * session's CSRF token on every write the cookie alone signs in, for the pages and for the API they call.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSessionHttpTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aFormSignInGivesASessionWhoseWritesNeedTheCsrfToken() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> anonymous = get(browser, "/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        signIn(browser, "admin", LedgerTestSupport.ADMIN_PASSWORD);
        HttpResponse<String> dashboard = get(browser, "/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Tổng quan thống kê");
        String token = csrf(dashboard.body());

        String unit = "{\"name\": \"Chi bộ " + UUID.randomUUID() + "\", \"kind\": \"CELL\"}";
        HttpResponse<String> forged = post(browser, "/api/v1/units", unit, null);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("\"code\":\"csrf-token-invalid\"");
        HttpResponse<String> wrongToken = post(browser, "/api/v1/units", unit, "not-the-token");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<String> real = post(browser, "/api/v1/units", unit, token);
        assertThat(real.statusCode()).as(real.body()).isEqualTo(201);
        assertThat(get(browser, "/api/v1/units").statusCode()).as("reads need no token").isEqualTo(200);

        HttpResponse<String> signOutWithoutToken = browser.send(HttpRequest.newBuilder(uri("/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signOutWithoutToken.statusCode()).isEqualTo(403);
        form(browser, "/logout", "_csrf=" + enc(token));
        assertThat(get(browser, "/").statusCode()).as("signed out").isEqualTo(302);
        assertThat(post(browser, "/api/v1/units", unit, token).statusCode()).as("the old session is gone")
                .isIn(401, 403);
    }

    @Test
    void aBrowsersCachedBasicCredentialsDoNotCarryAForgedWrite() throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("admin:" + LedgerTestSupport.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String unit = "{\"name\": \"Chi bộ " + UUID.randomUUID() + "\", \"kind\": \"CELL\"}";
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(uri("/api/v1/units"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(unit)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("\"code\":\"csrf-token-invalid\"");

        HttpResponse<String> script = client.send(HttpRequest.newBuilder(uri("/api/v1/units"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(unit)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).as("an API client needs no token").isEqualTo(201);
    }

    @Test
    void pagesFollowTheRoleAndWrongPasswordsLockTheFormToo() throws Exception {
        Http office = LedgerTestSupport.admin(port);
        UUID cell = LedgerTestSupport.registerCell(office, "Chi bộ " + UUID.randomUUID());
        String name = "bithu-" + UUID.randomUUID().toString().substring(0, 8);
        LedgerTestSupport.user(office, name, "SECRETARY", cell);

        HttpClient secretary = browser();
        signIn(secretary, name, LedgerTestSupport.USER_PASSWORD);
        assertThat(get(secretary, "/ui/sessions").statusCode()).isEqualTo(200);
        assertThat(get(secretary, "/ui/office").statusCode()).isEqualTo(403);
        assertThat(get(secretary, "/ui/review").statusCode()).isEqualTo(403);
        assertThat(get(secretary, "/?lang=en").body()).contains("Statistics");

        HttpClient stranger = browser();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(stranger, name, "wrong password " + i)).endsWith("/login?error");
        }
        assertThat(signIn(stranger, name, LedgerTestSupport.USER_PASSWORD))
                .as("locked even with the right password").endsWith("/login?locked");
    }

    // ---- a browser's exchanges

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in with the form (and its CSRF token); answers where the form sends the browser. */
    private String signIn(HttpClient browser, String username, String password) throws Exception {
        String token = csrf(get(browser, "/login").body());
        HttpResponse<String> answer = form(browser, "/login",
                "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token));
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(HttpClient browser, String path, String body)
            throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String path, String json, String csrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("the page carries its CSRF token").isTrue();
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
