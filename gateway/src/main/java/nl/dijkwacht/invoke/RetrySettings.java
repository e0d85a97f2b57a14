package nl.dijkwacht.invoke;

import java.time.Duration;

/**
 * How patient the gateway is with upstreams ({@code dijkwacht.upstreams.*}).
 *
 * @param deadline     time a request has, across retries and fallbacks, for its answer to begin
 * @param maxRetryWait the longest {@code Retry-After} (of a 429 or 503) worth waiting for before retrying the same
 *                     upstream; a longer one sends the request on to the next upstream or model straight away
 * @param maxWaits     how many times one model call may wait for a {@code Retry-After}
 */
public record RetrySettings(Duration deadline, Duration maxRetryWait, int maxWaits) {

    public static final RetrySettings DEFAULT = new RetrySettings(Duration.ofSeconds(180), Duration.ofSeconds(5), 1);
}
