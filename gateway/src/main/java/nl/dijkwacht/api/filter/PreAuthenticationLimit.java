package nl.dijkwacht.api.filter;

import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The slot for the rate limit that runs before authentication (per source address), so a flood of guessed keys is
 * stopped before any key is hashed or token verified. A Spring bean of this type is put first on every route by
 * {@link RouteFilters}; without one, routes start with authentication. It refuses through {@link EarlyRefusals}.
 */
public interface PreAuthenticationLimit extends HandlerFilterFunction<ServerResponse, ServerResponse> {
}
