package nl.dijkwacht.limits;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the token budget settlements that wait for Redis ({@link CallerLimits#retrySettlements}) every
 * {@code interval} on a thread of its own, and shows them: {@code dijkwacht_budget_settlements_pending} (waiting now),
 * {@code dijkwacht_budget_settlements_lost_total} (given up) and {@code dijkwacht_budget_settlements_outages_total} (times
 * settlements began to wait; each logs one warning). Nothing pending: no round trip.
 */
public final class SettlementRetry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SettlementRetry.class);

    private final CallerLimits limits;
    private final ScheduledExecutorService scheduler;

    public SettlementRetry(CallerLimits limits, MeterRegistry registry, Duration interval) {
        this.limits = limits;
        Gauge.builder("dijkwacht.budget.settlements.pending", limits, CallerLimits::pendingSettlements)
                .description("Token budget settlements waiting for the limits store (Redis) to answer again")
                .register(registry);
        FunctionCounter.builder("dijkwacht.budget.settlements.lost", limits, CallerLimits::lostSettlements)
                .description("Token budget settlements given up: queue full, their periods over or outcome unknown too long")
                .register(registry);
        FunctionCounter.builder("dijkwacht.budget.settlements.outages", limits, CallerLimits::settlementOutages)
                .description("Times the limits store (Redis) did not take a settlement and settlements began to wait")
                .register(registry);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settlement-retry");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::retryQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retryQuietly() {
        try {
            limits.retrySettlements();
        } catch (RuntimeException e) {
            log.warn("token budget settlements not retried: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
