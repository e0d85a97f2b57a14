package nl.dijkwacht.routing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.dijkwacht.catalog.DataClass;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.pipeline.Decision;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Runs after the PII step. When the request still holds data the chosen model may not receive (personal data the
 * use-case keeps instead of pseudonymising, or special-category data), it goes to the use-case's first model, in
 * order of preference, that may receive it (typically a local model) — or is refused when there is none.
 * On a task route the candidates are that route's models, in its order (and each must take the prompt in its
 * context window), never a model the route does not name.
 * Requests with special-category data under a use-case that does not allow it are refused outright.
 * The audit rule says which rule decided: {@code route:<data-class>:<from>-><to>}.
 */
public final class SensitivityRoutingStep implements PolicyStep {

    private final RoutingRules rules;

    public SensitivityRoutingStep(RoutingRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return "route";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        if (exchange.holdsPersonalSpecialCategory() && !exchange.useCase().specialCategoryAllowed()) {
            return Outcome.deny(Refusal.forbidden("special_category_not_allowed",
                    "Uw verzoek bevat bijzondere persoonsgegevens (zoals gezondheid, geloof of etniciteit). Die mogen voor de toepassing '"
                            + exchange.useCase().id() + "' niet naar een taalmodel. Haal deze gegevens weg en probeer het opnieuw."
                            + (exchange.purposeJudgement() == null ? "" : nl.dijkwacht.purpose.PurposeGuardStep.flagHint(exchange.traceId())),
                            "messages"),
                    exchange.purposeJudgement() == null ? "route:special-category-not-allowed"
                            : "route:special-category-not-allowed:" + exchange.purposeJudgement());
        }
        Set<DataClass> required = rules.requiredClasses(exchange);
        ModelDefinition chosen = exchange.model();
        if ((required.isEmpty() || chosen.governance().mayReceiveAll(required)) && rules.hostingFits(exchange, chosen)) {
            return Outcome.CONTINUE;
        }
        String classes = required.isEmpty() ? "on-premises"
                : required.stream().map(DataClass::yamlName).sorted().collect(Collectors.joining("+"))
                        + (exchange.onPremisesOnly() ? "+on-premises" : "");
        List<ModelDefinition> candidates = rules.sensitiveCandidates(exchange, required);
        if (candidates.isEmpty()) {
            return Outcome.deny(Refusal.forbidden("no_model_for_sensitive_data",
                    "Uw verzoek bevat " + describe(required, exchange) + " die het model '" + chosen.id()
                            + "' niet mag ontvangen, en voor de toepassing '" + exchange.useCase().id()
                            + "' is geen goedgekeurd model dat dat wel mag. Haal deze gegevens weg en probeer het opnieuw.", "messages"),
                    "route:" + classes + ":no-model");
        }
        ModelDefinition target = candidates.getFirst();
        String rule = "route:" + classes + ":" + chosen.id() + "->" + target.id();
        RoutingRules.Verdict verdict = rules.governance(target, exchange.policy());
        if (verdict.warning() != null) {
            exchange.warn(verdict.warning());
        }
        exchange.routing().skip(chosen.id(), "may-not-receive:" + classes);
        exchange.model(target);
        return Outcome.rewrite(Decision.REROUTED, rule);
    }

    private static String describe(Set<DataClass> classes, Exchange exchange) {
        if (classes.contains(DataClass.SPECIAL_CATEGORY)) {
            return "bijzondere persoonsgegevens";
        }
        return exchange.attachmentCounts().isEmpty() ? "persoonsgegevens" : "bijlagen (die als persoonsgegevens gelden)";
    }
}
