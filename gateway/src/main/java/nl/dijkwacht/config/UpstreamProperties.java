package nl.dijkwacht.config;

import java.time.Duration;
import nl.dijkwacht.invoke.RetrySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dijkwacht.upstreams.*}: how patient the gateway is with model upstreams. Per-model settings (timeouts,
 * circuit breaker, concurrency) live in models-config/.
 *
 * @param deadline     per request, across retries and fallbacks, until the answer begins (default 180s)
 * @param maxRetryWait longest {@code Retry-After} worth waiting for (default 5s)
 * @param maxWaits     waits for a {@code Retry-After} per model call (default 1)
 */
@ConfigurationProperties("dijkwacht.upstreams")
public record UpstreamProperties(Duration deadline, Duration maxRetryWait, Integer maxWaits) {

    public RetrySettings settings() {
        RetrySettings d = RetrySettings.DEFAULT;
        return new RetrySettings(deadline == null ? d.deadline() : deadline,
                maxRetryWait == null ? d.maxRetryWait() : maxRetryWait,
                maxWaits == null ? d.maxWaits() : maxWaits);
    }
}
