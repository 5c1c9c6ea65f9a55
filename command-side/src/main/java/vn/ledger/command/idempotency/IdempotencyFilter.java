package vn.ledger.command.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every {@code POST /api/v1/...} with an {@code Idempotency-Key} header safe to repeat. The command runs
 * inside one database transaction that also stores its answer under (user, key): the events and the stored answer
 * commit together, so a retry after a lost response or a crash finds either both or neither. A repeat waits for a
 * concurrent first attempt (the key's row lock), then answers what it answered. Only successful answers are kept:
 * a rejected command wrote nothing, and its repeat is judged again. The one exception is a calendar feed token,
 * a secret whose answer is not stored: a repeated POST there makes another token. A multipart body (a roster file)
 * is the same request when its parts hold the same, whatever boundary the client drew to frame them.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;

    private record Stored(String requestHash, int status, String contentType, String etag, String location,
                          byte[] body) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdempotencyFilter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/v1/")
                // a calendar feed token is a secret kept only as a hash: its answer is never stored
                || request.getRequestURI().startsWith("/api/v1/calendar-tokens")
                || key == null || key.isBlank();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.length() > MAX_KEY_LENGTH) {
            problem(response, 400, "invalid-idempotency-key",
                    "An Idempotency-Key has at most " + MAX_KEY_LENGTH + " characters.");
            return;
        }
        boolean multipart = isMultipart(request);
        // Tomcat parses a multipart body (a roster file) from the connection, never from a wrapper's stream: it is
        // parsed here, where the endpoint finds it parsed, and what its parts hold is hashed, not their framing
        byte[] body = multipart ? null : request.getInputStream().readAllBytes();
        String hash = multipart ? multipartHash(request) : hash(request, body);
        if (hash == null) {
            // not a readable form: the endpoint answers the same parse failure (400 or 413), and nothing is stored
            chain.doFilter(request, response);
            return;
        }
        String user = user();
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        AtomicBoolean refused = new AtomicBoolean();
        try {
            transaction.executeWithoutResult(status -> {
                int inserted = jdbc.update("""
                        INSERT INTO command_model.idempotency_key (username, key, request_hash, status, body, created_at)
                        VALUES (?, ?, ?, 0, ''::bytea, ?) ON CONFLICT DO NOTHING
                        """, user, key, hash, Timestamp.from(clock.instant()));
                if (inserted == 0) {
                    Stored first = stored(user, key);
                    if (first.requestHash().equals(hash)) {
                        replay(first, answer);
                    } else {
                        problem(answer, 409, "idempotency-key-reused", "This Idempotency-Key was used with another"
                                + " request; use a new key for a new request.");
                    }
                    return;
                }
                try {
                    chain.doFilter(multipart ? request : new CachedBodyRequest(request, body), answer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new IllegalStateException(e);
                }
                if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
                    jdbc.update("""
                            UPDATE command_model.idempotency_key
                            SET status = ?, content_type = ?, etag = ?, location = ?, body = ?
                            WHERE username = ? AND key = ?
                            """, answer.getStatus(), answer.getContentType(), answer.getHeader("ETag"),
                            answer.getHeader("Location"), answer.getContentAsByteArray(), user, key);
                } else {
                    refused.set(true);
                    status.setRollbackOnly();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (TransactionSystemException rollbackFailed) {
            if (!refused.get()) {
                throw rollbackFailed;
            }
            // the command was refused (a 503 when the database went away under it) and its rollback failed on the
            // broken connection: the database rolls the transaction back anyway, the refusal stands
            log.warn("The rollback of a refused command failed: {}", rollbackFailed.toString());
        }
        answer.copyBodyToResponse();
    }

    private Stored stored(String user, String key) {
        List<Stored> rows = jdbc.query("""
                SELECT request_hash, status, content_type, etag, location, body
                FROM command_model.idempotency_key WHERE username = ? AND key = ?
                """, (rs, row) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)), user, key);
        return rows.get(0);
    }

    private static void replay(Stored first, HttpServletResponse response) {
        try {
            response.setStatus(first.status());
            if (first.contentType() != null) {
                response.setContentType(first.contentType());
            }
            if (first.etag() != null) {
                response.setHeader("ETag", first.etag());
            }
            if (first.location() != null) {
                response.setHeader("Location", first.location());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(first.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    /** What makes two requests the same: method, path, query, content type and body. */
    private static String hash(HttpServletRequest request, byte[] body) {
        MessageDigest digest = digest(request, request.getContentType());
        digest.update(body);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * What makes two multipart requests the same: method, path, query, and each part's name, file name, type and
     * content; the boundary, which a client draws anew for each request, is left out. Null when the body is not a
     * readable multipart form.
     */
    private static String multipartHash(HttpServletRequest request) {
        MessageDigest digest = digest(request, "multipart/form-data");
        try {
            for (Part part : request.getParts()) {
                digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n" + part.getContentType()
                        + "\n" + part.getSize() + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream content = part.getInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        } catch (IOException | ServletException | IllegalStateException malformed) {
            return null;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest(HttpServletRequest request, String contentType) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String head = request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                    + (contentType == null ? "" : contentType) + "\n";
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static void problem(HttpServletResponse response, int status, String code, String detail) {
        try {
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("""
                    {"type":"urn:ledger:problem:%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                    .formatted(code, status == 409 ? "Conflict" : "Bad Request", status, detail, code));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request with its body read once, for the hash, and offered again to the handler. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
