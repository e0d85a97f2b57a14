package nl.dijkwacht.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code dijkwacht.audit.*}. Governance decisions (content retention, review duty, hosting,
 * energy) come from the policy files; the facts here only complete the public algoritmeregister export.
 */
@ConfigurationProperties("dijkwacht.audit")
public record AuditProperties(
        String chainId,
        List<HashKey> hashKeys,
        String activeHashKey,
        Retention retention,
        Map<String, UseCaseFacts> useCases,
        Map<String, ModelFacts> models,
        Publication publication) {

    public AuditProperties {
        chainId = chainId == null || chainId.isBlank() ? "main" : chainId;
        hashKeys = hashKeys == null ? List.of() : List.copyOf(hashKeys);
        retention = retention == null ? new Retention(null, null, null, null) : retention;
        useCases = useCases == null ? Map.of() : Map.copyOf(useCases);
        models = models == null ? Map.of() : Map.copyOf(models);
        publication = publication == null ? new Publication(null, null, null, null) : publication;
    }

    /** A key for prompt/answer hashes: {@code id} is stored with every hash, {@code key} is base64 (>= 32 bytes). */
    public record HashKey(String id, String key) {
    }

    /**
     * @param metadataDays     how long audit records are kept (default 365: 12 months)
     * @param interval         how often the retention job runs (default 24h; 0 disables the schedule)
     * @param batchSize        records (or contents) deleted per transaction (default {@value #DEFAULT_BATCH_SIZE})
     * @param batchPause       how long the run waits after every {@code batchSize} rows, so the gateway's audit writer has the store to
     *                         itself between batches (default {@link #DEFAULT_BATCH_PAUSE}; 0: no wait)
     */
    public record Retention(Integer metadataDays, Duration interval, Integer batchSize, Duration batchPause) {

        public static final int DEFAULT_BATCH_SIZE = 1000;
        public static final Duration DEFAULT_BATCH_PAUSE = Duration.ofMillis(50);

        public Retention {
            metadataDays = metadataDays == null ? 365 : metadataDays;
            interval = interval == null ? Duration.ofHours(24) : interval;
            batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
            batchPause = batchPause == null || batchPause.isNegative() ? DEFAULT_BATCH_PAUSE : batchPause;
        }
    }

    /**
     * Descriptive facts about a use-case for the algoritmeregister export that the policy files do not carry.
     * (Content retention and review duty come from the use-case's policy file.)
     */
    public record UseCaseFacts(
            String legalBasis,
            String impactAssessments,
            String riskManagement,
            String status,
            String sourceData,
            String description) {
    }

    /** Model facts for publication that the catalogue does not carry: the provider's name as the public knows it. */
    public record ModelFacts(String providerName) {
    }

    /** Who publishes (algoritmeregister "organisation" and contact). */
    public record Publication(String organisation, String contact, String website, String department) {
        public Publication {
            organisation = organisation == null ? "Gemeente" : organisation;
        }
    }
}
