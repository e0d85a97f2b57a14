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
        Limits limits) {

    public DijkwachtProperties {
        policiesDir = policiesDir == null ? Path.of("policies") : policiesDir;
        modelsDir = modelsDir == null ? Path.of("models-config") : modelsDir;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
        tenant = tenant == null ? "gemeente" : tenant;
        limits = limits == null ? new Limits(null, null) : limits;
    }

    /** Requests per minute per caller; {@code redisUrl} shares the buckets between replicas. */
    public record Limits(Long requestsPerMinute, String redisUrl) {
        public Limits {
            requestsPerMinute = requestsPerMinute == null ? 120L : requestsPerMinute;
        }
    }
}
