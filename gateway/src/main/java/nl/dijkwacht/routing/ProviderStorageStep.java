package nl.dijkwacht.routing;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Chat completions' {@code store: true} asks the provider to keep the completion (and the forwarded {@code metadata})
 * on its side: retention the privacy officer approves per model ({@code provider-storage: allowed} in models-config,
 * default not). Runs after routing, on the model the request will go to; a request that asks for storage the model
 * does not allow is refused (400, {@code param: store}), never stripped silently. {@code store: false} or absent
 * passes. A failed call's fallbacks are only models that allow it too ({@link RoutingRules#fallbacks}). The Responses
 * API's {@code store} is never forwarded (its translation leaves it out), so it does not reach this step.
 */
public final class ProviderStorageStep implements PolicyStep {

    @Override
    public String id() {
        return "storage";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        ModelDefinition model = exchange.model();
        if (!asksForStorage(exchange.request().body()) || model == null || model.governance().providerStorage()) {
            return Outcome.CONTINUE;
        }
        return Outcome.deny(Refusal.badRequest("provider_storage_not_allowed",
                "Het model '" + model.id() + "' mag antwoorden niet laten bewaren bij de aanbieder ('store: true'): dat is"
                        + " voor dit model niet goedgekeurd. Laat 'store' weg of zet het op false.", "store"),
                "storage:not-allowed:" + model.id());
    }

    /** {@code store} given and not {@code false}/{@code null} (the request schema allows only those and {@code true}). */
    public static boolean asksForStorage(JsonNode body) {
        JsonNode store = body == null ? null : body.get("store");
        return store != null && !store.isNull() && !(store.isBoolean() && !store.booleanValue());
    }
}
