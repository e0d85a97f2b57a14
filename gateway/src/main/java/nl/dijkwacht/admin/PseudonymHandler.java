package nl.dijkwacht.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * {@code POST /admin/pseudonyms} {@code {"users": ["j.jansen@gemeente.nl", …]}}: the keyed pseudonyms of staff ids,
 * in the same order, for the AI-literacy registry ({@code policies/ai-literacy.yaml}), so that file never needs an
 * e-mail address. The ids are not logged or recorded; the action's record holds only how many there were.
 */
final class PseudonymHandler {

    static final int MAX_USERS = 10_000;

    private final Pseudonymizer pseudonymizer;
    private final ObjectMapper json;

    PseudonymHandler(Pseudonymizer pseudonymizer, ObjectMapper json) {
        this.pseudonymizer = pseudonymizer;
        this.json = json;
    }

    ObjectNode pseudonyms(ServerRequest request, OperatorActionLog.Entry action) {
        JsonNode users;
        try {
            byte[] body = AuthenticatedRequest.body(request);
            users = body.length == 0 ? null : json.readTree(body).get("users");
        } catch (IOException e) {
            users = null;
        }
        if (users == null || !users.isArray() || users.size() > MAX_USERS) {
            throw new AdminResponses.Failure(Refusal.badRequest("invalid_json",
                    "Verwacht {\"users\": [\"<gebruikers-id>\", …]} met hoogstens " + MAX_USERS + " ids.", "users"), null);
        }
        action.param("count", users.size());
        ObjectNode out = json.createObjectNode();
        ArrayNode list = out.putArray("pseudonyms");
        for (JsonNode user : users) {
            String id = user.isTextual() ? user.asText().strip() : null;
            list.add(id == null || id.isEmpty() ? null : pseudonymizer.pseudonym(id));
        }
        return out;
    }
}
