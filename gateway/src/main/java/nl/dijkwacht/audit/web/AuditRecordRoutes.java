package nl.dijkwacht.audit.web;

import static nl.dijkwacht.audit.web.AuditHttp.instant;
import static nl.dijkwacht.audit.web.AuditHttp.intParam;

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
import javax.sql.DataSource;
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
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StreamingQuery;
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
    private final ChainVerifier verifier;
    private final ChainedJdbcAuditSink sink;
    private final LegalHolds holds;
    private final Oversight oversight;
    private final Pseudonymizer pseudonymizer;
    private final TextHasher hasher;
    private final DataSource dataSource;

    AuditRecordRoutes(AuditHttp http, AuditQueries queries, ChainVerifier verifier, ChainedJdbcAuditSink sink,
                      LegalHolds holds, Oversight oversight, Pseudonymizer pseudonymizer, TextHasher hasher,
                      DataSource dataSource) {
        this.http = http;
        this.json = http.json();
        this.queries = queries;
        this.verifier = verifier;
        this.sink = sink;
        this.holds = holds;
        this.oversight = oversight;
        this.pseudonymizer = pseudonymizer;
        this.hasher = hasher;
        this.dataSource = dataSource;
    }

    RouterFunctions.Builder addTo(RouterFunctions.Builder routes) {
        return routes
                .GET("/audit/v1/records", r -> http.auditor(this::search))
                .GET("/audit/v1/records/{traceId}", r -> http.auditor((req, res, op) -> trace(r.pathVariable("traceId"), res)))
                .GET("/audit/v1/export.csv", r -> http.auditor(this::exportCsv))
                .GET("/audit/v1/export.json", r -> http.auditor(this::exportJson))
                .GET("/audit/v1/aggregates", r -> http.auditor(this::aggregates))
                .GET("/audit/v1/verify", r -> http.auditor(this::verify))
                .GET("/audit/v1/chain/head", r -> http.auditor(this::head))
                .POST("/audit/v1/hash-check", r -> http.auditor(this::hashCheck));
    }

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
}
