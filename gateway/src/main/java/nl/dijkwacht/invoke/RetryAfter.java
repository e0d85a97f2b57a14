package nl.dijkwacht.invoke;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads how long an upstream asks us to wait: {@code retry-after-ms} (OpenAI, Azure OpenAI) or {@code Retry-After}
 * in seconds or as an HTTP date (RFC 9110 §10.2.3).
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Duration parse(String millisHeader, String retryAfterHeader) {
        if (millisHeader != null) {
            try {
                double ms = Double.parseDouble(millisHeader.strip());
                if (ms >= 0) {
                    return Duration.ofMillis((long) ms);
                }
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        if (retryAfterHeader == null || retryAfterHeader.isBlank()) {
            return null;
        }
        String value = retryAfterHeader.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
