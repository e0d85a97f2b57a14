package nl.dijkwacht.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Refusal refusal = HttpErrors.forStatus(status);
        if (OpenAiErrorController.forPeople(request.getRequestURI())) {
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
