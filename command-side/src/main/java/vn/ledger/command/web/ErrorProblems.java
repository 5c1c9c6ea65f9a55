package vn.ledger.command.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import vn.ledger.security.DatabaseOutage;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container sends what no controller answered: a path or a method that no endpoint
 * has (404, 405), a URL the security firewall refused (400: {@code ..}, {@code ;}, an encoded {@code %}), an
 * exception that nothing handled (500). A client that is not a browser gets {@code application/problem+json} with a
 * stable {@code code}, like every other refusal, in place of Spring Boot's own JSON; a browser asking for HTML still
 * gets Spring Boot's error page. The detail never repeats the path: a calendar token may be in it.
 */
@Hidden
@Controller
class ErrorProblems extends BasicErrorController {

    ErrorProblems(ErrorAttributes errorAttributes, WebProperties webProperties,
                  ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, webProperties.getError(), errorViewResolvers.orderedStream().toList());
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (!status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status == HttpStatus.INTERNAL_SERVER_ERROR
                && DatabaseOutage.causedBy((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // failed outside a controller (a filter's transaction, its rollback on a broken connection)
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:ledger:problem:database-unavailable");
            problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
            problem.put("status", 503);
            problem.put("detail",
                    "The database could not be reached, or the connection broke under the command: if it broke while the"
                    + " command committed, the command may have been recorded. Resend it shortly with the same"
                    + " Idempotency-Key: a recorded command is then answered, not repeated.");
            problem.put("code", "database-unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).body(problem);
        }
        String code = codeOf(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:ledger:problem:" + code);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", switch (status) {
            case NOT_FOUND -> "No endpoint has this path.";
            case METHOD_NOT_ALLOWED -> "This path does not take this method.";
            case UNSUPPORTED_MEDIA_TYPE -> "This path does not take this content type.";
            default -> status.is5xxServerError()
                    ? "The request could not be answered; nothing was recorded."
                    : "The request was refused: " + status.getReasonPhrase() + ".";
        });
        problem.put("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The problem code of an error status that no handler gave a more precise one. */
    static String codeOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "body-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            default -> status.is5xxServerError() ? "internal-error" : "request-rejected";
        };
    }
}
