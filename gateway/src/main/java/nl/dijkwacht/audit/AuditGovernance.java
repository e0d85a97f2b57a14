package nl.dijkwacht.audit;

import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.policy.UseCasePolicy;

/**
 * The governance facts the audit trail needs about use-cases and models: content retention, review duty, hosting,
 * energy. Today they come from {@code dijkwacht.audit.use-cases.*} / {@code dijkwacht.audit.models.*}; once the
 * policy files carry them (issue 4: {@code contentRetentionDays}, {@code humanReviewRequired}, hosting, energy
 * estimate) this one class is where they get connected. Missing facts fall back to safe defaults: no content kept,
 * no review duty, hosting "onbekend", energy 0.
 */
public final class AuditGovernance {

    private final AuditProperties properties;

    public AuditGovernance(AuditProperties properties) {
        this.properties = properties;
    }

    /** Days to keep the redacted prompt/answer for this use-case; 0 = keep none. */
    public int contentRetentionDays(UseCasePolicy useCase) {
        AuditProperties.UseCaseFacts facts = useCase == null ? null : properties.useCases().get(useCase.id());
        if (facts == null || !Boolean.TRUE.equals(facts.keepContent())) {
            return 0;
        }
        return facts.contentRetentionDays() == null ? properties.retention().contentDays() : facts.contentRetentionDays();
    }

    public boolean humanReviewRequired(UseCasePolicy useCase) {
        return humanReviewRequired(useCase == null ? null : useCase.id());
    }

    public boolean humanReviewRequired(String useCaseId) {
        AuditProperties.UseCaseFacts facts = useCaseId == null ? null : properties.useCases().get(useCaseId);
        return facts != null && Boolean.TRUE.equals(facts.humanReviewRequired());
    }

    public AuditProperties.UseCaseFacts facts(String useCaseId) {
        AuditProperties.UseCaseFacts facts = properties.useCases().get(useCaseId);
        return facts != null ? facts : new AuditProperties.UseCaseFacts(null, null, null, null, null, null, null, null, null, null);
    }

    public String hosting(ModelDefinition model) {
        if (model == null) {
            return null;
        }
        AuditProperties.ModelFacts facts = properties.models().get(model.id());
        if (facts != null && facts.hosting() != null) {
            return facts.hosting();
        }
        return model.provider() == ProviderKind.DRY_RUN ? "lokaal (in de gateway)" : "onbekend";
    }

    /** Estimated energy in Wh for the tokens of one request; 0 when the model has no estimate. */
    public double energyWh(ModelDefinition model, int promptTokens, int completionTokens) {
        if (model == null) {
            return 0;
        }
        AuditProperties.ModelFacts facts = properties.models().get(model.id());
        if (facts == null || facts.energyWhPer1kTokens() == null) {
            return 0;
        }
        double wh = (promptTokens + completionTokens) / 1000.0 * facts.energyWhPer1kTokens();
        return Math.round(wh * 1_000_000) / 1_000_000.0;
    }

    public String providerName(ModelDefinition model) {
        AuditProperties.ModelFacts facts = properties.models().get(model.id());
        return facts != null && facts.providerName() != null ? facts.providerName() : model.provider().yamlName();
    }
}
