package nl.dijkwacht.telemetry;

import java.time.Duration;
import nl.dijkwacht.config.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.telemetry.*}: the gateway's own checks behind its metrics.
 *
 * @param chainCheckInterval how often this replica verifies its own audit chains for {@code dijkwacht_audit_chain_valid}
 *                           ({@link ChainWatch}; default 1h); {@code 0}: never
 * @param chainFullWalkInterval how long the checks may resume after the last link they verified before one walks the
 *                              whole chain again (default 24h: an edit of an older record is caught within a day);
 *                              {@code 0}: every check walks the whole chain
 */
@ConfigurationProperties("dijkwacht.telemetry")
public record TelemetryProperties(Duration chainCheckInterval, Duration chainFullWalkInterval) {

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
        if (chainFullWalkInterval == null) {
            chainFullWalkInterval = ChainWatch.DEFAULT_FULL_WALK_INTERVAL;
        } else if (chainFullWalkInterval.isNegative()) {
            throw new InvalidSettingException("dijkwacht.telemetry.chain-full-walk-interval",
                    "the interval must be 0 (every check walks the whole chain) or longer.", "Leave it out for the default (24h).");
        }
    }
}
