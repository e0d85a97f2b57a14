package nl.dijkwacht.telemetry;

import java.time.Duration;
import nl.dijkwacht.config.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.telemetry.*}: the gateway's own checks behind its metrics.
 *
 * @param chainCheckInterval how often this replica verifies its own audit chains for {@code dijkwacht_audit_chain_valid}
 *                           ({@link ChainWatch}; default 1h); {@code 0}: never
 */
@ConfigurationProperties("dijkwacht.telemetry")
public record TelemetryProperties(Duration chainCheckInterval) {

    static final Duration DEFAULT_CHAIN_CHECK_INTERVAL = Duration.ofHours(1);

    /** A value below zero or between zero and a millisecond stops the start ({@link InvalidSettingException}). */
    public TelemetryProperties {
        if (chainCheckInterval == null) {
            chainCheckInterval = DEFAULT_CHAIN_CHECK_INTERVAL;
        } else if (chainCheckInterval.isNegative() || (!chainCheckInterval.isZero() && chainCheckInterval.toMillis() == 0)) {
            // ChainWatch schedules in whole milliseconds: 0 < interval < 1ms would stop the start with a stack trace
            throw new InvalidSettingException("dijkwacht.telemetry.chain-check-interval",
                    "the interval must be 0 (never checked) or at least 1ms.", "Leave it out for the default (1h).");
        }
    }
}
