package nl.dijkwacht.audit.web;

import static nl.dijkwacht.audit.web.AuditHttp.parseInstant;
import static nl.dijkwacht.audit.web.AuditHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.RouterFunctions;

/**
 * Legal holds ({@code /audit/v1/holds}) and retention runs ({@code /audit/v1/retention/*}), all auditor role: an
 * admin may not delete audit records (separation of duties), so a retention run outside the schedule is the
 * auditor's to start.
 */
final class RetentionRoutes {

    private final AuditHttp http;
    private final LegalHolds holds;
    private final RetentionJob retention;
    private final Pseudonymizer pseudonymizer;

    RetentionRoutes(AuditHttp http, LegalHolds holds, RetentionJob retention, Pseudonymizer pseudonymizer) {
        this.http = http;
        this.holds = holds;
        this.retention = retention;
        this.pseudonymizer = pseudonymizer;
    }

    RouterFunctions.Builder addTo(RouterFunctions.Builder routes) {
        return routes
                .GET("/audit/v1/holds", r -> http.auditor((req, res, op) -> http.ok(res, Map.of("data",
                        holds.list(http.scope(req))))))
                .POST("/audit/v1/holds", r -> http.auditor(this::placeHold))
                .DELETE("/audit/v1/holds/{id}", r -> http.auditor((req, res, op) -> releaseHold(r.pathVariable("id"), req, res, op)))
                .GET("/audit/v1/retention/runs", r -> http.auditor((req, res, op) -> http.ok(res, Map.of("data",
                        retention.runs(http.scope(req))))))
                .POST("/audit/v1/retention/run", r -> http.auditor(this::runRetention));
    }

    /**
     * Retention settings hold for the whole store, so a run deletes (and counts) every tenant's records: only the
     * default tenant's auditors (the service centre's) start one; the other tenants' records follow the schedule.
     */
    private void runRetention(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        if (!http.scope(req).isDefault()) {
            http.refuse(res, Refusal.forbidden("retention_store_wide", "Een bewaartermijnrun geldt voor de hele "
                    + "gateway en wordt gestart door de auditors van de beheerder van de gateway; uw records volgen het "
                    + "schema van de bewaartermijnen.", null));
            return;
        }
        var run = retention.run("operator:" + op.operatorId(), http.tenantOf(req));
        op.object("retention-run", run.id()).param("records_deleted", run.recordsDeleted()).param("records_held", run.recordsHeld());
        http.ok(res, run);
    }

    private void placeHold(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        JsonNode body = http.readBody(req);
        String user = text(body, "user");
        String actor = user != null ? pseudonymizer.pseudonym(user) : text(body, "actor");
        op.param("trace_id", text(body, "trace_id")).param("actor", actor).param("period_start", text(body, "period_start"))
                .param("period_end", text(body, "period_end")).text("reason", text(body, "reason"));
        long id = holds.place(text(body, "trace_id"), actor, parseInstant(text(body, "period_start"), false),
                parseInstant(text(body, "period_end"), true), text(body, "reason"), op.operatorId(), http.tenantOf(req));
        op.object("hold", id);
        res.setStatus(201);
        Map<String, Object> placed = new java.util.LinkedHashMap<>();
        placed.put("id", id);
        placed.put("actor_pseudonym", actor); // null for a hold on a trace or a period, as GET /audit/v1/holds shows it
        http.ok(res, 201, placed);
    }

    /** Another tenant's hold is not found (404): its existence is not revealed. */
    private void releaseHold(String id, HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        op.object("hold", id);
        long holdId;
        try {
            holdId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Ongeldig id.");
        }
        if (!holds.release(holdId, op.operatorId(), http.scope(req))) {
            http.refuse(res, Refusal.notFound("hold_not_found", "Geen actieve bewaarplicht met dit id.", "id"));
            return;
        }
        http.ok(res, Map.of("id", holdId, "active", false));
    }
}
