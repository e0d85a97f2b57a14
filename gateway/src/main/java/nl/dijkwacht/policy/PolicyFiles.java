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
            @JsonProperty("forbidden-purposes") List<PurposeEntry> forbiddenPurposes,
            @JsonProperty("ai-literacy") AiLiteracySection aiLiteracy) {
    }

    record AiLiteracySection(@JsonProperty("valid-for-months") Integer validForMonths,
                             @JsonProperty("training-url") String trainingUrl) {
    }

    /** policies/ai-literacy.yaml: trainings by keyed pseudonym or SHA-256 of the user id. */
    record AiLiteracyFile(List<TrainedEntry> trained) {
    }

    record TrainedEntry(String pseudonym, @JsonProperty("user-sha256") String userSha256, String date) {
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
            @JsonProperty("ai-literacy") String aiLiteracy,
            AuditSection audit,
            String attachments,
            @JsonProperty("forward-metadata") List<String> forwardMetadata,
            Map<String, List<String>> tasks,
            @JsonProperty("purpose-guard") PurposeGuardSection purposeGuard) {
    }

    record PurposeGuardSection(@JsonProperty("refuse-at") Double refuseAt, @JsonProperty("allow-below") Double allowBelow,
                               @JsonProperty("personal-at") Double personalAt, @JsonProperty("topic-below") Double topicBelow,
                               @JsonProperty("decide-at") Double decideAt,
                               @JsonProperty("personal-without-term-at") Double personalWithoutTermAt,
                               @JsonProperty("verdict-on-cases-at") Double verdictOnCasesAt,
                               @JsonProperty("personal-named-at") Double personalNamedAt,
                               @JsonProperty("topic-unnamed-below") Double topicUnnamedBelow,
                               @JsonProperty("domain-verdict-at") Double domainVerdictAt,
                               @JsonProperty("guard-model") String guardModel,
                               @JsonProperty("guard-budget") String guardBudget,
                               @JsonProperty("on-guard-failure") String onGuardFailure) {
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
            @JsonProperty("base-urls") List<String> baseUrls,
            @JsonProperty("upstream-model") String upstreamModel,
            @JsonProperty("api-key-env") String apiKeyEnv,
            Timeouts timeouts,
            Azure azure,
            @JsonProperty("max-concurrent") Integer maxConcurrent,
            @JsonProperty("circuit-breaker") CircuitBreaker circuitBreaker,
            @JsonProperty("context-window") Integer contextWindow,
            @JsonProperty("max-output-tokens") Integer maxOutputTokens,
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
            List<String> fallbacks,
            @JsonProperty("base-model") String baseModel,
            String adapter,
            List<String> tasks,
            @JsonProperty("training-data") TrainingData trainingData,
            List<Evaluation> evaluations,
            String role,
            @JsonProperty("provider-storage") String providerStorage) {
    }

    record TrainingData(String description, String period, @JsonProperty("personal-data") Boolean personalData,
                        @JsonProperty("legal-basis") String legalBasis) {
    }

    record Evaluation(String task, String metric, Double value, String date, @JsonProperty("evaluation-set") String evaluationSet) {
    }

    record Timeouts(String connect, String response, @JsonProperty("stream-idle") String streamIdle) {
    }

    record Azure(String deployment, @JsonProperty("api-version") String apiVersion, String auth,
                 @JsonProperty("tenant-id") String tenantId, @JsonProperty("client-id") String clientId,
                 @JsonProperty("client-secret-env") String clientSecretEnv, @JsonProperty("token-url") String tokenUrl,
                 String scope) {
    }

    record CircuitBreaker(@JsonProperty("failure-rate") Integer failureRate, @JsonProperty("minimum-calls") Integer minimumCalls,
                          Integer window, @JsonProperty("open-for") String openFor) {
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
