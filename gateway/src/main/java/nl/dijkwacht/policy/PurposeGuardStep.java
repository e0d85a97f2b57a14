package nl.dijkwacht.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Refuses requests that clearly ask for a forbidden purpose (policies/governance.yaml, {@code forbidden-purposes}),
 * for example deciding on benefit eligibility or screening job applicants (AI Act Annex III, GDPR art. 22). It
 * reads what the staff member and the tool wrote (user, system and developer messages, after parsing); it does not
 * judge the model's earlier answers. The refusal names the rule and its Dutch explanation, never the text.
 */
public final class PurposeGuardStep implements PolicyStep {

    @Override
    public String id() {
        return "purpose";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        List<ForbiddenPurpose> rules = exchange.policy().governance().forbiddenPurposes().stream()
                .filter(p -> p.guards(exchange.useCase())).toList();
        if (rules.isEmpty() || exchange.request() == null) {
            return Outcome.CONTINUE;
        }
        List<String> texts = instructionTexts(exchange.request().body().path("messages"));
        for (ForbiddenPurpose rule : rules) {
            for (String text : texts) {
                if (rule.matches(text)) {
                    String basis = rule.legalBasis() == null || rule.legalBasis().isBlank() ? "" : " (" + rule.legalBasis() + ")";
                    return Outcome.deny(Refusal.forbidden("forbidden_purpose",
                            rule.explanation().strip() + basis, "messages"), "purpose:" + rule.id());
                }
            }
        }
        return Outcome.CONTINUE;
    }

    /** Texts of the messages that instruct the model; assistant and tool messages are not the staff member's request. */
    static List<String> instructionTexts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : messages) {
            String role = message.path("role").asText("");
            if (role.equals("assistant") || role.equals("tool") || role.equals("function")) {
                continue;
            }
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                texts.add(content.asText());
            } else if (content.isArray()) {
                StringBuilder joined = new StringBuilder();
                for (JsonNode part : content) {
                    if (part.path("text").isTextual()) {
                        joined.append(part.path("text").asText()).append('\n');
                    }
                }
                texts.add(joined.toString());
            }
        }
        return texts;
    }
}
