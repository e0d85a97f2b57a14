package nl.dijkwacht.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.api.filter.EarlyRefusal;
import nl.dijkwacht.api.filter.EarlyRefusals;
import nl.dijkwacht.api.filter.RouteFilters;
import nl.dijkwacht.api.filter.RouteKind;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What no other route takes, ordered after every other router function. Router functions have no 405 of their own: a
 * wrong method on a known address would be "not found". This one asks all of them (model API, admin, auditor, tool
 * feedback, public) whether the address takes another method; if so it answers 405 with {@code Allow} in the OpenAI
 * error format in Dutch (and an {@code OPTIONS} request 204 with {@code Allow}). Under {@code /v1/} it also answers an
 * address nobody takes (an OpenAI endpoint Dijkwacht does not offer, such as {@code POST /v1/audio/speech}) with a
 * 404 that names the OpenAI endpoints it does offer ({@link #MODEL_API_NOT_FOUND}), after the route filters for such addresses ({@link RouteFilters#whereNothingIsOffered}):
 * when the caller's key or token is accepted, the call gets an audit record (refused, {@code endpoint_not_supported}
 * or {@code method_not_allowed}, the method and the address's shape, {@link AddressShape}) and the answer its trace
 * id; nobody else's call is recorded. An OpenAI address outside {@code /v1} ({@link MisplacedBaseUrl}: a tool's base URL
 * without {@code /v1}) gets a 404 naming the base URL to set, recorded the same way but once a minute per tool and
 * address. Elsewhere an unknown address ends as a 404 of the error page
 * ({@link OpenAiErrorController}). The console's annotated controllers get their 405 from Spring MVC.
 */
final class NotOfferedRoutes implements RouterFunction<ServerResponse> {

    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    /** What the audit record of a known caller's call to an address not offered says (the answer is the plain 404/405). */
    static final Refusal ENDPOINT_NOT_SUPPORTED = Refusal.notFound("endpoint_not_supported",
            "Dijkwacht biedt dit adres niet aan.", null);
    /**
     * The answer to an address under {@code /v1/} that nothing takes, the same for everyone. The generic 404 says to use
     * the OpenAI addresses under {@code /v1}, which a tool calling {@code /v1/audio/speech} already does.
     */
    static final Refusal MODEL_API_NOT_FOUND = Refusal.notFound("not_found", "Dit adres biedt Dijkwacht niet aan. Van de"
            + " OpenAI-API biedt Dijkwacht POST /v1/chat/completions, /v1/responses, /v1/completions en /v1/embeddings, en"
            + " GET /v1/models.", null);
    static final Refusal METHOD_NOT_ALLOWED = new Refusal(405, Refusal.INVALID_REQUEST, "method_not_allowed",
            "Dijkwacht biedt deze methode voor dit adres niet aan.", null);

    private final ObjectProvider<RouterFunction<?>> routes;
    private final OpenAiErrorWriter errors;
    private final RouteFilters filters;
    private final EarlyRefusals refusals;
    private final MisplacedBaseUrl misplaced = new MisplacedBaseUrl();
    /** The other router functions, looked up once on first use (they include this one, which is a bean too). */
    private volatile List<RouterFunction<?>> others;

    NotOfferedRoutes(ObjectProvider<RouterFunction<?>> routes, OpenAiErrorWriter errors, RouteFilters filters,
                     EarlyRefusals refusals) {
        this.routes = routes;
        this.errors = errors;
        this.filters = filters;
        this.refusals = refusals;
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
        boolean modelApi = modelApi(request.path());
        if (allowed.isEmpty()) {
            if (!modelApi && MisplacedBaseUrl.matches(request.path())) {
                return Optional.of(filters.whereNothingIsOffered().apply(this::misplaced));
            }
            return modelApi ? Optional.of(filters.whereNothingIsOffered().apply(r -> answer(r, 404, null))) : Optional.empty();
        }
        allowed.add(HttpMethod.OPTIONS);
        String allow = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        if (HttpMethod.OPTIONS.equals(request.method())) {
            return Optional.of(r -> ServerResponse.noContent().header("Allow", allow).build());
        }
        HandlerFunction<ServerResponse> wrongMethod = r -> answer(r, 405, allow);
        return Optional.of(modelApi ? filters.whereNothingIsOffered().apply(wrongMethod) : wrongMethod);
    }

    static boolean modelApi(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    /** The same 404/405 for everyone; a known caller's call is recorded first and the answer carries its trace id. */
    private ServerResponse answer(ServerRequest request, int status, String allow) {
        ServerResponse.BodyBuilder answer = ServerResponse.status(status);
        if (allow != null) {
            answer.header("Allow", allow);
        }
        if (AuthenticatedRequest.knownCaller(request) != null) {
            EarlyRefusal recorded = refusals.report(request, RouteKind.TOOL, status == 405 ? METHOD_NOT_ALLOWED : ENDPOINT_NOT_SUPPORTED);
            answer.header(CallerHeaders.TRACE_ID, recorded.traceId());
        }
        Refusal refusal = status == 404 ? MODEL_API_NOT_FOUND : HttpErrors.forStatus(status);
        return answer.build((req, res) -> {
            errors.write(res, refusal);
            return null;
        });
    }

    /** An OpenAI address outside {@code /v1}: the base URL to set, and a known tool's call recorded once a minute. */
    private ServerResponse misplaced(ServerRequest request) {
        Refusal refusal = MisplacedBaseUrl.refusal(request);
        ServerResponse.BodyBuilder answer = ServerResponse.status(404);
        var caller = AuthenticatedRequest.knownCaller(request);
        if (caller != null) {
            answer.header(CallerHeaders.TRACE_ID, misplaced.traceId(caller, request,
                    () -> refusals.report(request, RouteKind.TOOL, refusal).traceId()));
        }
        return answer.build((req, res) -> {
            errors.write(res, refusal);
            return null;
        });
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
