package nl.dijkwacht.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the YAML files as administrators write them (kebab-case keys). The JSON Schemas under
 * resources/schema/ describe the same shapes and are checked first; docs/policy-reference.md explains them.
 */
final class PolicyFiles {

    private PolicyFiles() {
    }

    record ToolsFile(List<ToolEntry> tools) {
    }

    record ToolEntry(
            String id,
            String description,
            @JsonProperty("key-sha256") String keySha256,
            @JsonProperty("default-use-case") String defaultUseCase,
            @JsonProperty("use-cases") List<String> useCases,
            @JsonProperty("trusted-identity-headers") Boolean trustedIdentityHeaders,
            @JsonProperty("oidc-client-ids") List<String> oidcClientIds) {
    }

    record OperatorsFile(List<OperatorEntry> operators) {
    }

    record OperatorEntry(String id, String description, @JsonProperty("key-sha256") String keySha256, List<String> roles,
                         String expires) {
    }

    record GovernanceFile(
            @JsonProperty("evaluation-overdue") String evaluationOverdue,
            @JsonProperty("forbidden-purposes") List<PurposeEntry> forbiddenPurposes) {
    }

    record PurposeEntry(
            String id,
            String title,
            @JsonProperty("legal-basis") String legalBasis,
            String explanation,
            @JsonProperty("applies-to-all") Boolean appliesToAll,
            List<MatchGroup> match) {
    }

    record MatchGroup(List<String> any) {
    }

    record UseCaseFile(
            String id,
            String title,
            String purpose,
            String status,
            @JsonProperty("risk-class") String riskClass,
            Allowed allowed,
            List<String> models,
            PiiSection pii,
            @JsonProperty("special-category-allowed") Boolean specialCategoryAllowed,
            @JsonProperty("forbidden-purposes") List<String> forbiddenPurposes,
            String disclaimer,
            @JsonProperty("human-review-required") Boolean humanReviewRequired,
            AuditSection audit,
            String attachments,
            @JsonProperty("forward-metadata") List<String> forwardMetadata) {
    }

    record Allowed(List<String> tools, List<String> departments, List<String> roles) {
    }

    record AuditSection(@JsonProperty("content-retention-days") Integer contentRetentionDays,
                        @JsonProperty("keep-content") Boolean keepContent) {
    }

    record PiiSection(@JsonProperty("default") String defaultAction, Map<String, String> entities, String output) {
    }

    record ModelFile(
            String id,
            String description,
            String provider,
            @JsonProperty("base-url") String baseUrl,
            @JsonProperty("upstream-model") String upstreamModel,
            @JsonProperty("api-key-env") String apiKeyEnv,
            Timeouts timeouts,
            Boolean embeddings,
            String status,
            String hosting,
            @JsonProperty("processor-agreement") String processorAgreement,
            @JsonProperty("no-training") Boolean noTraining,
            String dpia,
            String iama,
            String owner,
            @JsonProperty("technical-administrator") String technicalAdministrator,
            @JsonProperty("next-evaluation") String nextEvaluation,
            @JsonProperty("data-classes") List<String> dataClasses,
            @JsonProperty("energy-wh-per-1k-tokens") Double energyWhPer1kTokens,
            List<String> fallbacks) {
    }

    record Timeouts(String connect, String response, @JsonProperty("stream-idle") String streamIdle) {
    }

    record LimitsFile(
            @JsonProperty("time-zone") String timeZone,
            EstimateSection estimate,
            UnauthenticatedSection unauthenticated,
            Map<String, LimitEntry> defaults,
            Map<String, Map<String, LimitEntry>> overrides) {
    }

    record EstimateSection(@JsonProperty("completion-tokens") Long completionTokens) {
    }

    record UnauthenticatedSection(@JsonProperty("requests-per-minute") Long requestsPerMinute) {
    }

    /** Amounts are a positive number or the word {@code unlimited} (the schema allows nothing else). */
    record LimitEntry(
            @JsonProperty("requests-per-minute") Object requestsPerMinute,
            @JsonProperty("tokens-per-day") Object tokensPerDay,
            @JsonProperty("tokens-per-month") Object tokensPerMonth) {
    }
}
