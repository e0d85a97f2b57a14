package nl.dijkwacht.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import nl.dijkwacht.api.filter.EarlyRefusals;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Refusal;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for what never reaches Spring — a malformed request line or URL, headers that are too large,
 * an unsupported HTTP version — in the OpenAI error format in Dutch instead of Tomcat's HTML page. It never repeats
 * the request or the exception message (Tomcat's messages quote the rejected request target or header).
 */
public final class OpenAiErrorReportValve extends ErrorReportValve {

    /** Where a request head over the limit is reported (counted per source); absent when Tomcat made this valve itself. */
    private final java.util.function.Supplier<EarlyRefusals> refusals;

    /** The valve Tomcat makes by class name ({@code StandardHost.setErrorReportValveClass}): answers, reports to no one. */
    public OpenAiErrorReportValve() {
        this(() -> null);
    }

    public OpenAiErrorReportValve(java.util.function.Supplier<EarlyRefusals> refusals) {
        this.refusals = refusals;
    }

    /**
     * A request head over the limit ({@link OversizedRequestHead}): its status becomes 414 (request line) or 431
     * (headers) instead of Tomcat's bare 400, and {@link #report} answers in the address's format and reports it.
     */
    @Override
    public void invoke(Request request, Response response) throws java.io.IOException, jakarta.servlet.ServletException {
        OversizedRequestHead head = OversizedRequestHead.of(request, response);
        if (head != null) {
            response.setStatus(head.part().status);
            request.setAttribute(OversizedRequestHead.ATTRIBUTE, head);
        }
        super.invoke(request, response);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Refusal refusal = HttpErrors.forStatus(status);
        boolean people;
        if (request.getAttribute(OversizedRequestHead.ATTRIBUTE) instanceof OversizedRequestHead head) {
            // never reaches Spring (no context is mapped for it): counted here with the callers refused before
            // authentication, per source (limits.SourceLimitFilter), under the trace id the answer carries
            people = head.forPeople();
            EarlyRefusals early = refusals.get();
            if (early != null) {
                response.setHeader(CallerHeaders.TRACE_ID, early.reportBeforeRouting(request, refusal).traceId());
            }
        } else {
            people = OpenAiErrorController.forPeople(request.getRequestURI());
        }
        if (people) {
            // a console or transparency page (when the path could be read at all): Dutch HTML for people (ops27)
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(PlainErrorPage.html(status, refusal));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response already committed: nothing more to say
            }
            return;
        }
        String body = "{\"error\":{\"message\":\"" + refusal.message().replace("\"", "\\\"") + "\",\"type\":\"" + refusal.type()
                + "\",\"code\":\"" + refusal.code() + "\",\"param\":null}}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already committed: nothing more to say
        }
    }
}
