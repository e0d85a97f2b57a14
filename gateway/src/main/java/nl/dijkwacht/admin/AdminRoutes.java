package nl.dijkwacht.admin;

import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.config.DijkwachtProperties;
import nl.dijkwacht.api.filter.RouteFilters;
import nl.dijkwacht.api.filter.RouteKind;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.tenancy.Tenants;
import nl.dijkwacht.response.Disclaimer;
import nl.dijkwacht.routing.ModelRouter;
import nl.dijkwacht.routing.RoutingRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Admin endpoints for policy as code. All need the admin role: an operator key (policies/operators.yaml) or an
 * access token with the admin role claim, checked by the route's authentication filter; errors use the OpenAI error
 * format with Dutch messages. See docs/policy-reference.md.
 */
@Configuration(proxyBeanMethods = false)
public class AdminRoutes {

    @Bean
    PolicyAdministration policyAdministration(Tenants tenants, Clock policyClock) {
        return new PolicyAdministration(tenants, policyClock);
    }

    @Bean
    Explainer explainer(Tenants tenants, RequestPipeline pipeline, PiiEngine piiDetector, Disclaimer disclaimer,
                        RoutingRules routingRules, ModelRouter modelRouter, ObjectMapper dijkwachtJson) {
        return new Explainer(tenants, pipeline, piiDetector, disclaimer, routingRules, modelRouter, dijkwachtJson);
    }

    @Bean
    RouterFunction<ServerResponse> adminRouterFunction(PolicyAdministration administration, Explainer explainer,
                                                       RouteFilters routeFilters, ObjectMapper dijkwachtJson, Clock policyClock,
                                                       DijkwachtProperties properties, Tenants tenants, ModelRouter modelRouter,
                                                       OperatorActionLog operatorActions, nl.dijkwacht.audit.Pseudonymizer pseudonymizer) {
        AdminResponses responses = new AdminResponses(new OpenAiErrorWriter(dijkwachtJson), dijkwachtJson, operatorActions);
        PolicyAdminHandler admin = new PolicyAdminHandler(administration, dijkwachtJson, policyClock);
        ExplainHandler explain = new ExplainHandler(explainer, dijkwachtJson);
        PseudonymHandler pseudonyms = new PseudonymHandler(pseudonymizer, dijkwachtJson);
        UpstreamsHandler upstreams = new UpstreamsHandler(tenants, modelRouter.invoker().pool(), dijkwachtJson);
        return route("admin")
                .GET("/admin/policy", r -> responses.handle(r, admin::status))
                .POST("/admin/policy/reload", r -> responses.handle(r, admin::reload))
                .POST("/admin/models/{id}/suspend", r -> responses.handle(r, admin::suspendModel))
                .POST("/admin/models/{id}/resume", r -> responses.handle(r, admin::resumeModel))
                .POST("/admin/use-cases/{id}/suspend", r -> responses.handle(r, admin::suspendUseCase))
                .POST("/admin/use-cases/{id}/resume", r -> responses.handle(r, admin::resumeUseCase))
                .POST("/admin/explain", r -> responses.handle(r, explain::explain))
                .GET("/admin/upstreams", r -> responses.handle(r, upstreams::status))
                .POST("/admin/pseudonyms", r -> responses.handle(r, pseudonyms::pseudonyms))
                .filter(routeFilters.forRoute(RouteKind.ADMIN, properties.maxBodyBytes()))
                .build();
    }
}
