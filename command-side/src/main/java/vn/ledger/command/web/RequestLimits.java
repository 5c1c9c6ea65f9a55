package vn.ledger.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@code ledger.limits.max-body-bytes} (1 MiB by default) with a 413 problem before
 * anything reads it: by its Content-Length when it has one, else by counting while it is read. A roster import's
 * file may be larger: its body may hold {@code ledger.import.max-file-bytes} (20 MiB) and the multipart framing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimits extends OncePerRequestFilter {

    /** The path whose body is a spreadsheet file rather than a JSON command. */
    static final String IMPORT_PATH = "/api/v1/roster/imports";
    /** Room for the multipart boundaries and part headers around an import's file. */
    static final long MULTIPART_FRAMING_BYTES = 64 * 1024;

    private final long maxBodyBytes;
    private final long maxImportBodyBytes;

    RequestLimits(@Value("${ledger.limits.max-body-bytes:1048576}") long maxBodyBytes,
                  @Value("${ledger.import.max-file-bytes:20971520}") long maxImportFileBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxImportBodyBytes = maxImportFileBytes + MULTIPART_FRAMING_BYTES;
    }

    /** A body that went over the limit while it was read. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over the limit", null);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = IMPORT_PATH.equals(request.getRequestURI()) ? maxImportBodyBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        try {
            chain.doFilter(new CountingRequest(request, limit), response);
        } catch (BodyTooLarge | ServletException e) {
            if (!(e instanceof BodyTooLarge) && !causedByTooLarge(e)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response, limit);
            }
        }
    }

    static boolean causedByTooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"urn:ledger:problem:body-too-large","title":"Content Too Large","status":413,\
                "detail":"The request body is over %d bytes.","code":"body-too-large"}""".formatted(limit));
    }

    /** Counts the body's bytes as they are read and stops past the limit. */
    private static final class CountingRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream counted;

        CountingRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new BodyTooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit) {
                            throw new BodyTooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }
}
