package nl.dijkwacht.audit.web;

import static nl.dijkwacht.audit.web.AuditHttp.instant;
import static nl.dijkwacht.audit.web.AuditHttp.intParam;
import static nl.dijkwacht.audit.web.AuditHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.TextHasher;
import nl.dijkwacht.audit.oversight.ComplaintOutcome;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.oversight.RefusalFlags;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.ToolPolicy;
import org.springframework.web.servlet.function.RouterFunctions;

/**
 * Human oversight: review statistics, unreviewed answers and complaints for auditors ({@code /audit/v1/oversight*},
 * {@code /audit/v1/complaints}), and what a tool reports back with its own API key ({@code /v1/dijkwacht/reviews},
 * {@code /v1/dijkwacht/feedback}).
 */
final class OversightRoutes {

    private final AuditHttp http;
    private final Oversight oversight;
    private final AuditQueries queries;
    private final Pseudonymizer pseudonymizer;
    private final TextHasher hasher;
    private final RefusalFlags flags;

    OversightRoutes(AuditHttp http, Oversight oversight, AuditQueries queries, Pseudonymizer pseudonymizer,
                    TextHasher hasher, RefusalFlags flags) {
        this.flags = flags;
        this.http = http;
        this.oversight = oversight;
        this.queries = queries;
        this.pseudonymizer = pseudonymizer;
        this.hasher = hasher;
    }

    /** The auditor's endpoints (auditor route). */
    RouterFunctions.Builder addTo(RouterFunctions.Builder routes) {
        return routes
                .GET("/audit/v1/oversight", r -> http.auditor((req, res, op) -> http.ok(res, Map.of("data",
                        oversight.stats(instant(req, "from", false), instant(req, "to", true), http.scope(req))))))
                .GET("/audit/v1/oversight/unreviewed", r -> http.auditor((req, res, op) -> http.ok(res, Map.of("data",
                        oversight.unreviewed(req.getParameter("use_case"), intParam(req, "limit", 100), http.scope(req))))))
                .GET("/audit/v1/complaints", r -> http.auditor((req, res, op) -> http.ok(res, Map.of("data",
                        oversight.complaints(req.getParameter("status"), intParam(req, "limit", 100), http.scope(req))))))
                .POST("/audit/v1/complaints", r -> http.auditor(this::auditorComplaint))
                .POST("/audit/v1/complaints/{id}/outcome", r -> http.auditor((req, res, op) -> outcome(r.pathVariable("id"), req, res, op)));
    }

    /** What a tool reports back (tool route). */
    RouterFunctions.Builder addToolRoutesTo(RouterFunctions.Builder routes) {
        return routes
                .POST("/v1/dijkwacht/reviews", r -> http.tool(this::review))
                .POST("/v1/dijkwacht/feedback", r -> http.tool(this::feedback))
                .POST("/v1/dijkwacht/refusals/{traceId}/flag", r -> http.tool((req, res, tool, tenant) ->
                        flag(r.pathVariable("traceId"), req, res, tool, tenant)));
    }

    private void auditorComplaint(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        JsonNode body = http.readBody(req);
        String traceId = text(body, "trace_id");
        op.param("trace_id", traceId).param("kind", text(body, "kind")).text("reference", text(body, "reference"))
                .text("summary", text(body, "summary"));
        if (traceId == null || !queries.exists(traceId, http.scope(req))) {
            http.refuse(res, Refusal.notFound("trace_not_found", "Er is geen auditrecord met deze trace-id (meer).", "trace_id"));
            return;
        }
        long id = oversight.complaint(traceId, Optional.ofNullable(text(body, "kind")).orElse("objection"),
                text(body, "reference"), text(body, "summary"), "operator:" + op.operatorId(), "auditor", http.tenantOf(req));
        op.object("complaint", id);
        http.ok(res, 201, Map.of("id", id, "trace_id", traceId));
    }

    /** The handling of a complaint: {@code {"status": "in_progress|upheld|rejected|withdrawn", "explanation": "…"}}. */
    private void outcome(String id, HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        op.object("complaint", id);
        long complaintId;
        try {
            complaintId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Ongeldig klachtnummer.");
        }
        JsonNode body = http.readBody(req);
        op.param("status", text(body, "status")).text("explanation", text(body, "explanation"));
        ComplaintOutcome stored = oversight.recordOutcome(complaintId, text(body, "status"), text(body, "explanation"),
                "operator:" + op.operatorId(), http.scope(req));
        if (stored == null) {
            http.refuse(res, Refusal.notFound("complaint_not_found", "Er is geen klacht met dit nummer.", "id"));
            return;
        }
        http.ok(res, 201, stored);
    }

