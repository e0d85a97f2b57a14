package nl.dijkwacht.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.dijkwacht.catalog.DataClass;
import nl.dijkwacht.catalog.Hosting;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ModelGovernance;
import nl.dijkwacht.invoke.TokenCounter;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.GovernanceSettings;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.UseCasePolicy;

/**
 * The rules that decide whether a model may take a request, shared by model resolution, sensitivity routing,
 * upstream fallback and explain, so they all decide the same way.
 */
public final class RoutingRules {

    private final Clock clock;
    private final TokenCounter tokens;

    public RoutingRules(Clock clock) {
        this(clock, new TokenCounter());
    }

    public RoutingRules(Clock clock, TokenCounter tokens) {
        this.clock = clock;
        this.tokens = tokens;
    }

    /** Whether a model may be called at all under its governance record. */
    public record Verdict(Refusal refusal, String rule, String warning) {
        static final Verdict OK = new Verdict(null, null, null);

        public boolean usable() {
            return refusal == null;
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Status (suspended, retired) and evaluation date, as governance.yaml says ({@code evaluation-overdue}). */
    public Verdict governance(ModelDefinition model, PolicySet policy) {
        ModelGovernance g = model.governance();
        switch (g.status()) {
            case SUSPENDED -> {
                return new Verdict(Refusal.forbidden("model_suspended", "Het model '" + model.id()
                        + "' is tijdelijk stopgezet door de functioneel beheerder. Kies een ander goedgekeurd model of gebruik model 'auto'.",
                        "model"), "model:suspended" + (g.suspendedBy() == null ? ":file" : ":" + g.suspendedBy()), null);
            }
            case RETIRED -> {
                return new Verdict(Refusal.forbidden("model_retired", "Het model '" + model.id()
                        + "' is uit gebruik genomen. Kies een ander goedgekeurd model of gebruik model 'auto'.", "model"),
                        "model:retired", null);
            }
            default -> { }
        }
        if (g.evaluationOverdue(today())) {
            if (policy.governance().evaluationOverdue() == GovernanceSettings.OverdueAction.REFUSE) {
                return new Verdict(Refusal.forbidden("model_evaluation_overdue", "Het model '" + model.id()
                        + "' had op " + g.nextEvaluation() + " opnieuw beoordeeld moeten worden en mag tot die tijd niet gebruikt worden.",
                        "model"), "model:evaluation-overdue", null);
            }
            return new Verdict(null, null, "model " + model.id() + " evaluation overdue since " + g.nextEvaluation());
        }
        return Verdict.OK;
    }

    /**
     * The data classes the (already anonymised) request still holds: personal data whose operator is {@code allow}
     * (kept as is), and special-category data kept as is. Pseudonymised, redacted or hashed values have left the text.
     */
    public Set<DataClass> requiredClasses(Exchange exchange) {
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        if (exchange.useCase() == null) {
            return classes;
        }
        if (!exchange.attachmentCounts().isEmpty()) {
            // an image or file cannot be checked for personal data, so it counts as holding some
            classes.add(DataClass.PERSONAL_DATA);
        }
        for (Map.Entry<EntityType, Integer> e : exchange.entityCounts().entrySet()) {
            if (e.getValue() == null || e.getValue() <= 0) {
                continue;
            }
            if (e.getKey() == EntityType.SPECIAL_CATEGORY && exchange.specialCategoryTopicOnly()) {
                continue; // the purpose guard judged it a topic, not a person's data
            }
            if (exchange.useCase().pii().operatorFor(e.getKey()) == Operator.ALLOW) {
                classes.add(e.getKey() == EntityType.SPECIAL_CATEGORY ? DataClass.SPECIAL_CATEGORY : DataClass.PERSONAL_DATA);
            }
        }
        if (exchange.holdsPersonalSpecialCategory()
                && exchange.useCase().pii().operatorFor(EntityType.SPECIAL_CATEGORY) == Operator.ALLOW) {
            // also when the term list found no term: the guard judged it a person's special-category data
            classes.add(DataClass.SPECIAL_CATEGORY);
        }
        return classes;
    }

    /** Whether the model's hosting suits the request: attachments under {@code on-premises-only} stay on the premises. */
    public boolean hostingFits(Exchange exchange, ModelDefinition model) {
        return !exchange.onPremisesOnly() || model.governance().hosting() == Hosting.ON_PREMISES;
    }

    /** Usable, allowed for the use-case, may receive the data, and serves the endpoint. */
    public boolean fits(ModelDefinition model, UseCasePolicy useCase, PolicySet policy, Set<DataClass> classes, Endpoint endpoint) {
        return useCase.allowsModel(model.id())
                && governance(model, policy).usable()
                && model.governance().mayReceiveAll(classes)
                && (endpoint != Endpoint.EMBEDDINGS || model.supportsEmbeddings());
    }

    /** The use-case's models, in its order of preference, that fit. */
    public List<ModelDefinition> candidates(UseCasePolicy useCase, PolicySet policy, Set<DataClass> classes, Endpoint endpoint) {
        List<ModelDefinition> out = new ArrayList<>();
        for (String id : useCase.models()) {
            policy.catalog().find(id).filter(m -> fits(m, useCase, policy, classes, endpoint)).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Where a request goes whose data the chosen model may not receive: the models that may receive {@code classes}
     * and suit its hosting needs — on a task route, that route's models in its order that also take the prompt in their
     * context window; otherwise the use-case's models in its order of preference.
     */
    public List<ModelDefinition> sensitiveCandidates(Exchange exchange, Set<DataClass> classes) {
        String task = exchange.routing().task();
        List<ModelDefinition> out = new ArrayList<>();
        if (task == null) {
            for (ModelDefinition m : candidates(exchange.useCase(), exchange.policy(), classes, exchange.endpoint())) {
                if (hostingFits(exchange, m)) {
                    out.add(m);
                }
            }
            return out;
        }
        for (String id : exchange.useCase().tasks().route(task).orElse(List.of())) {
            exchange.policy().catalog().find(id)
                    .filter(m -> fits(m, exchange.useCase(), exchange.policy(), classes, exchange.endpoint()))
                    .filter(m -> hostingFits(exchange, m))
                    .filter(m -> contextProblem(m, exchange) == null)
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * Where a failed call may go next. On a task route: the models after the failed one on that route. Otherwise the
     * failed model's own {@code fallbacks}, in order. Either way only those that fit this request (allowed for the
     * use-case, usable, may receive its data, allow provider storage when the request asks for it ({@code store: true}),
     * and — on a task route — take the prompt in their context window). Not transitive: a fallback's fallbacks are not followed.
     */
    public List<ModelDefinition> fallbacks(Exchange exchange, ModelDefinition failed) {
        List<ModelDefinition> out = new ArrayList<>();
        Set<DataClass> classes = requiredClasses(exchange);
        String task = exchange.routing().task();
        List<String> next = task == null ? failed.governance().fallbacks() : after(exchange.useCase().tasks().route(task).orElse(List.of()), failed.id());
        for (String id : next) {
            exchange.policy().catalog().find(id)
                    .filter(m -> fits(m, exchange.useCase(), exchange.policy(), classes, exchange.endpoint()))
                    .filter(m -> hostingFits(exchange, m))
                    .filter(m -> task == null || contextProblem(m, exchange) == null)
                    .filter(m -> m.governance().providerStorage() || !ProviderStorageStep.asksForStorage(exchange.request().body()))
                    .ifPresent(out::add);
        }
        return out;
    }

    private static List<String> after(List<String> route, String id) {
        int at = route.indexOf(id);
        return at < 0 ? route : route.subList(at + 1, route.size());
    }

    /**
     * Why the request does not fit the model's context window ({@code context-window <needed>><window>}), or
     * {@code null} when it fits or the model declares no window. Needed = the prompt's tokens (jtokkit; an estimate
     * for models with another tokenizer) plus the answer reserved: the request's {@code max_completion_tokens} /
     * {@code max_tokens}, else the model's {@code max-output-tokens}.
     */
    public String contextProblem(ModelDefinition model, Exchange exchange) {
        Integer window = model.serving().contextWindow();
        if (window == null || exchange.request() == null) {
            return null;
        }
        int needed = promptTokens(exchange) + answerReserve(model, exchange.request().body());
        return needed > window ? "context-window " + needed + ">" + window : null;
    }

    /** The prompt's tokens: every text the model would read, plus a few per message for the chat format. Counted once. */
    public int promptTokens(Exchange exchange) {
        Integer counted = exchange.routing().promptTokens();
        if (counted != null) {
            return counted;
        }
        int total = 3;
        for (var slot : exchange.request().textSlots()) {
            total += tokens.count(slot.get()) + 4;
        }
        exchange.routing().promptTokens(total);
        return total;
    }

    private static int answerReserve(ModelDefinition model, com.fasterxml.jackson.databind.JsonNode body) {
        for (String field : List.of("max_completion_tokens", "max_tokens", "max_output_tokens")) {
            if (body.path(field).canConvertToInt() && body.path(field).asInt() > 0) {
                return body.path(field).asInt();
            }
        }
        Integer max = model.serving().maxOutputTokens();
        return max == null ? 0 : max;
    }
}
