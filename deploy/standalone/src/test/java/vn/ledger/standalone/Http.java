package vn.ledger.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: real requests over a real socket to {@code http://localhost:port}. */
final class Http {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** A response: status, content type, ETag, and the body as JSON (or {@code null} when empty). */
    record Answer(int status, String contentType, String etag, String location, JsonNode body, String raw) {

        String code() {
            return body == null ? null : body.path("code").asString();
        }
    }

    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String base;
    private final String authorization;

    Http(int port) {
        this(port, null);
    }

    private Http(int port, String authorization) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** The same server, signed in as {@code username} with HTTP Basic. */
    Http as(String username, String password) {
        String token = java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Http(port, "Basic " + token);
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Answer post(String path, String body) {
        return post(path, "application/json", body, (String) null);
    }

    Answer post(String path, String contentType, String body, String idempotencyKey) {
        return post(path, contentType, body, idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key",
                idempotencyKey));
    }

    Answer post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** A POST of raw bytes (a multipart body built by hand, say); a {@code null} content type sends none. */
    Answer post(String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** A multipart/form-data POST of one file as the part {@code file}. */
    Answer upload(String path, String fileName, byte[] content, Map<String, String> headers) {
        String boundary = "ledger-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return send(request);
    }

    /** A file as it came: status, content type, {@code Content-Disposition} and the body's bytes. */
    record Download(int status, String contentType, String contentDisposition, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A GET whose answer is a file, with extra request headers (e.g. {@code Accept-Language}). */
    Download download(String path) {
        return download(path, Map.of());
    }

    Download download(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Content-Disposition").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
            JsonNode body = raw == null || raw.isBlank() || !isJson ? null : json.readTree(raw);
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    body, raw);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
