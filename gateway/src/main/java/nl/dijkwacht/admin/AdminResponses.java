package nl.dijkwacht.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Writes admin answers as JSON (our Jackson 2 mapper) and errors in the OpenAI error format. The route's
 * authentication filter has already checked the admin role; the handler gets the {@link Operator}.
 */
final class AdminResponses {

    interface Body {
        /** @return the JSON answer, or throws {@link Failure} for an error answer */
        ObjectNode produce(ServerRequest request, Operator operator);
    }

    /** An error answer from an admin handler. */
    static final class Failure extends RuntimeException {
        final Refusal refusal;
        final ObjectNode extra;

        Failure(Refusal refusal, ObjectNode extra) {
            super(refusal.code(), null, false, false);
            this.refusal = refusal;
            this.extra = extra;
        }
    }

    private final OpenAiErrorWriter errors;
    private final ObjectMapper json;

    AdminResponses(OpenAiErrorWriter errors, ObjectMapper json) {
        this.errors = errors;
        this.json = json;
    }

    ObjectMapper json() {
        return json;
    }

    ServerResponse handle(ServerRequest request, Body body) {
        Operator operator = AuthenticatedRequest.operator(request);
        return ServerResponse.ok().build((req, res) -> {
            String type = req.getContentType();
            if (req.getContentLengthLong() > 0 && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
                errors.write(res, new Refusal(415, Refusal.INVALID_REQUEST, "unsupported_media_type",
                        "Stuur de aanvraag als JSON met de header 'Content-Type: application/json'.", null));
                return null;
            }
            try {
                write(res, 200, body.produce(request, operator));
            } catch (Failure f) {
                ObjectNode out = errors.body(f.refusal);
                if (f.extra != null) {
                    ((ObjectNode) out.get("error")).setAll(f.extra);
                }
                write(res, f.refusal.status(), out);
            }
            return null;
        });
    }

    private void write(HttpServletResponse res, int status, ObjectNode body) {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        try {
            json.writeValue(res.getOutputStream(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
