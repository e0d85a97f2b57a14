package nl.dijkwacht.api.filter;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers a refusal made by a route filter: tells the {@link EarlyRefusalListener}s, then writes the Dutch OpenAI
 * error with a trace id (and, for 401, {@code WWW-Authenticate: Bearer} as RFC 6750 asks).
 */
public final class EarlyRefusals {

    private static final Logger log = LoggerFactory.getLogger(EarlyRefusals.class);

    private final List<EarlyRefusalListener> listeners;
    private final OpenAiErrorWriter errors;
    private final Clock clock;
    private final BiFunction<String, Supplier<List<String>>, String> addresses;

    /**
     * @param addresses how a refused request's source is told from the connection's address and the request's
     *                  {@code X-Forwarded-For} headers: the client behind a trusted proxy, not the proxy, as the source
     *                  limits count it ({@code limits.ClientAddress}; edges50)
     */
    public EarlyRefusals(List<EarlyRefusalListener> listeners, OpenAiErrorWriter errors, Clock clock,
                         BiFunction<String, Supplier<List<String>>, String> addresses) {
        this.listeners = List.copyOf(listeners);
        this.errors = errors;
        this.clock = clock;
        this.addresses = addresses;
    }

    public ServerResponse refuse(ServerRequest request, RouteKind route, Refusal refusal) {
        return refuse(request, route, refusal, null);
    }

    /** @param operator the operator who was identified but lacks the endpoint's role, else {@code null} */
    public ServerResponse refuse(ServerRequest request, RouteKind route, Refusal refusal, Operator operator) {
        EarlyRefusal event = report(request, route, refusal, operator);
        ServerResponse.BodyBuilder answer = ServerResponse.status(refusal.status()).header(CallerHeaders.TRACE_ID, event.traceId());
        if (refusal.status() == 401) {
            answer.header("WWW-Authenticate", refusal.code().startsWith("token_")
                    ? "Bearer realm=\"dijkwacht\", error=\"invalid_token\"" : "Bearer realm=\"dijkwacht\"");
        }
        return answer.build((req, res) -> {
            errors.write(res, refusal);
            return null;
        });
    }

    /**
     * Tells the listeners of a refusal whose answer the caller writes itself: a call to an address Dijkwacht does not
     * offer, answered 404 or 405 whoever asks — recorded when the caller is known, and a key or token that was not
     * accepted there counts as a failed authentication like anywhere else.
     *
     * @return the event, with the trace id it was filed under
     */
    public EarlyRefusal report(ServerRequest request, RouteKind route, Refusal refusal) {
        return report(request, route, refusal, null);
    }

    /**
     * Tells the listeners of a request the servlet container refused before any route was chosen (a request line or
     * headers over the size limit): no caller, no path kept (it may be what was too long). Filed as {@link RouteKind#PUBLIC}:
     * nothing authenticated it.
     */
    public EarlyRefusal reportBeforeRouting(HttpServletRequest servlet, Refusal refusal) {
        // a head over the size limit (414, 431) was not read: its X-Forwarded-For is not believed, the connection counts
        Supplier<List<String>> forwardedFor = refusal.status() == 414 || refusal.status() == 431 ? List::of : forwardedFor(servlet);
        EarlyRefusal event = new EarlyRefusal(nl.dijkwacht.pipeline.TraceIds.next(), clock.instant(),
                addresses.apply(servlet.getRemoteAddr(), forwardedFor),
                RouteKind.PUBLIC, servlet.getMethod(), "", null, null, refusal);
        tell(event);
        return event;
    }

    private static Supplier<List<String>> forwardedFor(HttpServletRequest servlet) {
        return () -> Collections.list(servlet.getHeaders("X-Forwarded-For"));
    }

    private void tell(EarlyRefusal event) {
        for (EarlyRefusalListener listener : listeners) {
            try {
                listener.refused(event);
            } catch (RuntimeException e) {
                log.error("early-refusal listener {} failed: {}", listener.getClass().getSimpleName(), e.getClass().getSimpleName());
            }
        }
    }

    private EarlyRefusal report(ServerRequest request, RouteKind route, Refusal refusal, Operator operator) {
        HttpServletRequest servlet = request.servletRequest();
        Object caller = servlet.getAttribute(AuthenticatedRequest.CALLER);
        if (operator == null && servlet.getAttribute(AuthenticatedRequest.OPERATOR) instanceof Operator known) {
            operator = known; // authenticated, then refused by a later filter (body size)
        }
        EarlyRefusal event = new EarlyRefusal(nl.dijkwacht.pipeline.TraceIds.next(), clock.instant(),
                addresses.apply(servlet.getRemoteAddr(), forwardedFor(servlet)), route,
                servlet.getMethod(), servlet.getRequestURI(), caller instanceof Caller c ? c : null, operator, refusal);
        tell(event);
        return event;
    }
}
