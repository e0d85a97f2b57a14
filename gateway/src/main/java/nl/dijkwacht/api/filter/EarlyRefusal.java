package nl.dijkwacht.api.filter;

import java.time.Instant;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.pipeline.Refusal;

/**
 * A request refused by a route filter, before its handler ran: failed authentication (401/403), a body over the
 * route's limit (413), or the pre-authentication rate limit (429).
 *
 * @param traceId the trace id the refusal was answered with ({@code X-Dijkwacht-Trace-Id})
 * @param source  the client address as the source limits count it ({@code limits.ClientAddress}: behind a trusted proxy
 *                the client its {@code X-Forwarded-For} names; an IPv6 client as its /64)
 * @param route   which kind of route refused it
 * @param method   the HTTP method
 * @param path     the request path (never the query: it may name a person)
 * @param caller   the verified caller when authentication had already succeeded (413), else {@code null}
 * @param operator on an admin or auditor route: the operator who was identified but lacks the endpoint's role (403
 *                 role_required), else {@code null}
 */
public record EarlyRefusal(String traceId, Instant at, String source, RouteKind route, String method, String path,
                           Caller caller, Operator operator, Refusal refusal) {
}
