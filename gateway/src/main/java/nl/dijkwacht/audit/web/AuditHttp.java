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
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.audit.TenantScope;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.ToolPolicy;
import nl.dijkwacht.tenancy.Tenants;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What every audit endpoint shares: the auditor, tool and public entries (with the access log line and the mapping
 * of failures to refusals; who may call was checked by the route's filters), reading the JSON body, parsing query
 * parameters, and writing JSON or HTML answers.
 */
final class AuditHttp {

    // the access log keeps the logger name it has always had: log configuration and alerts filter on it
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditRoutes.class);

    /** The action an auditor handler on this thread is taking: a refusal finishes its record before it is written. */
    private static final ThreadLocal<OperatorActionLog.Entry> CURRENT = new ThreadLocal<>();

    private final Tenants tenants;
    private final OpenAiErrorWriter errors;
    private final ObjectMapper json;
    private final OperatorActionLog actions;

    AuditHttp(Tenants tenants, ObjectMapper json, OperatorActionLog actions) {
        this.tenants = tenants;
        this.actions = actions;
        this.errors = new OpenAiErrorWriter(json);
        this.json = json.copy().setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
        // the answer ends when the handler returns, not when a generator closes: so the action's record is written
        // before the auditor has the answer
        this.json.getFactory().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** The records the authenticated operator of this request may see: those of their own tenant. */
    TenantScope scope(HttpServletRequest req) {
        return TenantScope.of(tenants, AuthenticatedRequest.operator(req).tenant());
    }

    /** The tenant id of the authenticated operator of this request ({@code null} → the default tenant). */
    String tenantOf(HttpServletRequest req) {
        String t = AuthenticatedRequest.operator(req).tenant();
        return t == null ? tenants.defaultTenant().id() : t;
    }

    /** The snake_case mapper all audit answers are written with. */
    ObjectMapper json() {
        return json;
    }

    void refuse(HttpServletResponse res, Refusal refusal) {
        finishCurrent(refusal.status(), refusal.code());
        errors.write(res, refusal);
    }

    /** Records the current action with this result, once (before the answer is complete). */
    private void finishCurrent(int status, String code) {
        OperatorActionLog.Entry entry = CURRENT.get();
        if (entry != null) {
            CURRENT.remove();
            actions.finish(entry, status, status >= 400 ? code : null);
        }
    }

    // ---------------------------------------------------------------- access

    @FunctionalInterface
    interface OperatorHandler {
        /** @param action the record of this action: the operator, and where the handler adds object and parameters */
        void handle(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry action) throws IOException;
    }

    @FunctionalInterface
    interface ToolHandler {
        /** @param tenant the tenant of the calling tool (tool ids are unique only within a tenant) */
        void handle(HttpServletRequest req, HttpServletResponse res, ToolPolicy tool, String tenant) throws IOException;
    }

    @FunctionalInterface
    interface OpenHandler {
        void handle(HttpServletRequest req, HttpServletResponse res) throws IOException;
    }

    /**
     * An auditor endpoint: the route's filter has checked the auditor role. The action (named by
     * {@code audit.OperatorActions}: {@code audit.search}, {@code legal-hold.place}, …) is recorded in the audit
     * chain with its result once the handler is done.
     */
    ServerResponse auditor(OperatorHandler handler) {
        return ServerResponse.ok().build((req, res) -> {
            Operator operator = AuthenticatedRequest.operator(req);
            // who looked at the audit trail: operator id, method and path (never the query: it may name a user)
            log.info("audit access by {}: {} {}", operator.id(), req.getMethod(), req.getRequestURI());
            OperatorActionLog.Entry entry = actions.start(operator, req.getMethod(), req.getRequestURI());
            CURRENT.set(entry);
            try {
                guarded(res, () -> handler.handle(req, res, entry));
                finishCurrent(res.getStatus(), "status_" + res.getStatus());
            } finally {
                CURRENT.remove();
            }
            return null;
        });
    }

    /** A tool endpoint: the route's filter has verified the tool. */
    ServerResponse tool(ToolHandler handler) {
        return ServerResponse.ok().build((req, res) -> {
            Caller caller = AuthenticatedRequest.caller(req);
            // the tool as the caller's own tenant knows it (its tools.yaml), never the default tenant's
            ToolPolicy tool = tenants.find(caller.tenant()).map(t -> t.policy().current().tools().get(caller.toolId())).orElse(null);
            if (tool == null) {
                errors.write(res, Refusal.forbidden("tool_unknown", "Uw tool is niet (meer) bekend in het AI-beleid van de gemeente.", null));
                return null;
            }
            guarded(res, () -> handler.handle(req, res, tool, caller.tenant()));
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
                refuse(res, Refusal.badRequest("invalid_audit_request", e.getMessage(), null));
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away during a stream; nothing to answer
        } catch (RuntimeException e) {
            log.error("audit API request failed: {}: {}", e.getClass().getSimpleName(), e.getMessage());
            Refusal failed = Refusal.unavailable("audit_store_unavailable",
                    "De audittrail is nu niet bereikbaar. Probeer het later opnieuw.");
            if (!res.isCommitted()) {
                res.reset();
                refuse(res, failed);
            } else {
                finishCurrent(failed.status(), failed.code());
            }
        }
    }

    // ---------------------------------------------------------------- reading

    JsonNode readBody(HttpServletRequest req) throws IOException {
        byte[] bytes = AuthenticatedRequest.body(req);
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
        finishCurrent(status, null);
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), body);
    }
}
