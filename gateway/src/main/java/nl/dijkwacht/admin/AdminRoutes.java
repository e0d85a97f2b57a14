package nl.dijkwacht.admin;

import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.config.DijkwachtProperties;
import nl.dijkwacht.identity.OperatorAccess;
import nl.dijkwacht.identity.OperatorRole;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.SuspensionStore;
import nl.dijkwacht.response.Disclaimer;
import nl.dijkwacht.routing.RoutingRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Admin endpoints for policy as code. All need an operator key with role {@code admin} (policies/operators.yaml);
 * errors use the OpenAI error format with Dutch messages. See docs/policy-reference.md.
 */
@Configuration(proxyBeanMethods = false)
public class AdminRoutes {

    @Bean
    PolicyAdministration policyAdministration(ActivePolicy policy, SuspensionStore suspensions, Clock policyClock) {
        return new PolicyAdministration(policy, suspensions, policyClock);
    }

    @Bean
    Explainer explainer(ActivePolicy policy, RequestPipeline pipeline, PiiEngine piiDetector, Disclaimer disclaimer,
                        RoutingRules routingRules, ObjectMapper dijkwachtJson, DijkwachtProperties properties) {
        return new Explainer(policy, pipeline, piiDetector, disclaimer, routingRules, dijkwachtJson, properties.tenant());
    }

    @Bean
    RouterFunction<ServerResponse> adminRouterFunction(PolicyAdministration administration, Explainer explainer,
                                                       OperatorAccess access, ObjectMapper dijkwachtJson, Clock policyClock) {
        AdminResponses responses = new AdminResponses(access, new OpenAiErrorWriter(dijkwachtJson), dijkwachtJson);
        PolicyAdminHandler admin = new PolicyAdminHandler(administration, dijkwachtJson, policyClock);
        ExplainHandler explain = new ExplainHandler(explainer, dijkwachtJson);
        OperatorRole role = OperatorRole.ADMIN;
        return route("admin")
                .GET("/admin/policy", r -> responses.handle(r, role, admin::status))
                .POST("/admin/policy/reload", r -> responses.handle(r, role, admin::reload))
                .POST("/admin/models/{id}/suspend", r -> responses.handle(r, role, admin::suspendModel))
                .POST("/admin/models/{id}/resume", r -> responses.handle(r, role, admin::resumeModel))
                .POST("/admin/use-cases/{id}/suspend", r -> responses.handle(r, role, admin::suspendUseCase))
                .POST("/admin/use-cases/{id}/resume", r -> responses.handle(r, role, admin::resumeUseCase))
                .POST("/admin/explain", r -> responses.handle(r, role, explain::explain))
                .build();
    }
}