    // ---------------------------------------------------------------- tool

    private void review(HttpServletRequest req, HttpServletResponse res, ToolPolicy tool, String tenant) throws IOException {
        JsonNode body = http.readBody(req);
        String traceId = text(body, "trace_id");
        String outcome = text(body, "outcome");
        if (traceId == null || outcome == null) {
            throw new IllegalArgumentException("Geef trace_id en outcome (accepted, edited of rejected).");
        }
        Oversight.Answered answered = oversight.answered(traceId);
        if (answered == null || !answered.wentTo(tool.id(), tenant)) {
            http.refuse(res, Refusal.notFound("trace_not_found",
                    "Deze trace-id hoort niet bij een antwoord aan uw tool.", "trace_id"));
            return;
        }
        String finalText = body.path("final_text").isTextual() ? body.path("final_text").asText() : null;
        String hash = finalText != null ? hasher.hash(finalText) : text(body, "final_text_sha256");
        String keyId = finalText != null ? hasher.activeKeyId() : (hash != null ? "sha256" : null);
        Oversight.Stored stored = oversight.review(answered, outcome, pseudonymizer.pseudonym(text(body, "reviewer")), hash, keyId);
        if (stored == Oversight.Stored.DUPLICATE) {
            http.refuse(res, new Refusal(409, Refusal.INVALID_REQUEST, "review_exists",
                    "Voor dit antwoord is al gemeld wat ermee is gebeurd.", "trace_id"));
            return;
        }
        http.ok(res, 201, Map.of("trace_id", traceId, "outcome", outcome));
    }

    /**
     * The staff member says a purpose-guard refusal was wrong: {@code {"reason": "…"}} (optional). Only the tool and
     * staff member the refusal went to may flag it, once.
     */
    private void flag(String traceId, HttpServletRequest req, HttpServletResponse res, ToolPolicy tool, String tenant) throws IOException {
        byte[] raw = AuthenticatedRequest.body(req);
        JsonNode body = raw == null || raw.length == 0 ? null : http.readBody(req);
        String reason = body == null ? null : text(body, "reason");
        Caller caller = AuthenticatedRequest.caller(req);
        String pseudonym = caller.userId() == null ? null : pseudonymizer.pseudonym(caller.userId());
        RefusalFlags.Refused refused = flags.refused(traceId);
        if (refused == null || !refused.wentTo(tool.id(), tenant, pseudonym)) {
            http.refuse(res, Refusal.notFound("trace_not_found",
                    "Deze trace-id hoort niet bij een weigering aan u via deze tool. Gebruik de traceercode uit de melding"
                            + " van de weigering, vanuit dezelfde tool en met hetzelfde account.", "trace_id"));
            return;
        }
        if (!refused.byPurposeGuard()) {
            http.refuse(res, new Refusal(409, Refusal.INVALID_REQUEST, "not_a_purpose_refusal",
                    "Alleen een weigering wegens een verboden doel of bijzondere persoonsgegevens kan hier als onterecht worden"
                            + " gemeld. Een andere fout meldt u via /v1/dijkwacht/feedback.", "trace_id"));
            return;
        }
        if (flags.flagged(traceId)) {
            http.refuse(res, new Refusal(409, Refusal.INVALID_REQUEST, "flag_exists",
                    "Deze weigering is al als onterecht gemeld; de beleidseigenaren bekijken de melding.", "trace_id"));
            return;
        }
        long id = flags.flag(refused, reason);
        http.ok(res, 201, Map.of("trace_id", traceId, "flagged", true, "complaint_id", id,
                "message", "Dank u. Uw melding dat deze weigering onterecht was, gaat naar de beleidseigenaren."));
    }

    private void feedback(HttpServletRequest req, HttpServletResponse res, ToolPolicy tool, String tenant) throws IOException {
        JsonNode body = http.readBody(req);
        String traceId = text(body, "trace_id");
        Oversight.Answered answered = traceId == null ? null : oversight.answered(traceId);
        if (answered == null || !answered.wentTo(tool.id(), tenant)) {
            http.refuse(res, Refusal.notFound("trace_not_found",
                    "Deze trace-id hoort niet bij een antwoord aan uw tool.", "trace_id"));
            return;
        }
        long id = oversight.complaint(traceId, Optional.ofNullable(text(body, "kind")).orElse("error_report"),
                text(body, "reference"), text(body, "description"), "tool:" + tool.id(), "tool", tenant);
        http.ok(res, 201, Map.of("id", id, "trace_id", traceId));
    }
}
