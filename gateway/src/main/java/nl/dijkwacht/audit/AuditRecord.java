package nl.dijkwacht.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the audit trail keeps it: metadata, counts and pseudonyms only, never prompt or answer text.
 */
public record AuditRecord(
        String traceId,
        Instant occurredAt,
        String endpoint,
        String toolId,
        String actorPseudonym,
        String department,
        String tenant,
        String useCase,
        String modelId,
        String upstreamModel,
        String provider,
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
        boolean streamed,
        int placeholdersRestored,
        int placeholdersUnknown) {
}
