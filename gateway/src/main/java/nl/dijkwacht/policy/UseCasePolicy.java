package nl.dijkwacht.policy;

import java.util.List;
import nl.dijkwacht.pii.OperatorPolicy;

/** What staff may use AI for, with which models (in order of preference) and how personal data is treated. */
public record UseCasePolicy(
        String id,
        String purpose,
        List<String> models,
        OperatorPolicy pii,
        String disclaimer) {

    public UseCasePolicy {
        models = List.copyOf(models);
    }

    public boolean allowsModel(String modelId) {
        return models.contains(modelId);
    }
}
