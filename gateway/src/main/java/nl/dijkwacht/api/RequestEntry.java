package nl.dijkwacht.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.policy.ActivePolicy;

/**
 * Opens an exchange for an incoming HTTP request: trace id, the verified caller and the body (both from the route
 * filters, see {@link AuthenticatedRequest}), the use-case header and the policy snapshot.
 */
final class RequestEntry {

    private final ActivePolicy policy;

    RequestEntry(ActivePolicy policy) {
        this.policy = policy;
    }

    Exchange open(Endpoint endpoint, HttpServletRequest request) {
        Exchange exchange = new Exchange(UUID.randomUUID().toString(), endpoint,
                new CallerHeaders(request.getHeader(CallerHeaders.USE_CASE), request.getHeader(CallerHeaders.TASK)),
                policy.current());
        exchange.caller(AuthenticatedRequest.caller(request));
        exchange.rawBody(AuthenticatedRequest.body(request));
        exchange.contentType(request.getContentType());
        return exchange;
    }
}
