package vn.ledger.command.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs a command again when it lost an append race: another command-side instance appended to the same aggregate
 * between this one's load and its append, so the log's unique (aggregate, sequence) key refused this append (Axon's
 * {@code ConcurrencyException}, answered {@code 409 concurrent-modification} by {@link CommandProblems}, which marks
 * the request). Nothing of the lost attempt was written: its transaction rolled back.
 *
 * <p>The whole request runs again, not just the command: a fresh transaction (PostgreSQL aborts a transaction at its
 * first error, so nothing can go on in the lost one), the aggregate loaded anew from the log, the command model's
 * lookups read anew, the {@code Idempotency-Key} row inserted anew (the filter inside this one stores the answer of
 * the attempt that succeeds, in its transaction), and {@code If-Match} checked against the new version, so a client
 * who pinned the version the race moved past gets {@code 412 version-mismatch}. Axon's {@code RetryScheduler} was
 * not used: it resends the command on a scheduler thread, outside the request's transaction and security context.
 *
 * <p>Bounded ({@code ledger.commands.race-retries}, 5 by default) with a small jittered, doubling back-off; a
 * command that keeps losing answers 409 as before. Only JSON commands are retried: a roster import's multipart file
 * is not buffered twice (an import appends in its own jobs).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1) // after security and the body limit, around the Idempotency-Key filter
public class AppendRaceRetry extends OncePerRequestFilter {

    /** The request attribute by which {@link CommandProblems} says that an append lost a race. */
    static final String RACE_LOST = AppendRaceRetry.class.getName() + ".lost";
    static final String RETRIES_METER = "ledger.command.race.retries";
    static final String GIVEN_UP_METER = "ledger.command.race.given.up";
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(10);
    private static final Duration MAX_BACK_OFF = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(AppendRaceRetry.class);

    private final int retries;
    private final ObjectProvider<MeterRegistry> meters;

    AppendRaceRetry(@Value("${ledger.commands.race-retries:5}") int retries, ObjectProvider<MeterRegistry> meters) {
        if (retries < 0) {
            throw new IllegalArgumentException("ledger.commands.race-retries must not be negative, not " + retries);
        }
        this.retries = retries;
        this.meters = meters;
    }

    /** Marks {@code request} as one whose append lost a race (called where the 409 is answered). */
    static void markLost(HttpServletRequest request) {
        request.setAttribute(RACE_LOST, Boolean.TRUE);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return retries == 0
                || !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/v1/")
                || (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes(); // within RequestLimits' cap, which counts the read
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        for (int attempt = 0; ; attempt++) {
            request.removeAttribute(RACE_LOST);
            chain.doFilter(new BufferedBodyRequest(request, body), answer);
            boolean lost = Boolean.TRUE.equals(request.getAttribute(RACE_LOST)) && answer.getStatus() == 409;
            if (!lost) {
                break;
            }
            if (attempt == retries) {
                log.warn("{} {} lost {} append races in a row; answered 409", request.getMethod(),
                        request.getRequestURI(), attempt + 1);
                meters.ifAvailable(registry -> registry.counter(GIVEN_UP_METER).increment());
                break;
            }
            meters.ifAvailable(registry -> registry.counter(RETRIES_METER).increment());
            log.debug("{} {} lost an append race; running it again (retry {})", request.getMethod(),
                    request.getRequestURI(), attempt + 1);
            answer.reset(); // nothing was committed to the client: status, headers and body start again
            if (!backOff(attempt)) {
                break;
            }
        }
        request.removeAttribute(RACE_LOST);
        answer.copyBodyToResponse();
    }

    /** Waits a jittered 10, 20, 40 ... (at most 200) ms, so the racers do not collide again in step. */
    private static boolean backOff(int attempt) {
        long base = Math.min(MAX_BACK_OFF.toMillis(), FIRST_BACK_OFF.toMillis() << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(base / 2, base + base / 2 + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The request with its body read once and offered again to each attempt. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
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
