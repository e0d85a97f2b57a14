package nl.dijkwacht.audit.web;

import static nl.dijkwacht.audit.web.AuditHttp.instant;
import static nl.dijkwacht.audit.web.AuditHttp.intParam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import nl.dijkwacht.audit.AuditCapture;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.TextHasher;
import nl.dijkwacht.audit.chain.ChainHead;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.TenantChains;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.AuditVerification;
import nl.dijkwacht.audit.query.PageCursor;
import nl.dijkwacht.audit.query.RecordJson;
import nl.dijkwacht.audit.query.TraceQueries;
import nl.dijkwacht.audit.query.TraceView;
import nl.dijkwacht.audit.query.UsageRow;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.RouterFunctions;

/**
 * The auditor's view of the records ({@code /audit/v1/records|export.*|aggregates|verify|chain/head|hash-check}):
 * search, one trace in detail, exports, aggregates, chain verification and the keyed-hash check. Auditor role.
 */
final class AuditRecordRoutes {

    private final AuditHttp http;
    private final ObjectMapper json;
    private final AuditQueries queries;
    private final TraceQueries traces;
    private final AuditVerification verification;
    private final ChainVerifier verifier;
    private final TenantChains chains;
    private final Pseudonymizer pseudonymizer;
    private final TextHasher hasher;

    AuditRecordRoutes(AuditHttp http, AuditQueries queries, TraceQueries traces, AuditVerification verification, ChainVerifier verifier,
                      TenantChains chains, Pseudonymizer pseudonymizer, TextHasher hasher) {
        this.http = http;
        this.json = http.json();
        this.queries = queries;
        this.traces = traces;
        this.verification = verification;
        this.verifier = verifier;
        this.chains = chains;
        this.pseudonymizer = pseudonymizer;
        this.hasher = hasher;
    }

    RouterFunctions.Builder addTo(RouterFunctions.Builder routes) {
        return routes
                .GET("/audit/v1/records", r -> http.auditor(this::search))
                .GET("/audit/v1/records/{traceId}", r -> http.auditor((req, res, op) -> {
                    op.object("trace", r.pathVariable("traceId"));
                    trace(r.pathVariable("traceId"), http.scope(req), res);
                }))
                .GET("/audit/v1/export.csv", r -> http.auditor(this::exportCsv))
                .GET("/audit/v1/export.json", r -> http.auditor(this::exportJson))
                .GET("/audit/v1/aggregates", r -> http.auditor(this::aggregates))
                .GET("/audit/v1/verify", r -> http.auditor(this::verify))
                .GET("/audit/v1/chain/head", r -> http.auditor(this::head))
                .POST("/audit/v1/hash-check", r -> http.auditor(this::hashCheck));
    }

    /** The search filter of the query string, also noted in the action's record (a user only as pseudonym). */
    private AuditFilter filter(HttpServletRequest req, OperatorActionLog.Entry action) {
        String user = req.getParameter("user");
        String actor = user != null && !user.isBlank() ? pseudonymizer.pseudonym(user.strip()) : req.getParameter("actor");
        AuditFilter filter = new AuditFilter(instant(req, "from", false), instant(req, "to", true), actor,
                req.getParameter("department"), req.getParameter("tool"), req.getParameter("use_case"),
                req.getParameter("model"), req.getParameter("decision"), req.getParameter("rule"),
                req.getParameter("entity_type"), req.getParameter("trace_id"), req.getParameter("endpoint"),
                req.getParameter("action")).within(http.scope(req));
        action.param("from", req.getParameter("from")).param("to", req.getParameter("to")).param("actor", actor)
                .param("department", filter.department()).param("tool", filter.tool()).param("use_case", filter.useCase())
                .param("model", filter.model()).param("decision", filter.decision()).param("rule", filter.rule())
                .param("entity_type", filter.entityType()).param("trace_id", filter.traceId())
                .param("endpoint", filter.endpoint()).param("action", filter.action());
        return filter;
    }

