package nl.dijkwacht.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import nl.dijkwacht.invoke.ModelClients;
import nl.dijkwacht.invoke.ModelInvoker;
import nl.dijkwacht.invoke.UpstreamPool;
import nl.dijkwacht.routing.ModelRouter;
import nl.dijkwacht.routing.RoutingRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model call path behind the pipeline: upstream servers with their circuit breakers (exported as
 * {@code resilience4j_circuitbreaker_*} metrics), the invoker that calls one model, and the router that owns
 * fallback. Used by the OpenAI handlers, {@code /admin/explain} and anything else that calls a model.
 */
@Configuration(proxyBeanMethods = false)
public class UpstreamConfiguration {

    @Bean
    UpstreamPool upstreamPool(ObjectProvider<MeterRegistry> meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        meters.ifAvailable(m -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(m));
        return new UpstreamPool(registry);
    }

    @Bean
    ModelInvoker modelInvoker(ModelClients modelClients, UpstreamPool upstreamPool, UpstreamProperties properties) {
        return new ModelInvoker(modelClients, upstreamPool, properties.settings());
    }

    @Bean
    ModelRouter modelRouter(ModelInvoker modelInvoker, RoutingRules routingRules) {
        return new ModelRouter(modelInvoker, routingRules);
    }
}
