package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import nl.dijkwacht.catalog.ModelDefinition;

/**
 * One call to a model: the catalogue entry, the (already policy-checked) OpenAI request body to send, the upstream
 * chosen for this call and how long to wait for the answer to begin (the model's response timeout, cut to what is
 * left of the request's deadline).
 */
public record ModelCall(ModelDefinition model, ObjectNode body, String traceId, URI baseUrl, Duration responseTimeout) {

    /** To the model's first upstream with its own response timeout. */
    public ModelCall(ModelDefinition model, ObjectNode body, String traceId) {
        this(model, body, traceId, model.baseUrl(), model.responseTimeout());
    }
}
