package nl.dijkwacht.audit.query;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.store.AuditRows;

/** The auditor's view of one record, as JSON (field names in snake_case) and as a CSV line. */
public final class RecordJson {

    public static final List<String> CSV_COLUMNS = List.of("trace_id", "occurred_at", "action", "object", "result",
            "origin", "actor", "tool", "department", "tenant", "use_case", "model", "upstream_model", "provider", "hosting",
            "policy_version", "decision", "rule", "error_code", "http_status", "upstream_status", "entity_counts",
            "output_entity_counts", "prompt_tokens", "completion_tokens", "latency_ms", "energy_wh", "streamed",
            "placeholders_restored", "placeholders_unknown", "hash_key_id", "prompt_hmac", "answer_hmac",
            "prompt_template", "sources", "citations", "content_retained", "review_required", "route_task",
            "route_summary", "route_upstream", "action_params", "attachment_counts", "purpose_verdict", "purpose_layer",
            "purpose_score", "chain_id", "seq",
            "prev_hash", "record_hash");

    private RecordJson() {
    }

    public static void write(JsonGenerator g, AuditRows.Stored s) throws IOException {
        AuditRecord r = s.record();
        g.writeStartObject();
        g.writeStringField("trace_id", r.traceId());
        g.writeStringField("occurred_at", r.occurredAt().toString());
        g.writeStringField("action", r.bioAction());
        g.writeStringField("object", r.bioObject());
        g.writeStringField("result", r.bioResult());
        g.writeStringField("origin", r.bioOrigin());
        g.writeStringField("actor", r.actorPseudonym());
        g.writeStringField("tool", r.toolId());
        g.writeStringField("department", r.department());
        g.writeStringField("tenant", r.tenant());
        g.writeStringField("use_case", r.useCase());
        g.writeStringField("model", r.modelId());
        g.writeStringField("upstream_model", r.upstreamModel());
        g.writeStringField("provider", r.provider());
        g.writeStringField("hosting", r.hosting());
        g.writeStringField("policy_version", r.policyVersion());
        g.writeStringField("decision", r.decision());
        g.writeStringField("rule", r.rule());
        g.writeStringField("error_code", r.errorCode());
        g.writeNumberField("http_status", r.httpStatus());
        if (r.upstreamStatus() == null) {
            g.writeNullField("upstream_status");
        } else {
            g.writeNumberField("upstream_status", r.upstreamStatus());
        }
        counts(g, "entity_counts", r.entityCounts());
        counts(g, "output_entity_counts", r.outputEntityCounts());
        counts(g, "attachment_counts", r.attachmentCounts());
        g.writeNumberField("prompt_tokens", r.promptTokens());
        g.writeNumberField("completion_tokens", r.completionTokens());
        g.writeNumberField("latency_ms", r.latencyMillis());
        g.writeNumberField("energy_wh", r.energyWh());
        g.writeBooleanField("streamed", r.streamed());
        g.writeNumberField("placeholders_restored", r.placeholdersRestored());
        g.writeNumberField("placeholders_unknown", r.placeholdersUnknown());
        g.writeStringField("hash_key_id", r.hashKeyId());
        g.writeStringField("prompt_hmac", r.promptHmac());
        g.writeStringField("answer_hmac", r.answerHmac());
        g.writeStringField("prompt_template", r.promptTemplate());
        strings(g, "sources", r.sources());
        strings(g, "citations", r.citations());
        g.writeBooleanField("content_retained", r.contentRetained());
        g.writeBooleanField("review_required", r.reviewRequired());
        g.writeObjectFieldStart("routing");
        g.writeStringField("task", r.routing().task());
        g.writeStringField("summary", r.routing().summary());
        g.writeStringField("upstream", r.routing().upstream());
        g.writeEndObject();
        g.writeStringField("action_params", r.actionParameters());
        g.writeObjectFieldStart("purpose");
        g.writeStringField("verdict", r.purpose().verdict());
        g.writeStringField("layer", r.purpose().layer());
        if (r.purpose().score() == null) {
            g.writeNullField("score");
        } else {
            g.writeNumberField("score", r.purpose().score());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("chain");
        g.writeStringField("chain_id", s.link().chainId());
        g.writeNumberField("seq", s.link().seq());
        g.writeStringField("prev_hash", s.link().prevHash());
        g.writeStringField("record_hash", s.link().recordHash());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String name, Map<String, Integer> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : new java.util.TreeMap<>(counts).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** What a spreadsheet reads as the start of a formula (tab and carriage return: Excel skips them, then sees "="). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    public static void csvHeader(Writer w) throws IOException {
        w.write(String.join(",", CSV_COLUMNS));
        w.write("\r\n");
    }

    public static void csv(Writer w, AuditRows.Stored s) throws IOException {
        AuditRecord r = s.record();
        Object[] values = {r.traceId(), r.occurredAt(), r.bioAction(), r.bioObject(), r.bioResult(), r.bioOrigin(),
                r.actorPseudonym(), r.toolId(), r.department(), r.tenant(), r.useCase(), r.modelId(), r.upstreamModel(),
                r.provider(), r.hosting(), r.policyVersion(), r.decision(), r.rule(), r.errorCode(), r.httpStatus(),
                r.upstreamStatus(), flat(r.entityCounts()), flat(r.outputEntityCounts()), r.promptTokens(),
                r.completionTokens(), r.latencyMillis(), r.energyWh(), r.streamed(), r.placeholdersRestored(),
                r.placeholdersUnknown(), r.hashKeyId(), r.promptHmac(), r.answerHmac(), r.promptTemplate(),
                String.join(" ", r.sources()), String.join(" ", r.citations()), r.contentRetained(), r.reviewRequired(),
                r.routing().task(), r.routing().summary(), r.routing().upstream(), r.actionParameters(), flat(r.attachmentCounts()),
                r.purpose().verdict(), r.purpose().layer(), r.purpose().score(), s.link().chainId(), s.link().seq(), s.link().prevHash(), s.link().recordHash()};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(values[i]));
        }
        w.write("\r\n");
    }

    private static String flat(Map<String, Integer> counts) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(counts).forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    /**
     * RFC 4180 quoting, and a leading quote against spreadsheet formula injection (OWASP "CSV injection"): a text that
     * starts with {@code = + - @}, a tab or a carriage return gets a {@code '} in front, so a spreadsheet shows it as
     * text instead of running it. Numbers are written as they are (a negative number stays a number).
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!(value instanceof Number) && !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
