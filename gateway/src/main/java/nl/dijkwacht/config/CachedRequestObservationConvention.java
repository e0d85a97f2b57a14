package nl.dijkwacht.config;

import io.micrometer.common.KeyValues;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Spring's convention for the {@code http.server.requests} observation (the request timer and the server span), with
 * its tags and span name kept per request shape instead of built twice per request (at the start and again at the
 * stop): the low-cardinality tags are a function of the method, the route pattern and the status when no exception
 * ended the request, the span name of the method and the pattern. Spring's own methods compute each shape once; what is
 * scraped and traced is the same (MetricsScrapeTest pins it). Here in config, not telemetry: only the HTTP surface and
 * the wiring touch the servlet API (ArchitectureTest). Boot's servlet observation filter takes it as the bean of its type.
 */
final class CachedRequestObservationConvention extends DefaultServerRequestObservationConvention {

    /** Beyond this many shapes the tags are built each time (no growth). */
    static final int CACHE_LIMIT = 256;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private record Shape(String method, String pattern, int status) {
    }

    private final ConcurrentHashMap<Shape, KeyValues> tags = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Shape, String> names = new ConcurrentHashMap<>();

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Shape shape = shape(context, true);
        if (shape == null) {
            return super.getLowCardinalityKeyValues(context);
        }
        KeyValues cached = tags.get(shape);
        if (cached == null) {
            cached = super.getLowCardinalityKeyValues(context);
            if (tags.size() < CACHE_LIMIT) {
                tags.putIfAbsent(shape, cached);
            }
        }
        return cached;
    }

    @Override
    public String getContextualName(ServerRequestObservationContext context) {
        Shape shape = shape(context, false);
        if (shape == null) {
            return super.getContextualName(context);
        }
        String cached = names.get(shape);
        if (cached == null) {
            cached = super.getContextualName(context);
            if (names.size() < CACHE_LIMIT) {
                names.putIfAbsent(shape, cached);
            }
        }
        return cached;
    }

    /** The shape a request's tags (withStatus) or name depend on; null when they depend on more (an exception). */
    private static Shape shape(ServerRequestObservationContext context, boolean withStatus) {
        HttpServletRequest request = context.getCarrier();
        if (request == null || !METHODS.contains(request.getMethod())) {
            return null;
        }
        if (!withStatus) {
            return new Shape(request.getMethod(), context.getPathPattern(), 0);
        }
        HttpServletResponse response = context.getResponse();
        if (response == null || context.getError() != null) {
            return null;
        }
        return new Shape(request.getMethod(), context.getPathPattern(), response.getStatus());
    }
}
