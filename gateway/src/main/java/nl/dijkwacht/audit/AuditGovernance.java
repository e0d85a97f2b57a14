package nl.dijkwacht.audit;

import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.policy.UseCasePolicy;

/**
 * The governance facts the audit trail needs about use-cases and models. Decisions come from the policy files
 * (issue 4): a use-case's {@code audit.content-retention-days} and {@code human-review-required}, a model's
 * {@code hosting} and {@code energy-wh-per-1k-tokens}. Descriptive facts for the algoritmeregister that the policy
 * files do not carry (legal basis, impact assessments, …) come from {@code dijkwacht.audit.use-cases.*}.
 * Missing facts fall back to safe defaults: no content kept, no review duty, energy 0.
 */
public final class AuditGovernance {

    private final AuditProperties properties;

    public AuditGovernance(AuditProperties properties) {
        this.properties = properties;
    }

    /** Days to keep the redacted prompt/answer for this use-case; 0 = keep none. */
    public int contentRetentionDays(UseCasePolicy useCase) {
        return useCase == null ? 0 : Math.max(0, useCase.contentRetentionDays());
    }

    public boolean humanReviewRequired(UseCasePolicy useCase) {
        return useCase != null && useCase.humanReviewRequired();
    }

    public AuditProperties.UseCaseFacts facts(String useCaseId) {
        AuditProperties.UseCaseFacts facts = properties.useCases().get(useCaseId);
        return facts != null ? facts : new AuditProperties.UseCaseFacts(null, null, null, null, null, null);
    }

    public String hosting(ModelDefinition model) {
        return model == null || model.governance().hosting() == null ? null : model.governance().hosting().yamlName();
    }

    /** Estimated energy in Wh for the tokens of one request; 0 when the model has no estimate. */
    public double energyWh(ModelDefinition model, int promptTokens, int completionTokens) {
        if (model == null || model.governance().energyWhPer1kTokens() == null) {
            return 0;
        }
        double wh = (promptTokens + completionTokens) / 1000.0 * model.governance().energyWhPer1kTokens();
        return Math.round(wh * 1_000_000) / 1_000_000.0;
    }

    public String providerName(ModelDefinition model) {
        AuditProperties.ModelFacts facts = properties.models().get(model.id());
        return facts != null && facts.providerName() != null ? facts.providerName() : model.provider().yamlName();
    }
}
