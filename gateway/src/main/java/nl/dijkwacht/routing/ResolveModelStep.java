package nl.dijkwacht.routing;

import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Maps the model the tool asked for onto the approved catalogue. Unknown models are refused (404); models the
 * use-case does not allow are refused (403). The upstream is taken only from the catalogue.
 */
public final class ResolveModelStep implements PolicyStep {

    @Override
    public String id() {
        return "model";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        String requested = exchange.request().model();
        if (requested == null || requested.isBlank()) {
            return Outcome.deny(Refusal.badRequest("missing_model",
                    "Het veld 'model' ontbreekt. Vraag met GET /v1/models op welke modellen u mag gebruiken.", "model"),
                    "model:missing");
        }
        ModelDefinition model = exchange.policy().catalog().find(requested).orElse(null);
        if (model == null) {
            return Outcome.deny(Refusal.notFound("model_not_found",
                    "Het model '" + requested + "' staat niet in de lijst van goedgekeurde modellen.", "model"),
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
        exchange.model(model);
        return Outcome.CONTINUE;
    }
}
