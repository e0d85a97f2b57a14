package nl.dijkwacht.console.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import nl.dijkwacht.console.audit.DecisionPath;

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

    /** "would be …" for an allowed request, in Dutch ("doorgelaten, met persoonsgegevens vervangen,"). */
    public String verdict() {
        return switch (decision == null ? "" : decision) {
            case "redacted" -> "doorgelaten, met persoonsgegevens vervangen,";
            case "rerouted" -> "omgeleid";
            default -> "doorgelaten";
        };
    }

    /**
     * Which models were called, in Dutch: never the answering model, but the purpose guard's guard model when its
     * first layers were unsure (or which questions a dry explain left unasked).
     */
    public String modelsCalled() {
        GuardView guard = steps == null ? null : steps.stream().filter(s -> "purpose".equals(s.step()) && s.guardModel() != null)
                .map(StepView::guardModel).findFirst().orElse(null);
        if (guard == null || (!guard.asked() && (guard.notAsked() == null || guard.notAsked().isEmpty()))) {
            return "Er is geen model aangeroepen.";
        }
        if (!guard.asked()) {
            return "Er is geen model aangeroepen. Het controlemodel van de doelbewaking is op uw verzoek niet gevraagd ("
                    + String.join("; ", guard.notAsked().stream().map(ExplainView::question).toList())
                    + "); de uitkomst is die bij een controlemodel dat niet antwoordt.";
        }
        String model = guard.calls().getFirst().model();
        return "Het gekozen model is niet aangeroepen, maar wel het controlemodel " + model + " van de doelbewaking, omdat de"
                + " eerste lagen twijfelden: " + String.join("; ", guard.calls().stream()
                        .map(c -> question(c.question()) + " Antwoord: " + answer(c.answer())).toList()) + ".";
    }

    private static String question(String question) {
        return switch (question) {
            case "forbidden-purpose" -> "vraagt het verzoek om een verboden doel?";
            case "personal-special-category" -> "bevat het bijzondere persoonsgegevens van een herkenbaar persoon?";
            default -> question;
        };
    }

    private static String answer(String answer) {
        return switch (answer) {
            case "yes" -> "ja";
            case "no" -> "nee";
            default -> answer.startsWith("failed:") ? "geen bruikbaar antwoord (" + answer.substring("failed:".length()) + ")" : answer;
        };
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StepView(String step, String outcome, String rule, String effect, String code, String note, GuardView guardModel) {

        /** The step in Dutch, as the decision path of an audit record names it. */
        public String title() {
            String title = DecisionPath.title(step);
            return title != null ? title : step;
        }

        public String outcomeLabel() {
            return switch (outcome == null ? "" : outcome) {
                case "continue" -> "doorgelaten";
                case "rewrite" -> "aangepast";
                case "deny" -> "geweigerd";
                case "skipped" -> "overgeslagen";
                default -> outcome;
            };
        }
    }

    /** The purpose step's guard model: asked (with each question and answer) or, in a dry explain, the questions not asked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GuardView(boolean asked, List<GuardCallView> calls, List<String> notAsked) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GuardCallView(String model, String question, String answer) {
    }

    /** A finding: where, what, what the use-case does with it, and why it was found ({@link #why()}, in Dutch). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EntityView(String slot, String type, int start, int end, String recognizer, String pattern, String context,
                      double score, String operator) {

        /** The engine's explanation (recognizer, pattern, context cue, score) in Dutch. */
        public String why() {
            return FindingExplanations.dutch(recognizer, pattern, context, score);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelView(String requested, String id, String provider, String hosting, String status, String why,
                     List<String> fallbacksOnFailure) {
    }
}
