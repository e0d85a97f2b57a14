package nl.dijkwacht.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/** Requests per minute per caller (tenant, tool and user) with Bucket4j; over the limit gives 429 with Retry-After. */
public final class RateLimitStep implements PolicyStep {

    private final BucketStore store;
    private final BucketConfiguration perCaller;

    public RateLimitStep(BucketStore store, long requestsPerMinute) {
        this.store = store;
        this.perCaller = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    @Override
    public String id() {
        return "rate-limit";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        Caller caller = exchange.caller();
        String key = caller.tenant() + ':' + caller.toolId() + ':' + (caller.userId() == null ? "-" : caller.userId());
        ConsumptionProbe probe = store.tryConsume(key, 1, perCaller);
        if (probe.isConsumed()) {
            return Outcome.CONTINUE;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        return Outcome.deny(Refusal.rateLimited("rate_limit_exceeded",
                "U heeft te veel verzoeken in korte tijd gedaan. Probeer het over " + seconds + " seconden opnieuw.")
                .withRetryAfter(seconds), "rate-limit:requests-per-minute");
    }
}
