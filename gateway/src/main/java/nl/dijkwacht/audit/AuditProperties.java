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
        retention = retention == null ? new Retention(null, null, null) : retention;
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
     * @param batchSize        records deleted per transaction
     */
    public record Retention(Integer metadataDays, Duration interval, Integer batchSize) {
        public Retention {
            metadataDays = metadataDays == null ? 365 : metadataDays;
            interval = interval == null ? Duration.ofHours(24) : interval;
            batchSize = batchSize == null ? 5000 : batchSize;
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
