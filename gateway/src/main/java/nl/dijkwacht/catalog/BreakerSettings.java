package nl.dijkwacht.catalog;

import java.time.Duration;

/**
 * The circuit breaker of each upstream of a model (models-config {@code circuit-breaker}). Over the last
 * {@code window} calls, once at least {@code minimumCalls} were made and {@code failureRatePercent} of them failed
 * (connection refused, timeout, 5xx, broken stream), the upstream is skipped without a call for {@code openFor};
 * then one probe call decides whether it is used again.
 */
public record BreakerSettings(int failureRatePercent, int minimumCalls, int window, Duration openFor) {

    public static final BreakerSettings DEFAULT = new BreakerSettings(50, 3, 10, Duration.ofSeconds(30));

    public BreakerSettings {
        if (failureRatePercent < 1 || failureRatePercent > 100 || minimumCalls < 1 || window < minimumCalls
                || openFor == null || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("invalid circuit-breaker settings");
        }
    }
}
