package nl.dijkwacht.limits;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.dijkwacht.policy.PolicySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dijkwacht_budget_used_ratio{tenant, budget}}: the share of each tenant token budget used in its period, read
 * against the tenant's own limits.yaml, from the buckets every {@code interval} (not on every scrape: in Redis that is a round trip per budget). The alert
 * in deploy/monitoring fires above 0.9.
 */
public final class BudgetGauge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BudgetGauge.class);

    private final CallerLimits limits;
    private final Function<String, PolicySet> policyOf;
    private final MultiGauge gauge;
    private final ScheduledExecutorService scheduler;

    /** @param policyOf the policy in force for a tenant id, {@code null} for one no longer configured */
    public BudgetGauge(CallerLimits limits, Function<String, PolicySet> policyOf, MeterRegistry registry, Duration interval) {
        this.limits = limits;
        this.policyOf = policyOf;
        this.gauge = MultiGauge.builder("dijkwacht.budget.used.ratio")
                .description("Share of a token budget used in its period (tokens-per-day, tokens-per-month of a tenant)")
                .register(registry);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "budget-gauge");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the budgets now (also what the schedule does). */
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        limits.tenantBudgetUse(policyOf).forEach((tenant, shares) -> shares.forEach((kind, share) ->
                rows.add(MultiGauge.Row.of(Tags.of("tenant", tenant, "budget", kind.yamlName()), share))));
        gauge.register(rows, true);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("token budget gauge not refreshed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
