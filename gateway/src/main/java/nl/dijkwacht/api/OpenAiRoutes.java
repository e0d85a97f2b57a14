package nl.dijkwacht.api;

import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.dijkwacht.audit.AuditTrail;
import nl.dijkwacht.config.DijkwachtProperties;
import nl.dijkwacht.api.filter.RouteFilters;
import nl.dijkwacht.api.filter.RouteKind;
import nl.dijkwacht.limits.CallerLimits;
import nl.dijkwacht.openai.WireFormat;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.response.ReplyRewriter;
import nl.dijkwacht.routing.ModelRouter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The OpenAI surface as Spring Cloud Gateway (Server WebMVC) routes. The handlers proxy to the model chosen by
 * policy rather than to a fixed URI, which is why they are our own handler functions and not {@code http()}:
 * see docs/adr/0001-gateway-handlers.md. Authentication and the body-size limit are the route's filters
 * ({@link RouteFilters}); the handlers receive the verified caller and the body.
 */
@Configuration(proxyBeanMethods = false)
public class OpenAiRoutes {

    /** Model-API requests refused by a route filter still get an audit record. */
    @Bean
    AuditedEarlyRefusals auditedEarlyRefusals(AuditTrail audit, nl.dijkwacht.tenancy.Tenants tenants,
                                              nl.dijkwacht.audit.OperatorActionLog operatorActions,
                                              UnidentifiedRefusalRecords unidentifiedRefusalRecords) {
        return new AuditedEarlyRefusals(audit, tenants, operatorActions, unidentifiedRefusalRecords);
    }

    /** Refusals of unidentified operator requests: one record per source, reason and interval, then their count. */
    @Bean(destroyMethod = "close")
    UnidentifiedRefusalRecords unidentifiedRefusalRecords(nl.dijkwacht.audit.OperatorActionLog operatorActions,
                                                          nl.dijkwacht.identity.IdentityProperties identity,
                                                          java.time.Clock policyClock) {
        java.time.Duration interval = identity.unidentifiedRefusalInterval();
        return new UnidentifiedRefusalRecords(operatorActions, policyClock, interval,
                UnidentifiedRefusalRecords.sweepFor(interval));
    }

    @Bean
    RouterFunction<ServerResponse> openAiRouterFunction(nl.dijkwacht.tenancy.Tenants tenants, DijkwachtProperties properties, RequestPipeline pipeline,
                                                ModelRouter router, ReplyRewriter replies,
                                                AuditTrail audit, RouteFilters routeFilters, ObjectMapper dijkwachtJson,
                                                CallerLimits callerLimits, WireFormat wireFormat,
                                                nl.dijkwacht.audit.RequestsInFlight inFlight) {
        RequestEntry entry = new RequestEntry(tenants);
        OpenAiErrorWriter errors = new OpenAiErrorWriter(dijkwachtJson);
        ChatCompletionsHandler chat = new ChatCompletionsHandler(entry, pipeline, router, replies, audit, errors, dijkwachtJson, callerLimits, wireFormat,
                inFlight);
        ModelsHandler models = new ModelsHandler(entry, audit, errors, dijkwachtJson);
        return route("openai")
                .POST("/v1/chat/completions", chat::chat)
                .POST("/v1/embeddings", chat::embeddings)
                .POST("/v1/responses", chat::responses)
                .POST("/v1/completions", chat::completions)
                .GET("/v1/models", models::list)
                .GET("/v1/models/{id}", models::one)
                .filter(routeFilters.forRoute(RouteKind.TOOL, properties.maxBodyBytes()))
                .build();
    }

    /**
     * A wrong method on any gateway address (model API, admin, auditor, public) answers 405 with {@code Allow} in the
     * OpenAI error format, not "not found", and an address under /v1/ that nothing takes 404 — recorded when a known
     * tool called it; ordered after every other router function.
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    RouterFunction<ServerResponse> notOfferedRoutes(org.springframework.beans.factory.ObjectProvider<RouterFunction<?>> routes,
                                                    ObjectMapper dijkwachtJson, RouteFilters routeFilters,
                                                    nl.dijkwacht.api.filter.EarlyRefusals earlyRefusals) {
        return new NotOfferedRoutes(routes, new OpenAiErrorWriter(dijkwachtJson), routeFilters, earlyRefusals);
    }
}
