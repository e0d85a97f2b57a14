package nl.dijkwacht.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import nl.dijkwacht.audit.AuditProperties;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.web.AuthFailureRoutes;
import nl.dijkwacht.api.filter.RouteFilters;
import nl.dijkwacht.limits.AuthFailureCounter;
import nl.dijkwacht.limits.AuthFailureStore;
import nl.dijkwacht.limits.BucketStore;
import nl.dijkwacht.limits.BudgetGauge;
import nl.dijkwacht.limits.CallerLimits;
import nl.dijkwacht.limits.ClientAddress;
import nl.dijkwacht.limits.RequestRateStep;
import nl.dijkwacht.limits.SettlementRetry;
import nl.dijkwacht.limits.SourceGuard;
import nl.dijkwacht.limits.SourceLimitFilter;
import nl.dijkwacht.limits.TokenBudgetStep;
import nl.dijkwacht.limits.TokenEstimator;
import nl.dijkwacht.policy.ActivePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Budgets (issue 8, item 4): the buckets (in memory, or in Redis when {@code dijkwacht.limits.redis-url} is set),
 * the caller's limits from policies/limits.yaml, and the steps that apply them; the limit on callers that have not
 * authenticated yet (a gateway filter, first on every route that takes a key) and the failed-authentication counts.
 */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration {

    @Bean(destroyMethod = "close")
    BucketStore bucketStore(DijkwachtProperties properties) {
        DijkwachtProperties.Limits limits = properties.limits();
        if (limits.redisUrl() == null || limits.redisUrl().isBlank()) {
            return BucketStore.inMemory(limits.maxBuckets());
        }
        try {
            return BucketStore.redis(limits.redisUrl(), limits.redisKeyPrefix(), limits.redisTimeout());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("dijkwacht.limits.redis-url", "this is not a Redis URL.",
                    "Use the form redis://host:6379 (or rediss:// for TLS, redis://:password@host:6379/0).");
        }
    }

    @Bean
    CallerLimits callerLimits(BucketStore bucketStore, Pseudonymizer pseudonymizer, DijkwachtProperties properties) {
        return new CallerLimits(bucketStore, pseudonymizer::pseudonym, properties.limits().requestsPerMinute(), Clock.systemUTC());
    }

    @Bean
    RequestRateStep requestRateStep(CallerLimits callerLimits) {
        return new RequestRateStep(callerLimits);
    }

    @Bean
    TokenBudgetStep tokenBudgetStep(CallerLimits callerLimits) {
        return new TokenBudgetStep(callerLimits, new TokenEstimator());
    }

    /** Source limits are always in memory (no round trip before authentication), in a store of their own. */
    @Bean
    SourceGuard sourceGuard(ActivePolicy policy, CallerLimits callerLimits, AuthFailureCounter authFailureCounter,
                            DijkwachtProperties properties) {
        return new SourceGuard(BucketStore.inMemory(properties.limits().maxBuckets()),
                () -> callerLimits.limitsOf(policy.current()).unauthenticatedPerMinute(), authFailureCounter);
    }

    @Bean
    SourceLimitFilter sourceLimitFilter(SourceGuard sourceGuard, DijkwachtProperties properties, ObjectMapper dijkwachtJson) {
        return new SourceLimitFilter(sourceGuard, new ClientAddress(properties.limits().trustedProxies()),
                request -> request.servletRequest().getRemoteAddr(), dijkwachtJson);
    }

    @Bean
    AuthFailureStore authFailureStore(JdbcTemplate jdbc, AuditProperties audit) {
        return new AuthFailureStore(jdbc, audit.chainId());
    }

    @Bean(destroyMethod = "close")
    AuthFailureCounter authFailureCounter(AuthFailureStore authFailureStore, DijkwachtProperties properties) {
        DijkwachtProperties.AuthFailures settings = properties.limits().authFailures();
        return new AuthFailureCounter(authFailureStore, Clock.systemUTC(), settings.maxSourcesPerMinute(),
                Duration.ofDays(settings.retentionDays()), settings.flushInterval());
    }

    @Bean
    RouterFunction<ServerResponse> authFailureRouterFunction(AuthFailureStore authFailureStore, ObjectMapper dijkwachtJson,
                                                             RouteFilters routeFilters,
                                                             nl.dijkwacht.audit.OperatorActionLog operatorActions,
                                                             nl.dijkwacht.tenancy.Tenants tenants) {
        return new AuthFailureRoutes(authFailureStore, dijkwachtJson, Clock.systemUTC(), operatorActions,
                t -> t == null || t.equals(tenants.defaultTenant().id())).routes(routeFilters);
    }

    /** Settlements that wait for Redis, applied every second once it answers; their gauge and lost counter. */
    @Bean(destroyMethod = "close")
    SettlementRetry settlementRetry(CallerLimits callerLimits, MeterRegistry meterRegistry) {
        return new SettlementRetry(callerLimits, meterRegistry, Duration.ofSeconds(1));
    }

    /** dijkwacht_budget_used_ratio{tenant,budget}, refreshed every 30 s (docs/deployment.md, deploy/monitoring). */
    @Bean(destroyMethod = "close")
    BudgetGauge budgetGauge(CallerLimits callerLimits, nl.dijkwacht.tenancy.Tenants tenants, MeterRegistry meterRegistry) {
        return new BudgetGauge(callerLimits, id -> tenants.find(id).map(t -> t.policy().current()).orElse(null),
                meterRegistry, Duration.ofSeconds(30));
    }
}
