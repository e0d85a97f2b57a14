package nl.dijkwacht.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.policy.*}: how the running gateway notices edited policy files (every tenant's watcher alike).
 *
 * @param pollInterval how often the YAML files of policies/ and models-config/ are hashed for a change and the kill
 *                     switches re-read ({@link nl.dijkwacht.policy.PolicyWatcher}; default 500ms: a kill switch on one
 *                     replica is in force on all of them within a second); {@code 0}: not polled
 */
@ConfigurationProperties("dijkwacht.policy")
public record PolicyProperties(Duration pollInterval) {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    /** A value below zero or between zero and a millisecond stops the start ({@link InvalidSettingException}). */
    public PolicyProperties {
        if (pollInterval == null) {
            pollInterval = DEFAULT_POLL_INTERVAL;
        } else if (pollInterval.isNegative() || (!pollInterval.isZero() && pollInterval.toMillis() == 0)) {
            // the watcher schedules in whole milliseconds: 0 < interval < 1ms would stop the start with a stack trace
            throw new InvalidSettingException("dijkwacht.policy.poll-interval",
                    "the interval must be 0 (not polled) or at least 1ms.", "Leave it out for the default (500ms).");
        }
    }
}
