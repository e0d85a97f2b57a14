package nl.dijkwacht.audit.web;

import static nl.dijkwacht.audit.web.AuditHttp.html;
import static nl.dijkwacht.audit.web.AuditHttp.instant;
import static nl.dijkwacht.audit.web.AuditHttp.intParam;
import static nl.dijkwacht.audit.web.AuditHttp.parseInstant;
import static nl.dijkwacht.audit.web.AuditHttp.text;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dijkwacht.audit.AuditCapture;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.TextHasher;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.RecordJson;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StreamingQuery;
import nl.dijkwacht.audit.transparency.TransparencyPage;
import nl.dijkwacht.audit.transparency.TransparencyReport;
import nl.dijkwacht.identity.OperatorAccess;
import nl.dijkwacht.identity.OperatorRole;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.ToolPolicy;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * HTTP surface of the audit trail. {@code /audit/v1/**}: auditor role (retention run: admin).
 * {@code /v1/dijkwacht/reviews|feedback}: the tool's own API key. {@code /transparantie*}: public, aggregates only.
 * All documented in docs/auditor-guide.md.
 */
public final class AuditRoutes {

    private final AuditQueries queries;
    private final ChainVerifier verifier;
    private final ChainedJdbcAuditSink sink;
    private final LegalHolds holds;
    private final RetentionJob retention;
    private final Oversight oversight;
    private final TransparencyReport transparency;
    private final Pseudonymizer pseudonymizer;
    private final TextHasher hasher;
    private final javax.sql.DataSource dataSource;
    private final AuditHttp http;
    private final ObjectMapper json;

    public AuditRoutes(OperatorAccess operators, ActivePolicy policy, AuditQueries queries, ChainVerifier verifier,
                       ChainedJdbcAuditSink sink, LegalHolds holds, RetentionJob retention, Oversight oversight,
                       TransparencyReport transparency, Pseudonymizer pseudonymizer, TextHasher hasher,
                       javax.sql.DataSource dataSource, ObjectMapper json) {
        this.queries = queries;
        this.verifier = verifier;
        this.sink = sink;
        this.holds = holds;
        this.retention = retention;
        this.oversight = oversight;
        this.transparency = transparency;
        this.pseudonymizer = pseudonymizer;
        this.hasher = hasher;
        this.dataSource = dataSource;
        this.http = new AuditHttp(operators, policy, json);
        this.json = http.json();
    }

    public RouterFunction<ServerResponse> routes() {
        return route("dijkwacht-audit")
                .GET("/audit/v1/records", r -> http.auditor(this::search))
                .GET("/audit/v1/records/{traceId}", r -> http.auditor((req, res, op) -> trace(r.pathVariable("traceId"), res)))
                .GET("/audit/v1/export.csv", r -> http.auditor(this::exportCsv))
                .GET("/audit/v1/export.json", r -> http.auditor(this::exportJson))
                .GET("/audit/v1/aggregates", r -> http.auditor(this::aggregates))
                .GET("/audit/v1/verify", r -> http.auditor(this::verify))
                .GET("/audit/v1/chain/head", r -> http.auditor(this::head))
                .POST("/audit/v1/hash-check", r -> http.auditor(this::hashCheck))
                .GET("/audit/v1/holds", r -> http.auditor((req, res, op) -> http.ok(res, Map.of("data",
                        holds.list().stream().map(LegalHolds::toJson).toList()))))
                .POST("/audit/v1/holds", r -> http.auditor(this::placeHold))
                .DELETE("/audit/v1/holds/{id}", r -> http.auditor((req, res, op) -> releaseHold(r.pathVariable("id"), res, op)))
                .GET("/audit/v1/retention/runs", r -> http.auditor((req, res, op) -> http.ok(res, Map.of("data", retention.runs()))))
                .POST("/audit/v1/retention/run", r -> http.operator(OperatorRole.ADMIN, (req, res, op) -> http.ok(res, retention.run("operator:" + op))))
                .GET("/audit/v1/oversight", r -> http.auditor((req, res, op) -> http.ok(res, Map.of("data",
                        oversight.stats(instant(req, "from", false), instant(req, "to", true))))))
                .GET("/audit/v1/oversight/unreviewed", r -> http.auditor((req, res, op) -> http.ok(res, Map.of("data",
                        oversight.unreviewed(req.getParameter("use_case"), intParam(req, "limit", 100))))))
                .POST("/audit/v1/complaints", r -> http.auditor(this::auditorComplaint))
                .POST("/v1/dijkwacht/reviews", r -> http.tool(this::review))
                .POST("/v1/dijkwacht/feedback", r -> http.tool(this::feedback))
                .GET("/transparantie", r -> http.open((req, res) -> html(res, TransparencyPage.html(transparency.report()))))
                .GET("/transparantie.json", r -> http.open((req, res) -> http.ok(res, transparency.report())))
                .GET("/transparantie/algoritmeregister.json", r -> http.open((req, res) -> http.ok(res,
                        Map.of("standard_version", "1.0", "data", transparency.algoritmeregisterAll()))))
                .GET("/transparantie/algoritmeregister/{useCase}.json", r -> http.open((req, res) -> {
                    Map<String, Object> entry = transparency.algoritmeregister(r.pathVariable("useCase"));
                    if (entry == null) {
                        http.refuse(res, Refusal.notFound("use_case_not_found", "Deze toepassing bestaat niet.", "useCase"));
                    } else {
                        http.ok(res, entry);
                    }
                }))
                .build();
    }

    // ---------------------------------------------------------------- auditor

    private AuditFilter filter(HttpServletRequest req) {
        String user = req.getParameter("user");
        String actor = req.getParameter("actor");
        return new AuditFilter(instant(req, "from", false), instant(req, "to", true),
                user != null && !user.isBlank() ? pseudonymizer.pseudonym(user.strip()) : actor,
                req.getParameter("department"), req.getParameter("tool"), req.getParameter("use_case"),
                req.getParameter("model"), req.getParameter("decision"), req.getParameter("entity_type"),
                req.getParameter("trace_id"));
    }

    private void search(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        AuditQueries.Page page = queries.search(filter(req), intParam(req, "page", 0), intParam(req, "size", 50));
        res.setStatus(200);
        res.setContentType("application/json");
        try (var g = json.getFactory().createGenerator(res.getOutputStream())) {
            g.writeStartObject();
            g.writeStringField("object", "list");
            g.writeNumberField("page", page.page());
            g.writeNumberField("size", page.size());
            g.writeBooleanField("has_more", page.hasMore());
            g.writeArrayFieldStart("data");
            for (AuditRows.Stored s : page.items()) {
                RecordJson.write(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void trace(String traceId, HttpServletResponse res) throws IOException {
        List<AuditRows.Stored> records = queries.byTrace(traceId);
        if (records.isEmpty()) {
            http.refuse(res, Refusal.notFound("trace_not_found", "Er is geen auditrecord met deze trace-id (meer).", "traceId"));
            return;
        }
        Map<String, Object> content = new LinkedHashMap<>();
        StreamingQuery.run(dataSource, "SELECT * FROM audit_content WHERE trace_id = ?", List.of(traceId), rs -> {
            content.put("redacted_prompt", rs.getString("redacted_prompt"));
            content.put("redacted_answer", rs.getString("redacted_answer"));
            content.put("expires_at", AuditRows.instant(rs, "expires_at").toString());
            return false;
        });
        res.setStatus(200);
        res.setContentType("application/json");
        try (var g = json.getFactory().createGenerator(res.getOutputStream())) {
            g.writeStartObject();
            g.writeStringField("trace_id", traceId);
            g.writeArrayFieldStart("records");
            for (AuditRows.Stored s : records) {
                RecordJson.write(g, s);
            }
            g.writeEndArray();
            g.writeFieldName("content");
            json.writeValue(g, content.isEmpty() ? null : content);
            g.writeFieldName("review");
            json.writeValue(g, oversight.reviewOf(traceId));
            g.writeFieldName("complaints");
            json.writeValue(g, oversight.complaintsOf(traceId));
            g.writeFieldName("legal_holds");
            json.writeValue(g, holds.holdsCovering(traceId));
            g.writeEndObject();
        }
    }

    private void exportCsv(HttpServletRequest req, HttpServletResponse res, String op) {
        AuditFilter filter = filter(req);
        res.setStatus(200);
        res.setContentType("text/csv;charset=UTF-8");
        res.setHeader("Content-Disposition", "attachment; filename=\"dijkwacht-audit.csv\"");
        try {
            queries.exportCsv(filter, res.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void exportJson(HttpServletRequest req, HttpServletResponse res, String op) {
        AuditFilter filter = filter(req);
        res.setStatus(200);
        res.setContentType("application/json");
        res.setHeader("Content-Disposition", "attachment; filename=\"dijkwacht-audit.json\"");
        try {
            queries.exportJson(filter, res.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void aggregates(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        String period = Optional.ofNullable(req.getParameter("period")).orElse("month");
        String by = Optional.ofNullable(req.getParameter("by")).orElse("model");
        http.ok(res, Map.of("period", period, "by", by, "data", queries.aggregate(filter(req), period, by)));
    }

    private void verify(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        String chain = req.getParameter("chain");
        List<VerifyReport> reports;
        if (chain == null || chain.isBlank()) {
            reports = verifier.verifyAll();
        } else {
            String anchorSeq = req.getParameter("anchor_seq");
            reports = List.of(verifier.verify(chain, anchorSeq == null ? null : Long.valueOf(anchorSeq), req.getParameter("anchor_hash")));
        }
        Map<String, Object> rowsReport = oversight.verifyRows();
        http.ok(res, Map.of("ok", reports.stream().allMatch(VerifyReport::ok) && Boolean.TRUE.equals(rowsReport.get("ok")),
                "chains", reports, "reviews_and_complaints", rowsReport));
    }

    private void head(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        String chain = Optional.ofNullable(req.getParameter("chain")).orElse(sink.chainId());
        Map<String, Object> head = verifier.head(chain);
        if (head == null) {
            http.refuse(res, Refusal.notFound("chain_not_found", "Deze keten bestaat niet.", "chain"));
        } else {
            http.ok(res, head);
        }
    }

    /** Does a text match the keyed hash in a record? The text is hashed in memory and dropped. */
    private void hashCheck(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        JsonNode body = http.readBody(req);
        String traceId = body.path("trace_id").asText(null);
        String kind = body.path("kind").asText("prompt");
        String text = body.path("text").isTextual() ? body.path("text").asText() : null;
        if (text == null && body.get("request") instanceof ObjectNode request) {
            text = AuditCapture.joinTexts(new ChatRequest(request));
        }
        if (traceId == null || text == null || !(kind.equals("prompt") || kind.equals("answer"))) {
            throw new IllegalArgumentException("Geef trace_id, kind (prompt|answer) en text (of request: de OpenAI-aanvraag).");
        }
        List<AuditRows.Stored> records = queries.byTrace(traceId);
        if (records.isEmpty()) {
            http.refuse(res, Refusal.notFound("trace_not_found", "Er is geen auditrecord met deze trace-id (meer).", "trace_id"));
            return;
        }
        var r = records.getFirst().record();
        String stored = kind.equals("prompt") ? r.promptHmac() : r.answerHmac();
        Optional<String> computed = r.hashKeyId() == null ? Optional.empty() : hasher.hash(r.hashKeyId(), text);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trace_id", traceId);
        out.put("kind", kind);
        out.put("hash_key_id", r.hashKeyId());
        out.put("key_available", computed.isPresent());
        out.put("matches", computed.isPresent() && TextHasher.sameHash(computed.get(), stored));
        http.ok(res, out);
    }

    private void placeHold(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        JsonNode body = http.readBody(req);
        String user = text(body, "user");
        String actor = user != null ? pseudonymizer.pseudonym(user) : text(body, "actor");
        long id = holds.place(text(body, "trace_id"), actor, parseInstant(text(body, "period_start"), false),
                parseInstant(text(body, "period_end"), true), text(body, "reason"), op);
        res.setStatus(201);
        http.ok(res, 201, Map.of("id", id, "actor_pseudonym", actor == null ? "" : actor));
    }

    private void releaseHold(String id, HttpServletResponse res, String op) throws IOException {
        long holdId;
        try {
            holdId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Ongeldig id.");
        }
        if (!holds.release(holdId, op)) {
            http.refuse(res, Refusal.notFound("hold_not_found", "Geen actieve bewaarplicht met dit id.", "id"));
            return;
        }
        http.ok(res, Map.of("id", holdId, "active", false));
    }

    private void auditorComplaint(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        JsonNode body = http.readBody(req);
        String traceId = text(body, "trace_id");
        if (traceId == null || queries.byTrace(traceId).isEmpty()) {
            http.refuse(res, Refusal.notFound("trace_not_found", "Er is geen auditrecord met deze trace-id (meer).", "trace_id"));
            return;
        }
        long id = oversight.complaint(traceId, Optional.ofNullable(text(body, "kind")).orElse("objection"),
                text(body, "reference"), text(body, "summary"), "operator:" + op, "auditor");
        http.ok(res, 201, Map.of("id", id, "trace_id", traceId));
    }

    // ---------------------------------------------------------------- tool

    private void review(HttpServletRequest req, HttpServletResponse res, ToolPolicy tool) throws IOException {
        JsonNode body = http.readBody(req);
        String traceId = text(body, "trace_id");
        String outcome = text(body, "outcome");
        if (traceId == null || outcome == null) {
            throw new IllegalArgumentException("Geef trace_id en outcome (accepted, edited of rejected).");
        }
        Oversight.Answered answered = oversight.answered(traceId);
        if (answered == null || !tool.id().equals(answered.toolId())) {
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

    private void feedback(HttpServletRequest req, HttpServletResponse res, ToolPolicy tool) throws IOException {
        JsonNode body = http.readBody(req);
        String traceId = text(body, "trace_id");
        Oversight.Answered answered = traceId == null ? null : oversight.answered(traceId);
        if (answered == null || !tool.id().equals(answered.toolId())) {
            http.refuse(res, Refusal.notFound("trace_not_found",
                    "Deze trace-id hoort niet bij een antwoord aan uw tool.", "trace_id"));
            return;
        }
        long id = oversight.complaint(traceId, Optional.ofNullable(text(body, "kind")).orElse("error_report"),
                text(body, "reference"), text(body, "description"), "tool:" + tool.id(), "tool");
        http.ok(res, 201, Map.of("id", id, "trace_id", traceId));
    }
}
