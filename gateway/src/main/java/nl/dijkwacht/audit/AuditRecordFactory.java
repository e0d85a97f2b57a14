package nl.dijkwacht.audit;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import nl.dijkwacht.pii.EntityType;
import nl.dijkwacht.pipeline.Exchange;

/** Turns the state of a finished request into its audit record. */
public final class AuditRecordFactory {

    private final Pseudonymizer pseudonymizer;

    public AuditRecordFactory(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    public AuditRecord from(Exchange exchange, int httpStatus, boolean streamed) {
        var caller = exchange.caller();
        var model = exchange.model();
        var refusal = exchange.refusal();
        return new AuditRecord(
                exchange.traceId(),
                Instant.now(),
                exchange.endpoint().auditName(),
                caller == null ? null : caller.toolId(),
                caller == null ? null : pseudonymizer.pseudonym(caller.userId()),
                caller == null ? null : caller.department(),
                caller == null ? null : caller.tenant(),
                exchange.useCase() == null ? null : exchange.useCase().id(),
                model == null ? null : model.id(),
                model == null ? null : model.upstreamModel(),
                model == null ? null : model.provider().yamlName(),
                exchange.policy().version(),
                exchange.decision().name().toLowerCase(java.util.Locale.ROOT),
                exchange.rule(),
                refusal == null ? null : refusal.code(),
                httpStatus,
                exchange.upstreamStatus(),
                names(exchange.entityCounts()),
                names(exchange.outputEntityCounts()),
                exchange.promptTokens(),
                exchange.completionTokens(),
                exchange.elapsedMillis(),
                streamed,
                exchange.placeholdersRestored(),
                exchange.placeholdersUnknown());
    }

    private static Map<String, Integer> names(Map<EntityType, Integer> counts) {
        Map<String, Integer> byName = new TreeMap<>();
        counts.forEach((type, n) -> byName.put(type.name(), n));
        return byName;
    }
}
