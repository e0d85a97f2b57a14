package nl.dijkwacht.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.dijkwacht.pipeline.Refusal;

/**
 * The Dutch HTML error page for people (the console, the transparency page) where no template engine runs: a request
 * the container or the firewall rejects before Spring MVC (an encoded slash, {@code %00}, a request line that is too
 * long). The text is fixed — the status and the refusal's own Dutch message — so nothing the request sent is repeated.
 * The pages Spring MVC answers use {@code templates/console/error.html} ({@link OpenAiErrorController}).
 */
public final class PlainErrorPage {

    private PlainErrorPage() {
    }

    public static String html(int status, Refusal refusal) {
        String message = status == 404 ? "Deze pagina bestaat niet." : refusal.message();
        return "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Foutmelding</title></head><body>"
                + "<h1>Dit lukte niet</h1><p>" + escape(message) + "</p><p>Foutcode: " + status + "</p>"
                + "<p><a href=\"/console\">Naar het overzicht van de console</a></p></body></html>\n";
    }

    /** Writes the page with this status (the response must not be committed). */
    public static void write(HttpServletResponse response, int status, Refusal refusal) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html(status, refusal));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
