package nl.dijkwacht.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One request as the audit trail keeps it: metadata, counts, pseudonyms and keyed hashes only — never prompt or
 * answer text. The {@code bio*} fields are the log-line fields the Dutch government baseline (BIO) asks for
 * (action, object, result, origin; actor = {@link #actorPseudonym}, timestamp = {@link #occurredAt}); the rest is
 * what an AI review needs. Records of administrator and auditor actions ({@link #OPERATOR_ENDPOINT}, written by
 * {@link OperatorActionLog}) use the same fields: the action, its object and result, the operator as actor and
 * {@link #actionParameters} (its non-personal parameters). {@code occurredAt} has millisecond precision so the record hashes identically after a
 * round trip through any store. {@code attachmentCounts}: images, files and audio the request carried, by kind
 * ({@code image}, {@code file}, {@code audio}) — counts only, never the attachment. {@code turnHmac}: the keyed hash of
 * the answer as delivered ({@link TurnHasher}, turns28), by which the purpose guard recognises a turn the gateway wrote
 * when a tool resends it; a look-up key, not in the hash chain nor in exports. {@code choiceHmacs}: the same for
 * choices 1 to 7 of an answer with {@code n > 1} (turns45; stored as 8-byte keys in {@code audit_choice_key}, audit47), null when there are none.
 * Build one with {@link #builder()}.
 */
public record AuditRecord(
        String traceId,
        Instant occurredAt,
        String bioAction,
        String bioObject,
        String bioResult,
        String bioOrigin,
        String endpoint,
        String toolId,
        String actorPseudonym,
        String department,
        String tenant,
        String useCase,
        String modelId,
        String upstreamModel,
        String provider,
        String hosting,
        String policyVersion,
        String decision,
        String rule,
        String errorCode,
        int httpStatus,
        Integer upstreamStatus,
        Map<String, Integer> entityCounts,
        Map<String, Integer> outputEntityCounts,
        int promptTokens,
        int completionTokens,
        long latencyMillis,
        double energyWh,
        boolean streamed,
        int placeholdersRestored,
        int placeholdersUnknown,
        String hashKeyId,
        String promptHmac,
        String answerHmac,
        String promptTemplate,
        List<String> sources,
        List<String> citations,
        boolean contentRetained,
        boolean reviewRequired,
        Routing routing,
        String actionParameters,
        Map<String, Integer> attachmentCounts,
        Purpose purpose,
        String turnHmac,
        List<String> choiceHmacs) {

    /**
     * How the model was chosen and reached (issue 13): the task the request named, the routing summary (reason, models
     * passed over, every upstream call) and the upstream server that answered. All {@code null} when no model was called.
     */
    public record Routing(String task, String summary, String upstream) {
        public static final Routing NONE = new Routing(null, null, null);
    }

    /**
     * The purpose guard's decision (issue 10) on every request it judged, answered or refused: the verdict
     * ({@code allowed}, {@code special-category-topic}, {@code personal-special-category},
     * {@code forbidden-purpose:<id>}), the layer that made it ({@code rules}, {@code classifier}, {@code guard-model},
     * {@code guard-unavailable}) and its score. All {@code null} when the guard did not judge the request.
     */
    public record Purpose(String verdict, String layer, Double score) {
        public static final Purpose NONE = new Purpose(null, null, null);

        /** {@code verdict/layer/score}, or {@code null}. */
        public String summary() {
            return verdict == null ? null : verdict + "/" + layer + "/" + twoDecimals(score);
        }

        /**
         * {@code String.format(Locale.ROOT, "%.2f", score)} (the hash chain's text of every judged record) without a
         * {@code Formatter} per record: the shortest decimal of the double rounded half up, as {@code Formatter} rounds;
         * the same text on every value tested (AuditPurposeSummaryTest). Negative (-0.0 too), infinite, NaN and absent
         * scores still go through the formatter.
         */
        static String twoDecimals(Double score) {
            if (score == null || !Double.isFinite(score) || Math.copySign(1.0, score) < 0) {
                return String.format(java.util.Locale.ROOT, "%.2f", score);
            }
            return java.math.BigDecimal.valueOf(score).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
    }

    /** The {@link #endpoint} of a record of an administrator's or auditor's action (not a model request). */
    public static final String OPERATOR_ENDPOINT = "operator";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    public AuditRecord {
        routing = routing == null ? Routing.NONE : routing;
        attachmentCounts = attachmentCounts == null ? Map.of() : Map.copyOf(attachmentCounts);
        purpose = purpose == null ? Purpose.NONE : purpose;
        entityCounts = Map.copyOf(entityCounts);
        outputEntityCounts = Map.copyOf(outputEntityCounts);
        sources = List.copyOf(sources);
        citations = List.copyOf(citations);
    }

    /** Starts a record; see {@link AuditRecordBuilder}. */
    public static AuditRecordBuilder builder() {
        return new AuditRecordBuilder();
    }

    /** UTC day, {@code yyyy-MM-dd}: a search/aggregate column derived from {@link #occurredAt}. */
    public String periodDay() {
        return Period.of(occurredAt).day();
    }

    /** UTC month, {@code yyyy-MM}. */
    public String periodMonth() {
        return Period.of(occurredAt).month();
    }

    /**
     * The day and month texts of the last day asked for: every record of a day formats the same two strings, and the
     * audit writer asks for them for each record it stores (two {@link DateTimeFormatter} runs a record before).
     */
    private record Period(long epochDay, String day, String month) {
        private static volatile Period last = new Period(Long.MIN_VALUE, null, null);

        static Period of(Instant at) {
            long epochDay = Math.floorDiv(at.getEpochSecond(), 86_400);
            Period p = last;
            if (p.epochDay != epochDay) {
                p = new Period(epochDay, DAY.format(at), MONTH.format(at));
                last = p;
            }
            return p;
        }
    }

    /** Entity types seen in the prompt as {@code ,BSN,IBAN,} (sorted), so "entity type" is a simple LIKE search. */
    public String entityTypes() {
        String[] types = entityCounts.keySet().toArray(new String[0]);
        java.util.Arrays.sort(types);
        StringBuilder out = new StringBuilder(",");
        for (String type : types) {
            out.append(type).append(',');
        }
        return out.toString();
    }
}
