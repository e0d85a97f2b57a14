package nl.dijkwacht.api.filter;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The one body-size filter of every route: a declared {@code Content-Length} over the route's limit is refused
 * before anything is read; otherwise the body is read once, never more than the limit plus one byte (chunked
 * uploads included), and handed to the handler ({@link AuthenticatedRequest#body}). Over the limit: 413 in Dutch.
 */
public final class BodySizeLimit {

    private final EarlyRefusals refusals;

    public BodySizeLimit(EarlyRefusals refusals) {
        this.refusals = refusals;
    }

    public HandlerFilterFunction<ServerResponse, ServerResponse> atMost(RouteKind route, int maxBytes) {
        return (request, next) -> {
            HttpServletRequest servlet = request.servletRequest();
            if (servlet.getContentLengthLong() > maxBytes) {
                return refusals.refuse(request, route, tooLarge(maxBytes));
            }
            byte[] body;
            if (servlet.getContentLengthLong() == 0) {
                body = new byte[0];
            } else {
                try (InputStream in = servlet.getInputStream()) {
                    body = in.readNBytes(maxBytes + 1);
                } catch (IOException e) {
                    return refusals.refuse(request, route,
                            Refusal.badRequest("unreadable_body", "De aanvraag kon niet volledig gelezen worden.", null));
                }
            }
            if (body.length > maxBytes) {
                return refusals.refuse(request, route, tooLarge(maxBytes));
            }
            servlet.setAttribute(AuthenticatedRequest.BODY, body);
            return next.handle(request);
        };
    }

    private static Refusal tooLarge(int maxBytes) {
        String size = maxBytes >= 1024 ? (maxBytes / 1024) + " KB" : maxBytes + " bytes";
        return Refusal.tooLarge("De aanvraag is groter dan " + size + ". Verkort de tekst of verdeel het werk over meerdere verzoeken.");
    }
}
