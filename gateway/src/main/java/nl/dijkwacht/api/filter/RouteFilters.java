package nl.dijkwacht.api.filter;

import java.util.Optional;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The filter chain every gateway route gets, in this order:
 * <ol>
 *   <li>{@link PreAuthenticationLimit} — rate limit per source address, before any work (when such a bean exists);</li>
 *   <li>{@link Authentication} — who is calling (tool/staff, admin, auditor; public routes pass);</li>
 *   <li>{@link BodySizeLimit} — the body, read once within the route's limit.</li>
 * </ol>
 * Routes add it with {@code .filter(routeFilters.forRoute(kind, maxBodyBytes))} after their endpoints.
 */
public final class RouteFilters {

    private final Optional<PreAuthenticationLimit> preAuthentication;
    private final Authentication authentication;
    private final BodySizeLimit bodySize;

    public RouteFilters(Optional<PreAuthenticationLimit> preAuthentication, Authentication authentication, BodySizeLimit bodySize) {
        this.preAuthentication = preAuthentication;
        this.authentication = authentication;
        this.bodySize = bodySize;
    }

    public HandlerFilterFunction<ServerResponse, ServerResponse> forRoute(RouteKind route, int maxBodyBytes) {
        HandlerFilterFunction<ServerResponse, ServerResponse> chain = authentication.forRoute(route)
                .andThen(bodySize.atMost(route, maxBodyBytes));
        return preAuthentication.<HandlerFilterFunction<ServerResponse, ServerResponse>>map(limit -> limit.andThen(chain))
                .orElse(chain);
    }

    /**
     * The chain for an address under {@code /v1/} that no route takes (answered 404 or 405): the pre-authentication
     * limit, then {@link Authentication#identifyWithoutRefusing()}; no body is read.
     */
    public HandlerFilterFunction<ServerResponse, ServerResponse> whereNothingIsOffered() {
        HandlerFilterFunction<ServerResponse, ServerResponse> identify = authentication.identifyWithoutRefusing();
        return preAuthentication.<HandlerFilterFunction<ServerResponse, ServerResponse>>map(limit -> limit.andThen(identify))
                .orElse(identify);
    }
}
