package nl.dijkwacht.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.config.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code dijkwacht.audit.*}. Governance decisions (content retention, review duty, hosting,
 * energy) come from the policy files; the facts here only complete the public algoritmeregister export.
 *
 * @param otherChoicesWindow how many of the tenant's newest answers with other choices ({@code n > 1}) the purpose
 *                           guard's look-up of a resent turn reads (default {@value #DEFAULT_OTHER_CHOICES_WINDOW}):
 *                           the other choices of older answers count as turns the gateway did not write. More keeps
 *                           follow-ups on choices 1–7 longer and makes a made-up turn cost the store more, in proportion
 *                           (ADR 0009, audit50); {@value #MIN_OTHER_CHOICES_WINDOW}–{@value #MAX_OTHER_CHOICES_WINDOW}
 */
@ConfigurationProperties("dijkwacht.audit")
public record AuditProperties(
        String chainId,
        List<HashKey> hashKeys,
        String activeHashKey,
        Retention retention,
        Map<String, UseCaseFacts> useCases,
        Map<String, ModelFacts> models,
        Publication publication,
        Integer otherChoicesWindow) {

    public static final int DEFAULT_OTHER_CHOICES_WINDOW = 10_000;
    public static final int MIN_OTHER_CHOICES_WINDOW = 1;
    /** Beyond a million such answers a look-up on a cold cache reached its 5-s limit before the window (audit50). */
    public static final int MAX_OTHER_CHOICES_WINDOW = 1_000_000;

    public AuditProperties {
        chainId = chainId == null || chainId.isBlank() ? "main" : chainId;
        hashKeys = hashKeys == null ? List.of() : List.copyOf(hashKeys);
        retention = retention == null ? new Retention(null, null, null, null) : retention;
        useCases = useCases == null ? Map.of() : Map.copyOf(useCases);
        models = models == null ? Map.of() : Map.copyOf(models);
        publication = publication == null ? new Publication(null, null, null, null) : publication;
        otherChoicesWindow = otherChoicesWindow == null ? DEFAULT_OTHER_CHOICES_WINDOW : otherChoicesWindow;
        if (otherChoicesWindow < MIN_OTHER_CHOICES_WINDOW || otherChoicesWindow > MAX_OTHER_CHOICES_WINDOW) {
            throw new InvalidSettingException("dijkwacht.audit.other-choices-window", "the number of answers must be between "
                    + MIN_OTHER_CHOICES_WINDOW + " and " + MAX_OTHER_CHOICES_WINDOW + ".",
                    "Leave it out for the default (" + DEFAULT_OTHER_CHOICES_WINDOW + "); see the admin guide, "
                            + "\"Follow-ups on other choices\".");
        }
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
