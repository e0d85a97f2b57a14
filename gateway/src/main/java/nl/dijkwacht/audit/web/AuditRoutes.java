package nl.dijkwacht.audit.web;

import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dijkwacht.api.OpenAiErrorWriter;
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
import nl.dijkwacht.identity.AuthenticateStep;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditRoutes.class);

    private final OperatorAccess operators;
    private final ActivePolicy policy;
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
    private final OpenAiErrorWriter errors;
    private final ObjectMapper json;

    public AuditRoutes(OperatorAccess operators, ActivePolicy policy, AuditQueries queries, ChainVerifier verifier,
                       ChainedJdbcAuditSink sink, LegalHolds holds, RetentionJob retention, Oversight oversight,
                       TransparencyReport transparency, Pseudonymizer pseudonymizer, TextHasher hasher,
                       javax.sql.DataSource dataSource, ObjectMapper json) {
        this.operators = operators;
        this.policy = policy;
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
        this.errors = new OpenAiErrorWriter(json);
        this.json = json.copy().setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
    }

    public RouterFunction<ServerResponse> routes() {
        return route("dijkwacht-audit")
                .GET("/audit/v1/records", r -> auditor(this::search))
                .GET("/audit/v1/records/{traceId}", r -> auditor((req, res, op) -> trace(r.pathVariable("traceId"), res)))
                .GET("/audit/v1/export.csv", r -> auditor(this::exportCsv))
                .GET("/audit/v1/export.json", r -> auditor(this::exportJson))
                .GET("/audit/v1/aggregates", r -> auditor(this::aggregates))
                .GET("/audit/v1/verify", r -> auditor(this::verify))
                .GET("/audit/v1/chain/head", r -> auditor(this::head))
                .POST("/audit/v1/hash-check", r -> auditor(this::hashCheck))
                .GET("/audit/v1/holds", r -> auditor((req, res, op) -> ok(res, Map.of("data",
                        holds.list().stream().map(LegalHolds::toJson).toList()))))
                .POST("/audit/v1/holds", r -> auditor(this::placeHold))
                .DELETE("/audit/v1/holds/{id}", r -> auditor((req, res, op) -> releaseHold(r.pathVariable("id"), res, op)))
                .GET("/audit/v1/retention/runs", r -> auditor((req, res, op) -> ok(res, Map.of("data", retention.runs()))))
                .POST("/audit/v1/retention/run", r -> operator(OperatorRole.ADMIN, (req, res, op) -> ok(res, retention.run("operator:" + op))))
                .GET("/audit/v1/oversight", r -> auditor((req, res, op) -> ok(res, Map.of("data",
                        oversight.stats(instant(req, "from", false), instant(req, "to", true))))))
                .GET("/audit/v1/oversight/unreviewed", r -> auditor((req, res, op) -> ok(res, Map.of("data",
                        oversight.unreviewed(req.getParameter("use_case"), intParam(req, "limit", 100))))))
                .POST("/audit/v1/complaints", r -> auditor(this::auditorComplaint))
                .POST("/v1/dijkwacht/reviews", r -> tool(this::review))
                .POST("/v1/dijkwacht/feedback", r -> tool(this::feedback))
                .GET("/transparantie", r -> open((req, res) -> html(res, TransparencyPage.html(transparency.report()))))
                .GET("/transparantie.json", r -> open((req, res) -> ok(res, transparency.report())))
                .GET("/transparantie/algoritmeregister.json", r -> open((req, res) -> ok(res,
                        Map.of("standard_version", "1.0", "data", transparency.algoritmeregisterAll()))))
                .GET("/transparantie/algoritmeregister/{useCase}.json", r -> open((req, res) -> {
                    Map<String, Object> entry = transparency.algoritmeregister(r.pathVariable("useCase"));
                    if (entry == null) {
                        errors.write(res, Refusal.notFound("use_case_not_found", "Deze toepassing bestaat niet.", "useCase"));
                    } else {
                        ok(res, entry);
                    }
                }))
                .build();
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

    private ServerResponse auditor(OperatorHandler handler) {
        return operator(OperatorRole.AUDITOR, handler);
    }

    private ServerResponse operator(OperatorRole role, OperatorHandler handler) {
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

    private ServerResponse tool(ToolHandler handler) {
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

    private ServerResponse open(OpenHandler handler) {
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
            errors.write(res, Refusal.notFound("trace_not_found", "Er is geen auditrecord met deze trace-id (meer).", "traceId"));
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
        ok(res, Map.of("period", period, "by", by, "data", queries.aggregate(filter(req), period, by)));
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
        ok(res, Map.of("ok", reports.stream().allMatch(VerifyReport::ok) && Boolean.TRUE.equals(rowsReport.get("ok")),
                "chains", reports, "reviews_and_complaints", rowsReport));
    }

    private void head(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        String chain = Optional.ofNullable(req.getParameter("chain")).orElse(sink.chainId());
        Map<String, Object> head = verifier.head(chain);
        if (head == null) {
            errors.write(res, Refusal.notFound("chain_not_found", "Deze keten bestaat niet.", "chain"));
        } else {
            ok(res, head);
        }
    }

    /** Does a text match the keyed hash in a record? The text is hashed in memory and dropped. */
    private void hashCheck(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        JsonNode body = readBody(req);
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
            errors.write(res, Refusal.notFound("trace_not_found", "Er is geen auditrecord met deze trace-id (meer).", "trace_id"));
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
        ok(res, out);
    }

    private void placeHold(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        JsonNode body = readBody(req);
        String user = text(body, "user");
        String actor = user != null ? pseudonymizer.pseudonym(user) : text(body, "actor");
        long id = holds.place(text(body, "trace_id"), actor, parseInstant(text(body, "period_start"), false),
                parseInstant(text(body, "period_end"), true), text(body, "reason"), op);
        res.setStatus(201);
        ok(res, 201, Map.of("id", id, "actor_pseudonym", actor == null ? "" : actor));
    }

    private void releaseHold(String id, HttpServletResponse res, String op) throws IOException {
        long holdId;
        try {
            holdId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Ongeldig id.");
        }
        if (!holds.release(holdId, op)) {
            errors.write(res, Refusal.notFound("hold_not_found", "Geen actieve bewaarplicht met dit id.", "id"));
            return;
        }
        ok(res, Map.of("id", holdId, "active", false));
    }

    private void auditorComplaint(HttpServletRequest req, HttpServletResponse res, String op) throws IOException {
        JsonNode body = readBody(req);
        String traceId = text(body, "trace_id");
        if (traceId == null || queries.byTrace(traceId).isEmpty()) {
            errors.write(res, Refusal.notFound("trace_not_found", "Er is geen auditrecord met deze trace-id (meer).", "trace_id"));
            return;
        }
        long id = oversight.complaint(traceId, Optional.ofNullable(text(body, "kind")).orElse("objection"),
                text(body, "reference"), text(body, "summary"), "operator:" + op, "auditor");
        ok(res, 201, Map.of("id", id, "trace_id", traceId));
    }

    // ---------------------------------------------------------------- tool

    private void review(HttpServletRequest req, HttpServletResponse res, ToolPolicy tool) throws IOException {
        JsonNode body = readBody(req);
        String traceId = text(body, "trace_id");
        String outcome = text(body, "outcome");
        if (traceId == null || outcome == null) {
            throw new IllegalArgumentException("Geef trace_id en outcome (accepted, edited of rejected).");
        }
        Oversight.Answered answered = oversight.answered(traceId);
        if (answered == null || !tool.id().equals(answered.toolId())) {
            errors.write(res, Refusal.notFound("trace_not_found",
                    "Deze trace-id hoort niet bij een antwoord aan uw tool.", "trace_id"));
            return;
        }
        String finalText = body.path("final_text").isTextual() ? body.path("final_text").asText() : null;
        String hash = finalText != null ? hasher.hash(finalText) : text(body, "final_text_sha256");
        String keyId = finalText != null ? hasher.activeKeyId() : (hash != null ? "sha256" : null);
        Oversight.Stored stored = oversight.review(answered, outcome, pseudonymizer.pseudonym(text(body, "reviewer")), hash, keyId);
        if (stored == Oversight.Stored.DUPLICATE) {
            errors.write(res, new Refusal(409, Refusal.INVALID_REQUEST, "review_exists",
                    "Voor dit antwoord is al gemeld wat ermee is gebeurd.", "trace_id"));
            return;
        }
        ok(res, 201, Map.of("trace_id", traceId, "outcome", outcome));
    }

    private void feedback(HttpServletRequest req, HttpServletResponse res, ToolPolicy tool) throws IOException {
        JsonNode body = readBody(req);
        String traceId = text(body, "trace_id");
        Oversight.Answered answered = traceId == null ? null : oversight.answered(traceId);
        if (answered == null || !tool.id().equals(answered.toolId())) {
            errors.write(res, Refusal.notFound("trace_not_found",
                    "Deze trace-id hoort niet bij een antwoord aan uw tool.", "trace_id"));
            return;
        }
        long id = oversight.complaint(traceId, Optional.ofNullable(text(body, "kind")).orElse("error_report"),
                text(body, "reference"), text(body, "description"), "tool:" + tool.id(), "tool");
        ok(res, 201, Map.of("id", id, "trace_id", traceId));
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode readBody(HttpServletRequest req) throws IOException {
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

    private static String text(JsonNode body, String field) {
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

    private static int intParam(HttpServletRequest req, String name, int dflt) {
        String v = req.getParameter(name);
        try {
            return v == null || v.isBlank() ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter " + name + " moet een geheel getal zijn.");
        }
    }

    private void ok(HttpServletResponse res, Object body) throws IOException {
        ok(res, 200, body);
    }

    private void ok(HttpServletResponse res, int status, Object body) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), body);
    }

    private static void html(HttpServletResponse res, String page) throws IOException {
        res.setStatus(200);
        res.setContentType("text/html;charset=UTF-8");
        res.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
