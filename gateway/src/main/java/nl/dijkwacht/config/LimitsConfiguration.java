package nl.dijkwacht.config;

import java.time.Clock;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.limits.BucketStore;
import nl.dijkwacht.limits.CallerLimits;
import nl.dijkwacht.limits.RequestRateStep;
import nl.dijkwacht.limits.TokenBudgetStep;
import nl.dijkwacht.limits.TokenEstimator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Budgets (issue 8, item 4): the buckets (in memory, or in Redis when {@code dijkwacht.limits.redis-url} is set),
 * the caller's limits from policies/limits.yaml, and the steps that apply them.
 */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration {

    @Bean(destroyMethod = "close")
    BucketStore bucketStore(DijkwachtProperties properties) {
        DijkwachtProperties.Limits limits = properties.limits();
        return limits.redisUrl() == null || limits.redisUrl().isBlank()
                ? BucketStore.inMemory(limits.maxBuckets())
                : BucketStore.redis(limits.redisUrl(), limits.redisKeyPrefix(), limits.redisTimeout());
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
}