    /**
     * {@code after=<next_cursor>} pages by keyset (equally fast at any depth; recommended); {@code page=N} by number
     * (kept for existing clients). Both answers carry {@code next_cursor} when there is more.
     */
    private void search(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        AuditFilter filter = filter(req, op);
        int size = intParam(req, "size", 50);
        String after = req.getParameter("after");
        List<AuditRows.Stored> items;
        boolean more;
        Integer pageNo = null;
        if (after != null && !after.isBlank() || req.getParameter("page") == null) {
            AuditQueries.Slice slice = queries.searchAfter(filter, after == null || after.isBlank() ? null : PageCursor.parse(after), size);
            items = slice.items();
            more = slice.next() != null;
            size = slice.size();
        } else {
            AuditQueries.Page page = queries.search(filter, intParam(req, "page", 0), size);
            items = page.items();
            more = page.hasMore();
            size = page.size();
            pageNo = page.page();
        }
        res.setStatus(200);
        res.setContentType("application/json");
        try (var g = json.getFactory().createGenerator(res.getOutputStream())) {
            g.writeStartObject();
            g.writeStringField("object", "list");
            g.writeNumberField("page", pageNo == null ? 0 : pageNo);
            g.writeNumberField("size", size);
            g.writeBooleanField("has_more", more);
            if (more) {
                AuditRows.Stored last = items.getLast();
                g.writeStringField("next_cursor", new PageCursor(last.record().occurredAt(), last.id()).token());
            } else {
                g.writeNullField("next_cursor");
            }
            g.writeArrayFieldStart("data");
            for (AuditRows.Stored s : items) {
                RecordJson.write(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Another tenant's trace is answered as unknown (404), never as forbidden: its existence is not revealed. */
    private void trace(String traceId, nl.dijkwacht.audit.TenantScope scope, HttpServletResponse res) throws IOException {
        Optional<TraceView> found = traces.trace(traceId, scope);
        if (found.isEmpty()) {
            http.refuse(res, Refusal.notFound("trace_not_found", "Er is geen auditrecord met deze trace-id (meer).", "traceId"));
            return;
        }
        TraceView view = found.get();
        res.setStatus(200);
        res.setContentType("application/json");
        try (var g = json.getFactory().createGenerator(res.getOutputStream())) {
            g.writeStartObject();
            g.writeStringField("trace_id", traceId);
            g.writeArrayFieldStart("records");
            for (AuditRows.Stored s : view.records()) {
                RecordJson.write(g, s);
            }
            g.writeEndArray();
            g.writeFieldName("content");
            json.writeValue(g, view.content());
            g.writeFieldName("review");
            json.writeValue(g, view.review());
            g.writeFieldName("complaints");
            json.writeValue(g, view.complaints());
            g.writeFieldName("legal_holds");
            json.writeValue(g, view.legalHolds());
            g.writeEndObject();
        }
    }

    private void exportCsv(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) {
        export(req, res, op, "csv", "text/csv;charset=UTF-8", queries::exportCsv);
    }

    private void exportJson(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) {
        export(req, res, op, "json", "application/json", queries::exportJson);
    }

    /** The records the filter selects as a download {@code dijkwacht-audit.<format>}, streamed as they are read. */
    private void export(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op, String format,
                        String contentType, BiConsumer<AuditFilter, OutputStream> write) {
        AuditFilter filter = filter(req, op);
        op.param("format", format);
        res.setStatus(200);
        res.setContentType(contentType);
        res.setHeader("Content-Disposition", "attachment; filename=\"dijkwacht-audit." + format + "\"");
        try {
            write.accept(filter, res.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void aggregates(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        String period = Optional.ofNullable(req.getParameter("period")).orElse("month");
        String by = Optional.ofNullable(req.getParameter("by")).orElse("model");
        op.param("period", period).param("by", by);
        List<Map<String, Object>> data = new java.util.ArrayList<>();
        for (UsageRow row : queries.aggregate(filter(req, op), period, by)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", row.period());
            m.put(by, row.key());
            m.put("requests", row.requests());
            m.put("refused", row.refused());
            m.put("redacted", row.redacted());
            m.put("failed", row.failed());
            m.put("prompt_tokens", row.promptTokens());
            m.put("completion_tokens", row.completionTokens());
            m.put("energy_wh", row.energyWh());
            data.add(m);
        }
        http.ok(res, Map.of("period", period, "by", by, "data", data));
    }

    /**
     * Every chain, or one ({@code chain}) optionally against an anchor ({@code anchor_seq} and {@code anchor_hash},
     * both or neither), resuming after an earlier verification's last link ({@code from_seq}, {@code from_hash}). An
     * unknown chain is 404 {@code chain_not_found}; half an anchor or a non-numeric seq is 400.
     */
    private void verify(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        String chain = req.getParameter("chain");
        op.object("chain", chain == null || chain.isBlank() ? "*" : chain.strip()).param("anchor_seq", req.getParameter("anchor_seq"));
        AuditVerification.Anchor anchor = AuditVerification.Anchor.parse(req.getParameter("anchor_seq"), req.getParameter("anchor_hash"));
        nl.dijkwacht.audit.chain.ChainVerifier.Resume from = AuditVerification.parseResume(req.getParameter("from_seq"), req.getParameter("from_hash"));
        if (from != null) {
            op.param("from_seq", from.seq());
        }
        AuditVerification.Result result;
        String tenant = http.tenantOf(req);
        java.util.function.Predicate<String> ownChain = c -> chains.tenantOfChain(c).equals(tenant);
        if (chain == null || chain.isBlank()) {
            if (anchor != null || from != null) {
                throw new IllegalArgumentException((anchor != null ? "Een anker" : "Verder controleren (from_seq)")
                        + " hoort bij één keten: geef ook chain (bijvoorbeeld chain=" + chains.chainOf(tenant) + ").");
            }
            result = verification.verifyAll(ownChain, http.scope(req));
        } else {
            try {
                result = verification.verify(chain.strip(), anchor, from, ownChain, http.scope(req));
            } catch (AuditVerification.UnknownChainException e) {
                http.refuse(res, Refusal.notFound("chain_not_found", "Er is geen auditketen '" + chain.strip()
                        + "'. Bestaande ketens: " + String.join(", ", e.known()) + ".", "chain"));
                return;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", result.ok());
        op.param("ok", result.ok());
        out.put("chains", result.chains());
        out.put("reviews_and_complaints", result.reviewsAndComplaints());
        out.put("checked_at", result.checkedAt());
        http.ok(res, out);
    }

    private void head(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        String tenant = http.tenantOf(req);
        String chain = Optional.ofNullable(req.getParameter("chain")).orElse(chains.chainOf(tenant));
        op.object("chain", chain);
        ChainHead head = chains.tenantOfChain(chain).equals(tenant) ? verifier.head(chain) : null;
        if (head == null) {
            http.refuse(res, Refusal.notFound("chain_not_found", "Deze keten bestaat niet.", "chain"));
        } else {
            http.ok(res, head);
        }
    }

    /** Does a text match the keyed hash in a record? The text is hashed in memory and dropped. */
    private void hashCheck(HttpServletRequest req, HttpServletResponse res, OperatorActionLog.Entry op) throws IOException {
        JsonNode body = http.readBody(req);
        String traceId = body.path("trace_id").asText(null);
        String kind = body.path("kind").asText("prompt");
        String text = body.path("text").isTextual() ? body.path("text").asText() : null;
        if (text == null && body.get("request") instanceof ObjectNode request) {
            text = AuditCapture.joinTexts(new ChatRequest(request));
        }
        op.object("trace", traceId).param("kind", kind);
        if (traceId == null || text == null || !(kind.equals("prompt") || kind.equals("answer"))) {
            throw new IllegalArgumentException("Geef trace_id, kind (prompt|answer) en text (of request: de OpenAI-aanvraag).");
        }
        List<AuditRows.Stored> records = queries.byTrace(traceId, http.scope(req));
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
        op.param("matches", out.get("matches"));
        http.ok(res, out);
    }
}
