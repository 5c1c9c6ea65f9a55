package vn.ledger.service.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the process test: real requests over a real socket to {@code http://localhost:port}. */
final class Http {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: its status, and its body as JSON (or {@code null} when it is none) and as text. */
    record Answer(int status, JsonNode body, String raw) {}

    private final String base;
    private final String authorization;

    Http(int port) {
        this(port, null);
    }

    private Http(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** The same server, signed in as {@code username} with HTTP Basic. */
    Http as(String username, String password) {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            boolean isJson = response.headers().firstValue("Content-Type").map(type -> type.contains("json"))
                    .orElse(false);
            return new Answer(response.statusCode(), raw == null || raw.isBlank() || !isJson ? null
                    : json.readTree(raw), raw);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
