package nl.dijkwacht.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Router functions have no 405 of their own: a wrong method on a known address would be "not found". This one, ordered
 * after every other router function, asks all of them (model API, admin, auditor, tool feedback, public) whether the
 * address takes another method; if so it answers 405 with {@code Allow} in the OpenAI error format in Dutch (and an
 * {@code OPTIONS} request 204 with {@code Allow}). Otherwise it does not match, and the request ends as a 404 in the
 * same format ({@link OpenAiErrorController}). The console's annotated controllers get their 405 from Spring MVC.
 */
final class WrongMethodRoutes implements RouterFunction<ServerResponse> {

    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final ObjectProvider<RouterFunction<?>> routes;
    private final OpenAiErrorWriter errors;
    /** The other router functions, looked up once on first use (they include this one, which is a bean too). */
    private volatile List<RouterFunction<?>> others;

    WrongMethodRoutes(ObjectProvider<RouterFunction<?>> routes, OpenAiErrorWriter errors) {
        this.routes = routes;
        this.errors = errors;
    }

    @Override
    public Optional<HandlerFunction<ServerResponse>> route(ServerRequest request) {
        // router functions without an order share the lowest precedence with this one: never stand in for one that takes it
        if (takes(ServerRequest.from(request).build())) {
            return Optional.empty();
        }
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (HttpMethod method : METHODS) {
            if (!method.equals(request.method()) && takes(ServerRequest.from(request).method(method).build())) {
                allowed.add(method);
            }
        }
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        allowed.add(HttpMethod.OPTIONS);
        String allow = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        if (HttpMethod.OPTIONS.equals(request.method())) {
            return Optional.of(r -> ServerResponse.noContent().header("Allow", allow).build());
        }
        return Optional.of(r -> ServerResponse.status(405).header("Allow", allow).build((req, res) -> {
            errors.write(res, HttpErrors.forStatus(405));
            return null;
        }));
    }

    private boolean takes(ServerRequest probe) {
        List<RouterFunction<?>> known = others;
        if (known == null) {
            known = routes.orderedStream().filter(r -> r != this).collect(Collectors.toList());
            others = known;
        }
        for (RouterFunction<?> route : known) {
            if (route.route(probe).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
