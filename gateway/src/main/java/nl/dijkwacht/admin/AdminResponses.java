package nl.dijkwacht.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Writes admin answers as JSON (our Jackson 2 mapper) and errors in the OpenAI error format. The route's
 * authentication filter has already checked the admin role; the handler gets the {@link Operator} in the action's
 * {@link OperatorActionLog.Entry}, and every action is recorded in the audit chain with its result.
 */
final class AdminResponses {

    interface Body {
        /**
         * @param action the record of this action being taken: the operator, and where the handler adds the action's
         *               object and non-personal parameters
         * @return the JSON answer, or throws {@link Failure} for an error answer
         */
        ObjectNode produce(ServerRequest request, OperatorActionLog.Entry action);
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
    private final OperatorActionLog actions;

    AdminResponses(OpenAiErrorWriter errors, ObjectMapper json, OperatorActionLog actions) {
        this.errors = errors;
        this.json = json;
        this.actions = actions;
    }

    ObjectMapper json() {
        return json;
    }

    /** Runs one admin action and records it with its result (named by {@code audit.OperatorActions}). */
    ServerResponse handle(ServerRequest request, Body body) {
        Operator operator = AuthenticatedRequest.operator(request);
        return ServerResponse.ok().build((req, res) -> {
            OperatorActionLog.Entry entry = actions.start(operator, req.getMethod(), req.getRequestURI());
            String type = req.getContentType();
            if (req.getContentLengthLong() > 0 && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
                Refusal refusal = new Refusal(415, Refusal.INVALID_REQUEST, "unsupported_media_type",
                        "Stuur de aanvraag als JSON met de header 'Content-Type: application/json'.", null);
                errors.write(res, refusal);
                actions.finish(entry, refusal.status(), refusal.code());
                return null;
            }
            try {
                ObjectNode answer = body.produce(request, entry);
                actions.finish(entry, 200, null);
                write(res, 200, answer);
            } catch (Failure f) {
                actions.finish(entry, f.refusal.status(), f.refusal.code());
                ObjectNode out = errors.body(f.refusal);
                if (f.extra != null) {
                    ((ObjectNode) out.get("error")).setAll(f.extra);
                }
                write(res, f.refusal.status(), out);
            } catch (RuntimeException e) {
                actions.finish(entry, 500, "admin_action_failed");
                throw e;
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
