package nl.dijkwacht.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code dijkwacht.*} in application.yaml (or environment variables such as
 * {@code DIJKWACHT_POLICIES_DIR}). Policy itself lives in the YAML files of policies/ and models-config/.
 */
@ConfigurationProperties("dijkwacht")
public record DijkwachtProperties(
        Path policiesDir,
        Path modelsDir,
        Path dataDir,
        Integer maxBodyBytes,
        String tenant,
        String disclaimer,
        String secretKey,
        Limits limits,
        Integer maxHeldToolArguments,
        Long maxHeldToolArgumentsTotal) {

    /** Default of {@code max-held-tool-arguments-total}: this many streams at their own bound at once. */
    static final int HELD_TOOL_ARGUMENT_STREAMS = 64;

    public DijkwachtProperties {
        policiesDir = policiesDir == null ? Path.of("policies") : policiesDir;
        modelsDir = modelsDir == null ? Path.of("models-config") : modelsDir;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
        tenant = tenant == null ? "gemeente" : tenant;
        limits = limits == null ? new Limits(null, null, null, null, null, null, null) : limits;
        // streamed tool-call arguments held to be restored and scanned (json28): the tool sends them back in its next
        // request, so beyond the request body limit the conversation could not go on anyway
        maxHeldToolArguments = maxHeldToolArguments == null ? maxBodyBytes : maxHeldToolArguments;
        // and over all streams of a replica together (leftover45): 64 MiB of characters by default, 64-128 MB of heap
        maxHeldToolArgumentsTotal = maxHeldToolArgumentsTotal == null
                ? (long) HELD_TOOL_ARGUMENT_STREAMS * maxHeldToolArguments : maxHeldToolArgumentsTotal;
    }

    /**
     * Where the buckets of policies/limits.yaml live and how the gateway finds a caller's address (see admin-guide.md).
     *
     * @param requestsPerMinute per-user limit when the policy pack has no limits.yaml (every tool: ten times that)
     * @param redisUrl          {@code redis://host:6379}: buckets shared by all replicas; empty: in memory
     * @param redisKeyPrefix    prefix of every bucket key in Redis
     * @param redisTimeout      longest wait for Redis before a request is refused (503 limits_unavailable)
     * @param maxBuckets        in memory: at most this many buckets (about 1 KB each); the least used go first
     * @param trustedProxies    addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed
     * @param authFailures      how failed authentications are aggregated and kept
     */
    public record Limits(Long requestsPerMinute, String redisUrl, String redisKeyPrefix, java.time.Duration redisTimeout,
                         Long maxBuckets, java.util.List<String> trustedProxies, AuthFailures authFailures) {
        public Limits {
            requestsPerMinute = requestsPerMinute == null ? 120L : requestsPerMinute;
            redisKeyPrefix = redisKeyPrefix == null ? "dijkwacht:limit:" : redisKeyPrefix;
            redisTimeout = redisTimeout == null ? java.time.Duration.ofSeconds(2) : redisTimeout;
            maxBuckets = maxBuckets == null ? 100_000L : maxBuckets;
            trustedProxies = trustedProxies == null ? java.util.List.of() : java.util.List.copyOf(trustedProxies);
            authFailures = authFailures == null ? new AuthFailures(null, null, null) : authFailures;
        }
    }

    /**
     * @param flushInterval       how often the per-minute counts of failed authentications are written (closed minutes only)
     * @param retentionDays       how long they are kept
     * @param maxSourcesPerMinute distinct source addresses counted per minute; the rest are counted together as "overig"
     */
    public record AuthFailures(java.time.Duration flushInterval, Integer retentionDays, Integer maxSourcesPerMinute) {
        public AuthFailures {
            flushInterval = flushInterval == null ? java.time.Duration.ofSeconds(15) : flushInterval;
            retentionDays = retentionDays == null ? 90 : retentionDays;
            maxSourcesPerMinute = maxSourcesPerMinute == null ? 10_000 : maxSourcesPerMinute;
        }
    }
}
