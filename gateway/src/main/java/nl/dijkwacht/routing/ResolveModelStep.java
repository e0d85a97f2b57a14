package nl.dijkwacht.routing;

import java.util.EnumSet;
import java.util.List;
import nl.dijkwacht.catalog.DataClass;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

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

    @Override
    public Outcome apply(Exchange exchange) {
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
        return accept(exchange, model);
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
