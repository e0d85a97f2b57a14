package nl.dijkwacht.audit.web;

import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.format.DateTimeParseException;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.api.filter.RouteFilters;
import nl.dijkwacht.api.filter.RouteKind;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.limits.AuthFailureStore;
import nl.dijkwacht.pipeline.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /audit/v1/auth-failures} (auditor role): failed authentications and callers refused before
 * authentication, per source, minute and reason — so a key-guessing flood is visible without one audit record per
 * attempt. Query: {@code from}, {@code to} (ISO instants; default the last 24 hours), {@code source}, {@code limit}.
 */
public final class AuthFailureRoutes {

    private static final Logger log = LoggerFactory.getLogger(AuthFailureRoutes.class);
    private static final int MAX_ROWS = 10_000;

    private final AuthFailureStore store;
    private final OpenAiErrorWriter errors;
    private final ObjectMapper json;
    private final Clock clock;

    private final OperatorActionLog actions;

    /** Failed sign-ins happen before anyone's tenant is known: they are the default tenant's (the service operator's). */
    private final java.util.function.Predicate<String> isDefaultTenant;

    public AuthFailureRoutes(AuthFailureStore store, ObjectMapper json, Clock clock, OperatorActionLog actions,
                             java.util.function.Predicate<String> isDefaultTenant) {
        this.isDefaultTenant = isDefaultTenant;
        this.store = store;
        this.actions = actions;
        this.errors = new OpenAiErrorWriter(json);
        this.json = json;
        this.clock = clock;
    }

    /** A GET without a body: the route's body limit is small. */
    public RouterFunction<ServerResponse> routes(RouteFilters filters) {
        return route("dijkwacht-auth-failures")
                .GET("/audit/v1/auth-failures", this::list)
                .filter(filters.forRoute(RouteKind.AUDITOR, 1024))
                .build();
    }

    private ServerResponse list(ServerRequest request) {
        return ServerResponse.ok().build((req, res) -> {
            Operator operator = AuthenticatedRequest.operator(req);
            log.info("audit access by {}: {} {}", operator.id(), req.getMethod(), req.getRequestURI());
            OperatorActionLog.Entry action = actions.start(operator, req.getMethod(), req.getRequestURI());
            Instant to;
            Instant from;
            int limit;
            try {
                to = instant(req.getParameter("to"), clock.instant());
                from = instant(req.getParameter("from"), to.minus(Duration.ofDays(1)));
                limit = req.getParameter("limit") == null ? 1000 : Integer.parseInt(req.getParameter("limit"));
            } catch (DateTimeParseException | NumberFormatException e) {
                Refusal refusal = Refusal.badRequest("invalid_audit_request",
                        "Gebruik from/to als tijdstip (2026-03-01T00:00:00Z) en limit als geheel getal.", null);
                errors.write(res, refusal);
                actions.finish(action, refusal.status(), refusal.code());
                return null;
            }
            String source = req.getParameter("source");
            // an address is personal data: the record notes only that one was asked for
            action.param("from", from).param("to", to).param("source_given", source == null ? null : "true");
            ObjectNode body = json.createObjectNode().put("from", from.toString()).put("to", to.toString());
            long total = 0;
            ArrayNode sources = body.putArray("sources");
            // another tenant's auditor gets the same shape, empty: the counts are not theirs
            boolean own = isDefaultTenant.test(operator.tenant());
            for (AuthFailureStore.Row row : own ? store.sources(from, to, MAX_ROWS) : List.<AuthFailureStore.Row>of()) {
                if (source == null || source.equals(row.source())) {
                    sources.addObject().put("source", row.source()).put("attempts", row.attempts());
                    total += row.attempts();
                }
            }
            body.put("total_attempts", total);
            ArrayNode minutes = body.putArray("minutes");
            for (AuthFailureStore.Row row : own ? store.minutes(from, to, source, Math.max(1, Math.min(limit, MAX_ROWS)))
                    : List.<AuthFailureStore.Row>of()) {
                minutes.addObject().put("minute", row.minute().toString()).put("source", row.source())
                        .put("reason", row.reason()).put("attempts", row.attempts());
            }
            actions.finish(action, 200, null);
            res.setStatus(200);
            res.setContentType("application/json");
            json.writeValue(res.getOutputStream(), body);
            return null;
        });
    }

    private static Instant instant(String value, Instant fallback) {
        return value == null || value.isBlank() ? fallback : Instant.parse(value);
    }
}
