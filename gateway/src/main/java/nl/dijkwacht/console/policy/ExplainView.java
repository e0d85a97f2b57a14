package nl.dijkwacht.console.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The explain result as the console shows it: a typed reading of what {@code Explainer} returns (the same answer as
 * {@code POST /admin/explain}). {@code wouldSend} is the request as it would leave the building, pretty-printed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ExplainView(String policyVersion, String decision, String rule, RefusalView refusal, List<StepView> steps,
                   List<EntityView> entities, List<String> dataClassesKept, ModelView model, String disclaimer,
                   List<String> warnings, String wouldSend) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefusalView(int status, String code, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StepView(String step, String outcome, String rule, String effect, String code, String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EntityView(String slot, String type, int start, int end, String recognizer, String explanation,
                      String operator) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelView(String requested, String id, String provider, String hosting, String status, String why,
                     List<String> fallbacksOnFailure) {
    }
}
