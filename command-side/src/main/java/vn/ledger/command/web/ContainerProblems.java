package vn.ledger.command.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some URLs before any filter or {@code /error} sees them: a {@code %00} or an encoded {@code /} in
 * the path is a 400 written by the host's error report valve, as an HTML page. This replaces that valve (Spring Boot
 * adds it; ordered after Boot's customizer, this runs later) with one that writes the same status as
 * {@code application/problem+json} with a {@code code}, like every other refusal.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve());
            // else the host, finding no valve of its default class when it starts, adds one more that writes HTML
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * Tomcat's error report, as a problem: no HTML, no server version, nothing of the request repeated. Public, as
     * the host may create its error report valve by its class name.
     */
    public static final class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // as Tomcat's own valve: only an error whose body nobody wrote, reported once, while the connection lasts
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = known == null ? "request-rejected" : ErrorProblems.codeOf(known);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status >= 500 ? "The request could not be answered; nothing was recorded."
                    : "The request was refused before it reached the service: its URL or headers are malformed.";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write("""
                            {"type":"urn:ledger:problem:%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                            .formatted(code, title, status, detail, code));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException gone) {
                // the client went away, or the response cannot be written any more: nothing left to tell it
            }
        }
    }
}
