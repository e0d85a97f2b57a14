package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.catalog.ModelDefinition;

/** One call to a model: the catalogue entry and the (already policy-checked) OpenAI request body to send. */
public record ModelCall(ModelDefinition model, ObjectNode body, String traceId) {
}
