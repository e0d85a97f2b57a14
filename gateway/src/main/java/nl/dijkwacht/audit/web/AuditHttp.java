package nl.dijkwacht.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.identity.AuthenticateStep;
import nl.dijkwacht.identity.OperatorAccess;
import nl.dijkwacht.identity.OperatorRole;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.ToolPolicy;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What every audit endpoint shares: the operator, tool and public guards (with the access log line and the mapping
 * of failures to refusals), reading a JSON body, parsing query parameters, and writing JSON or HTML answers.
 */
final class AuditHttp {

    // the access log keeps the logger name it has always had: log configuration and alerts filter on it
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditRoutes.class);

    private final OperatorAccess operators;
    private final ActivePolicy policy;
    private final OpenAiErrorWriter errors;
    private final ObjectMapper json;

    AuditHttp(OperatorAccess operators, ActivePolicy policy, ObjectMapper json) {
        this.operators = operators;
        this.policy = policy;
        this.errors = new OpenAiErrorWriter(json);
        this.json = json.copy().setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
    }

    /** The snake_case mapper all audit answers are written with. */
    ObjectMapper json() {
        return json;
    }

    void refuse(HttpServletResponse res, Refusal refusal) {
        errors.write(res, refusal);
    }

    // ---------------------------------------------------------------- access

    @FunctionalInterface
    interface OperatorHandler {
        void handle(HttpServletRequest req, HttpServletResponse res, String operatorId) throws IOException;
    }

    @FunctionalInterface
    interface ToolHandler {
        void handle(HttpServletRequest req, HttpServletResponse res, ToolPolicy tool) throws IOException;
    }

    @FunctionalInterface
    interface OpenHandler {
        void handle(HttpServletRequest req, HttpServletResponse res) throws IOException;
    }

    ServerResponse auditor(OperatorHandler handler) {
        return operator(OperatorRole.AUDITOR, handler);
    }

    ServerResponse operator(OperatorRole role, OperatorHandler handler) {
        return ServerResponse.ok().build((req, res) -> {
            OperatorAccess.Result access = operators.check(req, role);
            if (!access.allowed()) {
                errors.write(res, access.refusal());
                return null;
            }
            // who looked at the audit trail: operator id, method and path (never the query: it may name a user)
            log.info("audit access by {}: {} {}", access.operator().id(), req.getMethod(), req.getRequestURI());
            guarded(res, () -> handler.handle(req, res, access.operator().id()));
            return null;
        });
    }

    ServerResponse tool(ToolHandler handler) {
        return ServerResponse.ok().build((req, res) -> {
            String authorization = req.getHeader("Authorization");
            Optional<ToolPolicy> tool = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? policy.current().toolByKeyHash(AuthenticateStep.sha256(authorization.substring(7).strip()))
                    : Optional.empty();
            if (tool.isEmpty()) {
                errors.write(res, Refusal.unauthorized("invalid_api_key",
                        "Geen of een onbekende API-sleutel. Gebruik de sleutel van uw tool in 'Authorization: Bearer <sleutel>'."));
                return null;
            }
            guarded(res, () -> handler.handle(req, res, tool.get()));
            return null;
        });
    }

    ServerResponse open(OpenHandler handler) {
        return ServerResponse.ok().build((req, res) -> {
            guarded(res, () -> handler.handle(req, res));
            return null;
        });
    }

    private interface Body {
        void run() throws IOException;
    }

    private void guarded(HttpServletResponse res, Body body) {
        try {
            body.run();
        } catch (IllegalArgumentException e) {
            if (!res.isCommitted()) {
                res.reset();
                errors.write(res, Refusal.badRequest("invalid_audit_request", e.getMessage(), null));
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away during a stream; nothing to answer
        } catch (RuntimeException e) {
            log.error("audit API request failed: {}: {}", e.getClass().getSimpleName(), e.getMessage());
            if (!res.isCommitted()) {
                res.reset();
                errors.write(res, Refusal.unavailable("audit_store_unavailable",
                        "De audittrail is nu niet bereikbaar. Probeer het later opnieuw."));
            }
        }
    }

    // ---------------------------------------------------------------- reading

    JsonNode readBody(HttpServletRequest req) throws IOException {
        byte[] bytes = req.getInputStream().readNBytes(256 * 1024);
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("Verwacht een JSON-object.");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("De aanvraag is geen geldige JSON.");
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText().strip() : null;
    }

    static Instant instant(HttpServletRequest req, String name, boolean end) {
        return parseInstant(req.getParameter(name), end);
    }

    /** ISO instant ({@code 2026-03-01T00:00:00Z}) or date ({@code 2026-03-01}, start of that day UTC; as "to": end of it). */
    static Instant parseInstant(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate d = LocalDate.parse(value);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Ongeldige datum '" + value + "': gebruik 2026-03-01 of 2026-03-01T00:00:00Z.");
        }
    }

    static int intParam(HttpServletRequest req, String name, int dflt) {
        String v = req.getParameter(name);
        try {
            return v == null || v.isBlank() ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter " + name + " moet een geheel getal zijn.");
        }
    }

    // ---------------------------------------------------------------- writing

    void ok(HttpServletResponse res, Object body) throws IOException {
        ok(res, 200, body);
    }

    void ok(HttpServletResponse res, int status, Object body) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), body);
    }
}
