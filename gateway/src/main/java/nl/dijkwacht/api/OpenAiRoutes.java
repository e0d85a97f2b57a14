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
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.response.ReplyRewriter;
import nl.dijkwacht.routing.ModelRouter;
import org.springframework.beans.factory.annotation.Value;
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
    AuditedEarlyRefusals auditedEarlyRefusals(AuditTrail audit, ActivePolicy policy,
                                              nl.dijkwacht.audit.OperatorActionLog operatorActions) {
        return new AuditedEarlyRefusals(audit, policy, operatorActions);
    }

    /** Warms the request path before readiness (see {@link StartupWarmUp}); off in the test suite. */
    @Bean
    StartupWarmUp startupWarmUp(ActivePolicy policy, RequestPipeline pipeline, ModelRouter router, ReplyRewriter replies,
                                ObjectMapper dijkwachtJson, DijkwachtProperties properties,
                                @Value("${dijkwacht.warm-up.enabled:true}") boolean enabled,
                                @Value("${dijkwacht.warm-up.requests:20000}") int requests,
                                @Value("${dijkwacht.warm-up.max-time:30s}") java.time.Duration maxTime,
                                @Value("${dijkwacht.warm-up.ready-within:0s}") java.time.Duration readyWithin,
                                @Value("${dijkwacht.warm-up.min-time:10s}") java.time.Duration minTime,
                                @Value("${dijkwacht.warm-up.until-steady:true}") boolean untilSteady,
                                @Value("${dijkwacht.warm-up.over-http:true}") boolean overHttp,
                                @Value("${dijkwacht.warm-up.http-threads:1}") int httpThreads,
                                @Value("${dijkwacht.warm-up.http-requests:" + Integer.MAX_VALUE + "}") int httpRequests,
                                @Value("${dijkwacht.warm-up.upstream-call:true}") boolean upstreamCall,
                                nl.dijkwacht.invoke.IdleWatchdog idleWatchdog,
                                nl.dijkwacht.identity.WarmUpPass warmUpPass,
                                org.springframework.context.ApplicationContext context,
                                org.springframework.core.env.Environment environment) {
        return new StartupWarmUp(policy, pipeline, router, replies, dijkwachtJson, properties.tenant(), enabled,
                new StartupWarmUp.Bounds(requests, maxTime, readyWithin, minTime, untilSteady), warmUpPass, () -> overHttp ? loopbackUrl(context, environment) : null,
                httpThreads, httpRequests, upstreamCall
                        ? () -> nl.dijkwacht.invoke.LoopbackUpstream.start(dijkwachtJson, idleWatchdog, router.invoker().settings())
                        : StartupWarmUp.UpstreamRehearsal.OFF);
    }

    /** The gateway's own port on loopback (or on the one address it is bound to); {@code null} without a web server. */
    static String loopbackUrl(org.springframework.context.ApplicationContext context, org.springframework.core.env.Environment environment) {
        if (!(context instanceof org.springframework.boot.web.server.context.WebServerApplicationContext web)
                || web.getWebServer() == null || web.getWebServer().getPort() <= 0) {
            return null;
        }
        String address = environment.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + web.getWebServer().getPort()
                + environment.getProperty("server.servlet.context-path", "");
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
     * OpenAI error format, not "not found"; ordered after every other router function.
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    RouterFunction<ServerResponse> wrongMethodRoutes(org.springframework.beans.factory.ObjectProvider<RouterFunction<?>> routes,
                                                     ObjectMapper dijkwachtJson) {
        return new WrongMethodRoutes(routes, new OpenAiErrorWriter(dijkwachtJson));
    }
}
