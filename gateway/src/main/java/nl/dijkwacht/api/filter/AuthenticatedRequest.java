package nl.dijkwacht.api.filter;

import jakarta.servlet.http.HttpServletRequest;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.Operator;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * What the route filters established about a request, for its handler: the verified {@link Caller} (tool routes),
 * the {@link Operator} (admin and auditor routes) and the request body read within the route's size limit. Each is
 * set by exactly one filter ({@link Authentication}, {@link BodySizeLimit}); a handler on a route without that
 * filter gets an {@link IllegalStateException} (a wiring mistake fails closed, it never runs unauthenticated).
 */
public final class AuthenticatedRequest {

    static final String CALLER = AuthenticatedRequest.class.getName() + ".caller";
    static final String OPERATOR = AuthenticatedRequest.class.getName() + ".operator";
    static final String BODY = AuthenticatedRequest.class.getName() + ".body";

    private AuthenticatedRequest() {
    }

    public static Caller caller(ServerRequest request) {
        return caller(request.servletRequest());
    }

    public static Caller caller(HttpServletRequest request) {
        return require(request, CALLER, Caller.class);
    }

    /** The verified caller, or {@code null} where the route identifies without requiring it (an address not offered). */
    public static Caller knownCaller(ServerRequest request) {
        return knownCaller(request.servletRequest());
    }

    public static Caller knownCaller(HttpServletRequest request) {
        return request.getAttribute(CALLER) instanceof Caller caller ? caller : null;
    }

    public static Operator operator(ServerRequest request) {
        return operator(request.servletRequest());
    }

    public static Operator operator(HttpServletRequest request) {
        return require(request, OPERATOR, Operator.class);
    }

    /** The request body, read by {@link BodySizeLimit} (empty when the request had none). */
    public static byte[] body(ServerRequest request) {
        return body(request.servletRequest());
    }

    public static byte[] body(HttpServletRequest request) {
        return require(request, BODY, byte[].class);
    }

    /**
     * The request body, taken off the request: the caller holds the only reference from now on, so a request that
     * answers for a long time (a stream) keeps the body only as long as its handler does.
     */
    public static byte[] takeBody(HttpServletRequest request) {
        byte[] body = body(request);
        request.removeAttribute(BODY);
        return body;
    }

    private static <T> T require(HttpServletRequest request, String name, Class<T> type) {
        Object value = request.getAttribute(name);
        if (!type.isInstance(value)) {
            throw new IllegalStateException("route has no " + name.substring(name.lastIndexOf('.') + 1) + " filter");
        }
        return type.cast(value);
    }
}
