package vn.ledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.beans.TypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import vn.ledger.command.rule.RuleViolation;
import vn.ledger.security.DatabaseOutage;
import vn.ledger.security.Denials;

/**
 * Turns every failure of a command into {@code application/problem+json} with a stable {@code code}: 400 for
 * input that is malformed or breaks a rule of form, 404 for unknown ids, 409 for conflicts with the record's state.
 */
@RestControllerAdvice(basePackages = "vn.ledger.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

    /** A field and what is wrong with it. */
    record FieldProblem(String field, String message) {}

    private final Denials denials;

    CommandProblems(Denials denials) {
        this.denials = denials;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation, HttpServletRequest request) {
        if (violation.kind() == RuleViolation.Kind.FORBIDDEN) {
            denials.record(violation.code(), request.getUserPrincipal() == null ? "anonymous"
                    : request.getUserPrincipal().getName(), request.getMethod(), request.getRequestURI());
        }
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
        };
        ProblemDetail problem = problem(status, violation.code(), violation.getMessage());
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(new FieldProblem(violation.field(), violation.getMessage())));
        }
        return respond(problem);
    }

    /**
     * An append that lost the race for the aggregate's next sequence number more often than
     * {@link vn.ledger.command.api.CommandSender} runs a command again.
     */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException e) {
        return respond(problem(HttpStatus.CONFLICT, "concurrent-modification",
                "The record was changed by another request at the same moment; send the command again."));
    }

    /** A body that is not the multipart form an upload needs, or a part over the servlet's limits. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException) {
            return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large",
                    "The uploaded file is over the limit."));
        }
        if (RequestLimits.causedByTooLarge(e)) {
            return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "The request body is over the limit."));
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send the file as multipart/form-data with a part named 'file'."));
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "multipart-invalid",
                "Send the file as multipart/form-data with a part named 'file'."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (databaseUnavailable(e)) {
            log.warn("A command found no database connection in time: {}", e.toString());
            HttpHeaders headers = problemHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
            return new ResponseEntity<>(problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "The database could not be reached, or the connection broke under the command: if it broke while the"
                    + " command committed, the command may have been recorded. Resend it shortly with the same"
                    + " Idempotency-Key: a recorded command is then answered, not repeated."),
                    headers, HttpStatus.SERVICE_UNAVAILABLE);
        }
        log.error("A command failed unexpectedly", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The command could not be carried out; nothing was recorded."));
    }

    /**
     * No connection in time (the pool waited its connection timeout,
     * {@code spring.datasource.hikari.connection-timeout}: the database is down or every connection is busy, e.g.
     * behind a roster import's append gate), or the connection broke under the command (the database stopped or
     * restarted): the client may retry, so 503 with Retry-After.
     */
    static boolean databaseUnavailable(Throwable error) {
        return DatabaseOutage.causedBy(error);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(CommandProblems::fieldProblem)
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed",
                "Some fields are missing or invalid.");
        problem.setProperty("errors", errors);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestLimits.causedByTooLarge(ex)) {
            ProblemDetail tooLarge = problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "The request body is over the limit.");
            return new ResponseEntity<>(tooLarge, problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
        }
        ProblemDetail problem;
        String field = fieldOf(ex.getCause());
        if (field != null) {
            problem = problem(HttpStatus.BAD_REQUEST, "invalid-field",
                    "The field '" + field + "' has a value of the wrong type or format.");
            problem.setProperty("errors", List.of(new FieldProblem(field, "wrong type or format")));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-json", "The body is not valid JSON.");
        }
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
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
        problem.setType(typeOf(code));
        problem.setProperty("code", code);
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.putAll(problemHeaders());
        return new ResponseEntity<>(problem, merged, statusCode);
    }

    private static final Map<Class<? extends Exception>, String> CODES = Map.of(
            TypeMismatchException.class, "invalid-parameter",
            HttpMediaTypeNotSupportedException.class, "unsupported-media-type",
            HttpMediaTypeNotAcceptableException.class, "not-acceptable",
            HttpRequestMethodNotSupportedException.class, "method-not-allowed",
            HandlerMethodValidationException.class, "validation-failed",
            MissingServletRequestPartException.class, "file-missing",
            MaxUploadSizeExceededException.class, "file-too-large");

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    /** The JSON path of the field Jackson could not read, like {@code entries[0].status}, or null. */
    private static String fieldOf(Throwable cause) {
        // a syntax error (including a body that ends too soon) is malformed JSON, whatever field it was in
        if (!(cause instanceof DatabindException jackson) || jackson.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setProperty("code", code);
        return problem;
    }

    private static URI typeOf(String code) {
        return URI.create("urn:ledger:problem:" + code);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatusCode.valueOf(problem.getStatus()));
    }
}
