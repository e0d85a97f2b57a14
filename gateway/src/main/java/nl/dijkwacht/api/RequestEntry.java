package nl.dijkwacht.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.ActivePolicy;

/** Opens an exchange for an incoming HTTP request: trace id, caller headers, the policy snapshot, the body. */
final class RequestEntry {

    private final ActivePolicy policy;
    private final int maxBodyBytes;

    RequestEntry(ActivePolicy policy, int maxBodyBytes) {
        this.policy = policy;
        this.maxBodyBytes = maxBodyBytes;
    }

    Exchange open(Endpoint endpoint, HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        CallerHeaders headers = new CallerHeaders(bearer,
                request.getHeader(CallerHeaders.USE_CASE),
                request.getHeader(CallerHeaders.USER),
                request.getHeader(CallerHeaders.DEPARTMENT),
                request.getHeader(CallerHeaders.TENANT),
                request.getHeader(CallerHeaders.ROLES));
        return new Exchange(UUID.randomUUID().toString(), endpoint, headers, policy.current());
    }

    /** @return a refusal when the body is too large or unreadable, else {@code null} (the body is on the exchange) */
    Refusal readBody(Exchange exchange, HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            return tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                return tooLarge();
            }
            exchange.rawBody(body);
            exchange.contentType(request.getContentType());
            return null;
        } catch (IOException e) {
            return Refusal.badRequest("unreadable_body", "De aanvraag kon niet volledig gelezen worden.", null);
        }
    }

    private Refusal tooLarge() {
        return Refusal.tooLarge("De aanvraag is groter dan " + (maxBodyBytes / 1024)
                + " KB. Verkort de tekst of verdeel het werk over meerdere verzoeken.");
    }
}
