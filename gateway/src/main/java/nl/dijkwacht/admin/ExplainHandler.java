package nl.dijkwacht.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.audit.OperatorActionLog;
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

    ObjectNode explain(ServerRequest request, OperatorActionLog.Entry action) {
        try {
            JsonNode input = readInput(request);
            // what was explained, without the text: ids as given, the prompt (or request) only as length and keyed hash
            for (String field : new String[] {"tool", "use_case", "model", "task", "department"}) {
                action.param(field, input.path(field).isTextual() ? input.path(field).asText() : null);
            }
            action.param("user_given", input.hasNonNull("user") ? "true" : null);
            action.text("prompt", input.path("prompt").isTextual() ? input.path("prompt").asText() : null);
            action.text("request", input.get("request") == null ? null : input.get("request").toString());
            boolean askGuardModel = askGuardModel(request);
            action.param("guard", askGuardModel ? null : "false");
            return explainer.explain(input, action.operator().tenant(), askGuardModel);
        } catch (Explainer.InvalidInput e) {
            throw new AdminResponses.Failure(e.refusal(), null);
        }
    }

    /** {@code ?guard=false}: a dry explain that does not call the purpose guard's guard model. */
    private static boolean askGuardModel(ServerRequest request) {
        String guard = request.param("guard").orElse("true");
        return switch (guard) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new AdminResponses.Failure(Refusal.badRequest("invalid_parameter",
                    "Parameter 'guard' is 'true' (standaard: het controlemodel wordt gevraagd als de eerste lagen twijfelen)"
                            + " of 'false' (uitleg zonder controlemodel).", "guard"), null);
        };
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
