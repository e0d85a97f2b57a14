package nl.dijkwacht.api;

import jakarta.servlet.http.HttpServletRequest;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.TraceIds;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.tenancy.Tenants;

/**
 * Opens an exchange for an incoming HTTP request: trace id, the verified caller and the body (both from the route
 * filters, see {@link AuthenticatedRequest}; the body taken off the request, the exchange holds it), the use-case header and the policy snapshot of the caller's tenant
 * (decided by the authentication from the key or token, never from a header).
 */
final class RequestEntry {

    private final Tenants tenants;

    RequestEntry(Tenants tenants) {
        this.tenants = tenants;
    }

    Exchange open(Endpoint endpoint, HttpServletRequest request) {
        Caller caller = AuthenticatedRequest.caller(request);
        Exchange exchange = new Exchange(TraceIds.next(), endpoint,
                new CallerHeaders(request.getHeader(CallerHeaders.USE_CASE), request.getHeader(CallerHeaders.TASK)),
                tenants.policy(caller == null ? null : caller.tenant()).current());
        exchange.caller(caller);
        exchange.rawBody(AuthenticatedRequest.takeBody(request));
        exchange.contentType(request.getContentType());
        return exchange;
    }
}
