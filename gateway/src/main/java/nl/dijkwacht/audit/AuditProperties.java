package nl.dijkwacht.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code dijkwacht.audit.*}. The per-use-case and per-model governance facts here are the audit
 * package's own defaults until the policy files carry them (issue 4); see {@link AuditGovernance}.
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
     * @param contentDays      default for use-cases that keep redacted content without saying how long (30)
     * @param interval         how often the retention job runs (default 24h; 0 disables the schedule)
     * @param batchSize        records deleted per transaction
     */
    public record Retention(Integer metadataDays, Integer contentDays, Duration interval, Integer batchSize) {
        public Retention {
            metadataDays = metadataDays == null ? 365 : metadataDays;
            contentDays = contentDays == null ? 30 : contentDays;
            interval = interval == null ? Duration.ofHours(24) : interval;
            batchSize = batchSize == null ? 5000 : batchSize;
        }
    }

    /**
     * What the audit needs to know about a use-case. {@code keepContent} switches the redacted-content tier on
     * ({@code contentRetentionDays}, default {@link Retention#contentDays()}).
     */
    public record UseCaseFacts(
            Boolean keepContent,
            Integer contentRetentionDays,
            Boolean humanReviewRequired,
            String riskClass,
            String legalBasis,
            String impactAssessments,
            String riskManagement,
            String status,
            String sourceData,
            String description) {
    }

    /** Model governance facts: where it runs and its energy estimate per 1,000 tokens (Wh). */
    public record ModelFacts(String hosting, Double energyWhPer1kTokens, String providerName) {
    }

    /** Who publishes (algoritmeregister "organisation" and contact). */
    public record Publication(String organisation, String contact, String website, String department) {
        public Publication {
            organisation = organisation == null ? "Gemeente" : organisation;
        }
    }
}
