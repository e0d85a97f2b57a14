package nl.dijkwacht.limits;

import java.time.Duration;

/**
 * The x-ratelimit-* headers as OpenAI sends them: {@code x-ratelimit-limit-requests}, {@code -remaining-requests},
 * {@code -reset-requests} and the same for {@code tokens}; a reset is written like OpenAI's {@code "6m0s"}, {@code "1s"}
 * or {@code "120ms"}.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    static String duration(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return "0s";
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return Math.max(1, duration.toMillis()) + "ms";
        }
        long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + minutes + "m" + rest + "s";
        }
        return minutes > 0 ? minutes + "m" + rest + "s" : rest + "s";
    }
}
