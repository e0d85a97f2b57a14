package nl.dijkwacht.audit.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.TurnHasher;

/** Maps {@link AuditRecord} to and from the {@code audit_record} table; the one place that knows its columns. */
public final class AuditRows {

    /** The record columns in insert order (chain columns first). */
    public static final String COLUMNS = """
            chain_id, seq, prev_hash, record_hash, chain_key_id, trace_id, occurred_at, period_day, period_month,
            bio_action, bio_object, bio_result, bio_origin, endpoint, tool_id, actor_pseudonym, department, tenant,
            use_case, model_id, upstream_model, provider, hosting, policy_version, decision, rule, error_code,
            http_status, upstream_status, entity_counts, output_entity_counts, entity_types, prompt_tokens,
            completion_tokens, latency_ms, energy_wh, streamed, placeholders_restored, placeholders_unknown,
            hash_key_id, prompt_hmac, answer_hmac, prompt_template, sources, citations, content_retained,
            review_required, route_task, route_summary, route_upstream, action_params, attachment_counts,
            purpose_verdict, purpose_layer, purpose_score, turn_hmac, choice_keys""";

    /** How many columns {@link #bind} sets. */
    public static final int COLUMN_COUNT = 57;

    public static final String INSERT = "INSERT INTO audit_record (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(COLUMN_COUNT - 1) + "?)";

    private static final TypeReference<TreeMap<String, Integer>> COUNTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final ObjectMapper json;

    public AuditRows(ObjectMapper json) {
        this.json = json;
    }

    /** A stored record with its place in the chain. */
    public record Stored(long id, ChainLink link, AuditRecord record, String periodDay, String periodMonth,
                         String entityTypes) {
    }

    public record ChainLink(String chainId, long seq, String prevHash, String recordHash, String chainKeyId) {
    }

    public void bind(PreparedStatement ps, ChainLink link, AuditRecord r) throws SQLException {
        bind(ps, 1, link, r);
    }

    /**
     * Sets the record's {@value #COLUMN_COUNT} columns from parameter {@code first} on (a multi-row statement).
     *
     * @return the next parameter's index
     */
    public int bind(PreparedStatement ps, int first, ChainLink link, AuditRecord r) throws SQLException {
        int i = first;
        ps.setString(i++, link.chainId());
        ps.setLong(i++, link.seq());
        ps.setBytes(i++, hashBytes(link.prevHash()));
        ps.setBytes(i++, hashBytes(link.recordHash()));
        ps.setString(i++, link.chainKeyId());
        ps.setString(i++, r.traceId());
        ps.setObject(i++, time(r.occurredAt()));
        ps.setString(i++, r.periodDay());
        ps.setString(i++, r.periodMonth());
        ps.setString(i++, r.bioAction());
        ps.setString(i++, r.bioObject());
        ps.setString(i++, r.bioResult());
        ps.setString(i++, r.bioOrigin());
        ps.setString(i++, r.endpoint());
        ps.setString(i++, r.toolId());
        ps.setString(i++, r.actorPseudonym());
        ps.setString(i++, r.department());
        ps.setString(i++, r.tenant());
        ps.setString(i++, r.useCase());
        ps.setString(i++, r.modelId());
        ps.setString(i++, r.upstreamModel());
        ps.setString(i++, r.provider());
        ps.setString(i++, r.hosting());
        ps.setString(i++, r.policyVersion());
        ps.setString(i++, r.decision());
        ps.setString(i++, r.rule());
        ps.setString(i++, r.errorCode());
        ps.setInt(i++, r.httpStatus());
        if (r.upstreamStatus() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, r.upstreamStatus());
        }
        ps.setString(i++, countsJson(r.entityCounts()));
        ps.setString(i++, countsJson(r.outputEntityCounts()));
        ps.setString(i++, r.entityTypes());
        ps.setInt(i++, r.promptTokens());
        ps.setInt(i++, r.completionTokens());
        ps.setLong(i++, r.latencyMillis());
        ps.setDouble(i++, r.energyWh());
        ps.setBoolean(i++, r.streamed());
        ps.setInt(i++, r.placeholdersRestored());
        ps.setInt(i++, r.placeholdersUnknown());
        ps.setString(i++, r.hashKeyId());
        ps.setBytes(i++, hashBytes(r.promptHmac()));
        ps.setBytes(i++, hashBytes(r.answerHmac()));
        ps.setString(i++, r.promptTemplate());
        ps.setString(i++, listJson(r.sources()));
        ps.setString(i++, listJson(r.citations()));
        ps.setBoolean(i++, r.contentRetained());
        ps.setBoolean(i++, r.reviewRequired());
        ps.setString(i++, r.routing().task());
        ps.setString(i++, r.routing().summary());
        ps.setString(i++, r.routing().upstream());
        ps.setString(i++, r.actionParameters());
        ps.setString(i++, r.attachmentCounts().isEmpty() ? null : countsJson(r.attachmentCounts()));
        ps.setString(i++, r.purpose().verdict());
        ps.setString(i++, r.purpose().layer());
        if (r.purpose().score() == null) {
            ps.setNull(i++, Types.DOUBLE);
        } else {
            ps.setDouble(i++, r.purpose().score());
        }
        ps.setBytes(i++, hashBytes(r.turnHmac()));
        ps.setBytes(i++, choiceKeys(r.choiceHmacs()));
        return i;
    }

    /**
     * The other choices' keys packed for {@code choice_keys} (audit49): the first 8 bytes of each turn hash
     * ({@link TurnHasher#choiceKey}, big-endian), in choice order; null for none.
     */
    public static byte[] choiceKeys(List<String> choiceHmacs) {
        if (choiceHmacs == null || choiceHmacs.isEmpty()) {
            return null;
        }
        ByteBuffer keys = ByteBuffer.allocate(choiceHmacs.size() * Long.BYTES);
        for (String hash : choiceHmacs) {
            keys.putLong(TurnHasher.choiceKey(hash));
        }
        return keys.array();
    }

    public Stored map(ResultSet rs) throws SQLException {
        Integer upstream = rs.getInt("upstream_status");
        if (rs.wasNull()) {
            upstream = null;
        }
        AuditRecord record = AuditRecord.builder()
                .traceId(rs.getString("trace_id"))
                .occurredAt(instant(rs, "occurred_at"))
                .bioAction(rs.getString("bio_action"))
                .bioObject(rs.getString("bio_object"))
                .bioResult(rs.getString("bio_result"))
                .bioOrigin(rs.getString("bio_origin"))
                .endpoint(rs.getString("endpoint"))
                .toolId(rs.getString("tool_id"))
                .actorPseudonym(rs.getString("actor_pseudonym"))
                .department(rs.getString("department"))
                .tenant(rs.getString("tenant"))
                .useCase(rs.getString("use_case"))
                .modelId(rs.getString("model_id"))
                .upstreamModel(rs.getString("upstream_model"))
                .provider(rs.getString("provider"))
                .hosting(rs.getString("hosting"))
                .policyVersion(rs.getString("policy_version"))
                .decision(rs.getString("decision"))
                .rule(rs.getString("rule"))
                .errorCode(rs.getString("error_code"))
                .httpStatus(rs.getInt("http_status"))
                .upstreamStatus(upstream)
                .entityCounts(parse(rs.getString("entity_counts"), COUNTS))
                .outputEntityCounts(parse(rs.getString("output_entity_counts"), COUNTS))
                .promptTokens(rs.getInt("prompt_tokens"))
                .completionTokens(rs.getInt("completion_tokens"))
                .latencyMillis(rs.getLong("latency_ms"))
                .energyWh(rs.getDouble("energy_wh"))
                .streamed(rs.getBoolean("streamed"))
                .placeholdersRestored(rs.getInt("placeholders_restored"))
                .placeholdersUnknown(rs.getInt("placeholders_unknown"))
                .hashKeyId(rs.getString("hash_key_id"))
                .promptHmac(hashText(rs.getBytes("prompt_hmac")))
                .answerHmac(hashText(rs.getBytes("answer_hmac")))
                .promptTemplate(rs.getString("prompt_template"))
                .sources(parse(rs.getString("sources"), STRINGS))
                .citations(parse(rs.getString("citations"), STRINGS))
                .contentRetained(rs.getBoolean("content_retained"))
                .reviewRequired(rs.getBoolean("review_required"))
                .routing(new AuditRecord.Routing(rs.getString("route_task"), rs.getString("route_summary"),
                        rs.getString("route_upstream")))
                .actionParameters(rs.getString("action_params"))
                .attachmentCounts(rs.getString("attachment_counts") == null ? Map.of()
                        : parse(rs.getString("attachment_counts"), COUNTS))
                .purpose(purpose(rs))
                .turnHmac(hashText(rs.getBytes("turn_hmac")))
                .build();
        ChainLink link = new ChainLink(rs.getString("chain_id"), rs.getLong("seq"), hashText(rs.getBytes("prev_hash")),
                hashText(rs.getBytes("record_hash")), rs.getString("chain_key_id"));
        return new Stored(rs.getLong("id"), link, record, rs.getString("period_day"), rs.getString("period_month"),
                rs.getString("entity_types"));
    }

    private static AuditRecord.Purpose purpose(ResultSet rs) throws SQLException {
        double score = rs.getDouble("purpose_score");
        return new AuditRecord.Purpose(rs.getString("purpose_verdict"), rs.getString("purpose_layer"), rs.wasNull() ? null : score);
    }

    /**
     * The counts as a JSON object, keys sorted. Written by hand when every key is plain (printable ASCII without
     * {@code "} or {@code \\}, as entity types are): the same text Jackson writes, without a generator per column of
     * every record; any other key goes through Jackson.
     */
    public String countsJson(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "{}"; // what Jackson writes for an empty map
        }
        String[] keys = counts.keySet().toArray(new String[0]);
        Arrays.sort(keys); // the keys' order, as a TreeMap's
        StringBuilder out = new StringBuilder(16 * keys.length).append('{');
        for (String key : keys) {
            Integer count = counts.get(key);
            if (!plain(key) || count == null) {
                return write(new TreeMap<>(counts));
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(key).append("\":").append(count.intValue());
        }
        return out.append('}').toString();
    }

    /** The values as a JSON array of strings; by hand when every value is plain, as {@link #countsJson}. */
    public String listJson(List<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder(2 + 24 * values.size()).append('[');
        for (String v : values) {
            if (!plain(v)) {
                return write(values);
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(v).append('"');
        }
        return out.append(']').toString();
    }

    /** Text Jackson writes between quotes unchanged: printable ASCII other than {@code "} and {@code \\}. */
    private static boolean plain(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            return json.readValue(text == null ? "null" : text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column", e);
        }
    }

    /**
     * The four SHA-256 columns (chain links, prompt and answer HMACs) are stored as their 32 bytes (V101), not as 64
     * hexadecimal characters: 128 bytes less per record. Everything above the store keeps the lowercase hex text.
     */
    public static byte[] hashBytes(String hex) {
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }

    public static String hashText(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
