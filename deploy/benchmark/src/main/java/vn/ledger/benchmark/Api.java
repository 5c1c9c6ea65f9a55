package vn.ledger.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client of one service, signed in once. HTTP Basic checks a bcrypt hash (cost 10, tens of milliseconds)
 * on every request, which would measure bcrypt rather than the ledger; so a client signs in once through the web
 * application's form ({@code /login}) and sends the session cookie, with the session's CSRF token on writes, as the
 * web application does. The command service has no sign-in form and refuses cookie writes (README, "Running as
 * separate services"), so its clients use HTTP Basic ({@link #basic}).
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

    /** An answer; its body is kept as bytes and decoded only when asked (a load client need not read every one). */
    record Response(int status, byte[] bytes, long nanos) {
        String body() {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(bytes);
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final String base;
    private final HttpClient client;
    private String authorization;
    private String csrf;

    private Api(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signed in by the web form: a session cookie, and the session's CSRF token for writes. */
    static Api signedIn(int port, String user, String password) {
        Api api = new Api(port);
        Response page = api.send(HttpRequest.newBuilder(URI.create(api.base + "/login")).GET());
        String token = csrf(page.body());
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        Response login = api.send(HttpRequest.newBuilder(URI.create(api.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.status() != 302 && login.status() != 200) {
            throw new IllegalStateException("sign-in answered " + login.status());
        }
        Response home = api.send(HttpRequest.newBuilder(URI.create(api.base + "/")).GET());
        if (home.status() != 200) {
            throw new IllegalStateException("sign-in did not hold: / answered " + home.status());
        }
        api.csrf = csrf(home.body());
        return api;
    }

    /** HTTP Basic on every request (a bcrypt check each time on the server). */
    static Api basic(int port, String user, String password) {
        Api api = new Api(port);
        api.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            builder.header("X-CSRF-TOKEN", csrf);
        }
        return send(builder);
    }

    Response post(String path, Object body) {
        return post(path, JSON.writeValueAsString(body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), System.nanoTime() - started);
        } catch (IOException e) {
            return new Response(-1, String.valueOf(e).getBytes(StandardCharsets.UTF_8), System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
