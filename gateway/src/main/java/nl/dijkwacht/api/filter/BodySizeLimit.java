package nl.dijkwacht.api.filter;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.RefusedRequest;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The one body-size filter of every route: a declared {@code Content-Length} over the route's limit is refused
 * before anything is read; otherwise the body is read once, never more than the limit plus one byte (chunked
 * uploads included), unpacked when it was sent compressed ({@link RequestContentCoding}, the limit applies to both sizes),
 * and handed to the handler ({@link AuthenticatedRequest#body}). Over the limit: 413 in Dutch.
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
            long declared = servlet.getContentLengthLong();
            if (declared == 0) {
                body = new byte[0];
            } else {
                try (InputStream in = servlet.getInputStream()) {
                    body = declared > 0 ? readDeclared(in, (int) declared, maxBytes) : in.readNBytes(maxBytes + 1);
                } catch (IOException e) {
                    return refusals.refuse(request, route,
                            Refusal.badRequest("unreadable_body", "De aanvraag kon niet volledig gelezen worden.", null));
                }
            }
            if (body.length > maxBytes) {
                return refusals.refuse(request, route, tooLarge(maxBytes));
            }
            try {
                body = RequestContentCoding.decoded(servlet.getHeaders(RequestContentCoding.HEADER), body, maxBytes, tooLarge(maxBytes));
            } catch (RefusedRequest e) {
                return refusals.refuse(request, route, e.refusal());
            }
            servlet.setAttribute(AuthenticatedRequest.BODY, body);
            return next.handle(request);
        };
    }

    /**
     * A body with a declared length (at most the limit): read into an array of exactly that size, then one more
     * read to see whether more follows — the same bytes as {@code readNBytes(maxBytes + 1)} (whose 16 KB steps cost
     * more than the body itself for the usual 1–2 KB request), and a body that runs past the limit still reads as
     * too large.
     */
    static byte[] readDeclared(InputStream in, int declared, int maxBytes) throws IOException {
        byte[] exact = new byte[declared];
        int n = in.readNBytes(exact, 0, declared);
        if (n < declared) {
            return java.util.Arrays.copyOf(exact, n);
        }
        int next = in.read();
        if (next < 0) {
            return exact;
        }
        byte[] rest = in.readNBytes(maxBytes - declared);
        byte[] all = java.util.Arrays.copyOf(exact, declared + 1 + rest.length);
        all[declared] = (byte) next;
        System.arraycopy(rest, 0, all, declared + 1, rest.length);
        return all;
    }

    private static Refusal tooLarge(int maxBytes) {
        String size = maxBytes >= 1024 ? (maxBytes / 1024) + " KB" : maxBytes + " bytes";
        return Refusal.tooLarge("De aanvraag is groter dan " + size + ". Verkort de tekst of verdeel het werk over meerdere verzoeken.");
    }
}
