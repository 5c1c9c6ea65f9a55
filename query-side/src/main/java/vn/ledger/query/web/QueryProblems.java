package vn.ledger.query.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure of a query into {@code application/problem+json} with a stable {@code code}. */
@RestControllerAdvice(basePackages = "vn.ledger.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);

    /** A parameter and what is wrong with it. */
    record FieldProblem(String field, String message) {}

    private static final Map<Class<? extends Exception>, String> CODES = Map.of(
            MissingServletRequestParameterException.class, "missing-parameter",
            TypeMismatchException.class, "invalid-parameter",
            HttpMediaTypeNotAcceptableException.class, "not-acceptable",
            HttpRequestMethodNotSupportedException.class, "method-not-allowed");

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameter e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(e.parameter(), e.getMessage())));
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }


    private final ObjectProvider<MeterRegistry> meters;

    QueryProblems(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @ExceptionHandler(QueryRejection.class)
    ResponseEntity<ProblemDetail> rejection(QueryRejection e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        // the calendar feeds count their own refusals, with the token's user (vn.ledger.query.calendar.FeedDenials)
        if (status == HttpStatus.FORBIDDEN && !request.getRequestURI().endsWith(".ics")) {
            String user = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
            log.warn("Denied ({}): {} {} by {}", e.code(), request.getMethod(), request.getRequestURI(), user);
            meters.ifAvailable(registry -> registry.counter(QueryRejection.DENIALS_METER, "code", e.code()).increment());
        }
        return new ResponseEntity<>(problem(status, e.code(), e.getMessage()), problemHeaders(), status);
    }

    @ExceptionHandler(ViewBehind.class)
    ResponseEntity<ProblemDetail> viewBehind(ViewBehind e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "view-behind", e.getMessage());
        HttpHeaders headers = problemHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return new ResponseEntity<>(problem, headers, HttpStatus.SERVICE_UNAVAILABLE);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (databaseUnavailable(e)) {
            log.warn("A query found no database connection in time: {}", e.toString());
            HttpHeaders headers = problemHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "5");
            return new ResponseEntity<>(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "The database could not be reached in time. Try again shortly."), headers,
                    HttpStatus.SERVICE_UNAVAILABLE);
        }
        log.error("A query failed unexpectedly", e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The question could not be answered.");
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /**
     * No database connection in time (the pool's {@code connection-timeout}: the database is down or restarting, or
     * every connection is busy), or one broken under the query: the client may retry, so 503 with Retry-After. The
     * same test as the command side's ({@code vn.ledger.security.DatabaseOutage}, which the query side does not
     * depend on).
     */
    static boolean databaseUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLRecoverableException
                    || cause instanceof java.net.ConnectException
                    || (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                            || sql.getSQLState().equals("57P02") || sql.getSQLState().equals("57P03")))
                    // HikariCP, on a connection it evicted as broken: no SQL state
                    || (cause instanceof java.sql.SQLException closed && closed.getSQLState() == null
                        && "Connection is closed".equals(closed.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        String code = CODES.entrySet().stream()
                .filter(entry -> entry.getKey().isInstance(ex))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("request-rejected");
        problem.setType(URI.create("urn:ledger:problem:" + code));
        problem.setProperty("code", code);
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.putAll(problemHeaders());
        return new ResponseEntity<>(problem, merged, statusCode);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:ledger:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
