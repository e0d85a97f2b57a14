package nl.dijkwacht.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.ServerRequest;

/** {@code POST /admin/explain}: reads the JSON body and hands it to the {@link Explainer}. */
final class ExplainHandler {

    private final Explainer explainer;
    private final ObjectMapper json;

    ExplainHandler(Explainer explainer, ObjectMapper json) {
        this.explainer = explainer;
        this.json = json;
    }

    ObjectNode explain(ServerRequest request, Operator operator) {
        try {
            return explainer.explain(readInput(request), operator.tenant());
        } catch (Explainer.InvalidInput e) {
            throw new AdminResponses.Failure(e.refusal(), null);
        }
    }

    private JsonNode readInput(ServerRequest request) {
        try {
            byte[] bytes = AuthenticatedRequest.body(request);
            JsonNode node = bytes.length == 0 ? null : json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IOException("not an object");
            }
            return node;
        } catch (IOException e) {
            throw new AdminResponses.Failure(Refusal.badRequest("invalid_json",
                    "Verwacht een JSON-object met 'tool', 'use_case' en 'prompt' (of 'request' met een volledig OpenAI-verzoek).", null), null);
        }
    }
}
