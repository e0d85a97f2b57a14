package nl.dijkwacht.routing;

import java.util.EnumSet;
import java.util.List;
import nl.dijkwacht.catalog.DataClass;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.UseCasePolicy;

/**
 * Maps the model the tool asked for onto the approved catalogue. Unknown models are refused (404); models the
 * use-case does not allow are refused (403); suspended or retired models, and models past their evaluation date
 * when governance.yaml says {@code refuse}, are refused (403). Model {@value #AUTO} takes the use-case's first
 * usable model in its order of preference. The upstream is taken only from the catalogue.
 */
public final class ResolveModelStep implements PolicyStep {

    /** The model name that lets policy choose: the use-case's first usable model. */
    public static final String AUTO = "auto";

    private final RoutingRules rules;

    public ResolveModelStep(RoutingRules rules) {
        this.rules = rules;
    }

    @Override
    public String id() {
        return "model";
    }

    /** The OpenAI {@code metadata} field that names the task, like the {@value CallerHeaders#TASK} header. */
    public static final String TASK_METADATA = "dw_task";

    @Override
    public Outcome apply(Exchange exchange) {
        String task = requestedTask(exchange);
        if (task != null) {
            return routeTask(exchange, task);
        }
        String requested = exchange.request().model();
        if (requested == null || requested.isBlank()) {
            return Outcome.deny(Refusal.badRequest("missing_model",
                    "Het veld 'model' ontbreekt. Vraag met GET /v1/models op welke modellen u mag gebruiken, of gebruik 'auto'.", "model"),
                    "model:missing");
        }
        if (AUTO.equals(requested)) {
            List<ModelDefinition> candidates = rules.candidates(exchange.useCase(), exchange.policy(),
                    EnumSet.noneOf(DataClass.class), exchange.endpoint());
            if (candidates.isEmpty()) {
                return Outcome.deny(Refusal.forbidden("no_model_available",
                        "Voor de toepassing '" + exchange.useCase().id() + "' is nu geen goedgekeurd model beschikbaar. Meld dit bij de functioneel beheerder.",
                        "model"), "model:auto:none-available");
            }
            exchange.routing().reason("auto");
            return accept(exchange, candidates.getFirst());
        }
        ModelDefinition model = exchange.policy().catalog().find(requested).orElse(null);
        if (model == null) {
            return Outcome.deny(Refusal.notFound("model_not_found",
                    "Het gevraagde model staat niet in de lijst van goedgekeurde modellen. Vraag met GET /v1/models op welke modellen u mag gebruiken, of gebruik 'auto'.", "model"),
                    "model:not-in-catalogue");
        }
        if (!exchange.useCase().allowsModel(model.id())) {
            return Outcome.deny(Refusal.forbidden("model_not_allowed",
                    "Het model '" + model.id() + "' is niet toegestaan voor de toepassing '" + exchange.useCase().id() + "'.", "model"),
                    "model:not-allowed-for-use-case");
        }
        if (exchange.endpoint() == Endpoint.EMBEDDINGS && !model.supportsEmbeddings()) {
            return Outcome.deny(Refusal.badRequest("embeddings_not_supported",
                    "Het model '" + model.id() + "' levert geen embeddings.", "model"), "model:no-embeddings");
        }
        exchange.routing().reason("requested");
        return accept(exchange, model);
    }

    private static String requestedTask(Exchange exchange) {
        String header = exchange.headers().task();
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        return exchange.request().gatewayMetadata(TASK_METADATA).map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
    }

    /**
     * Task routing: the use-case's route for the task, in order; a model is passed over (and the route log says why)
     * when it is not usable now or the prompt does not fit its context window. The task wins over the model the tool
     * named: tools often send a fixed model name, and the use-case decides which model does which task.
     */
    private Outcome routeTask(Exchange exchange, String task) {
        UseCasePolicy useCase = exchange.useCase();
        List<String> route = useCase.tasks().route(task).orElse(null);
        if (route == null) {
            String known = useCase.tasks().isEmpty() ? "geen" : String.join(", ", useCase.tasks().byTask().keySet());
            return Outcome.deny(Refusal.badRequest("task_unknown", "De gevraagde taak is voor de toepassing '" + useCase.id()
                    + "' niet ingericht. Ingerichte taken: " + known + ".", "metadata." + TASK_METADATA), "model:task-unknown");
        }
        exchange.routing().task(task);
        boolean tooLong = false;
        for (String id : route) {
            ModelDefinition model = exchange.policy().catalog().find(id).orElse(null);
            if (model == null || !rules.fits(model, useCase, exchange.policy(), EnumSet.noneOf(DataClass.class), exchange.endpoint())) {
                exchange.routing().skip(id, unusable(model, exchange));
                continue;
            }
            String context = rules.contextProblem(model, exchange);
            if (context != null) {
                tooLong = true;
                exchange.routing().skip(id, context);
                continue;
            }
            exchange.routing().reason("task:" + task);
            return accept(exchange, model);
        }
        if (tooLong) {
            return Outcome.deny(Refusal.badRequest("context_length_exceeded", "Uw verzoek is te lang voor de modellen van deze taak"
                    + " (ongeveer " + rules.promptTokens(exchange) + " tokens). Verkort de tekst of verdeel het werk.", "messages"),
                    "model:task:" + task + ":too-long");
        }
        return Outcome.deny(Refusal.forbidden("no_model_available", "Voor deze taak is in de toepassing '" + useCase.id()
                + "' nu geen goedgekeurd model beschikbaar. Meld dit bij de functioneel beheerder.", "model"), "model:task:" + task + ":none-available");
    }

    /** Why a model on a task route cannot take the request: its governance verdict, or that it serves no embeddings. */
    private String unusable(ModelDefinition model, Exchange exchange) {
        if (model == null) {
            return "not-in-catalogue";
        }
        RoutingRules.Verdict verdict = rules.governance(model, exchange.policy());
        if (!verdict.usable()) {
            return verdict.rule().replaceFirst("^model:", "");
        }
        return exchange.endpoint() == Endpoint.EMBEDDINGS && !model.supportsEmbeddings() ? "no-embeddings" : "not-allowed";
    }

    private Outcome accept(Exchange exchange, ModelDefinition model) {
        RoutingRules.Verdict verdict = rules.governance(model, exchange.policy());
        if (!verdict.usable()) {
            return Outcome.deny(verdict.refusal(), verdict.rule());
        }
        if (verdict.warning() != null) {
            exchange.warn(verdict.warning());
        }
        exchange.model(model);
        return Outcome.CONTINUE;
    }
}
