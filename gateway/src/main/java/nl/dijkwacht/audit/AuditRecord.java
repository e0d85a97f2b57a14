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
 * what an AI review needs. {@code occurredAt} has millisecond precision so the record hashes identically after a
 * round trip through any store.
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
        boolean reviewRequired) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    public AuditRecord {
        entityCounts = Map.copyOf(entityCounts);
        outputEntityCounts = Map.copyOf(outputEntityCounts);
        sources = List.copyOf(sources);
        citations = List.copyOf(citations);
    }

    /** UTC day, {@code yyyy-MM-dd}: a search/aggregate column derived from {@link #occurredAt}. */
    public String periodDay() {
        return DAY.format(occurredAt);
    }

    /** UTC month, {@code yyyy-MM}. */
    public String periodMonth() {
        return MONTH.format(occurredAt);
    }

    /** Entity types seen in the prompt as {@code ,BSN,IBAN,} (sorted), so "entity type" is a simple LIKE search. */
    public String entityTypes() {
        StringBuilder out = new StringBuilder(",");
        entityCounts.keySet().stream().sorted().forEach(t -> out.append(t).append(','));
        return out.toString();
    }
}
