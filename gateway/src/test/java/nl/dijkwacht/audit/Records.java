package nl.dijkwacht.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Audit records for tests (what the factory would make of a request), without a running gateway. */
public final class Records {

    private Records() {
    }

    public static AuditRecord sample(String traceId, Instant at) {
        return sample(traceId, at, "p-actor1", "Burgerzaken", "brieven-opstellen", "allowed");
    }

    public static AuditRecord sample(String traceId, Instant at, String actor, String department, String useCase,
                                     String decision) {
        boolean refused = "refused".equals(decision);
        return AuditRecord.builder()
                .traceId(traceId)
                .occurredAt(at.truncatedTo(ChronoUnit.MILLIS))
                .bioAction("chat.completions")
                .bioObject("model:dry-run")
                .bioResult(refused ? "refused" : "success")
                .bioOrigin("tool:dev-cli")
                .endpoint("chat.completions")
                .toolId("dev-cli")
                .actorPseudonym(actor)
                .department(department)
                .tenant("gemeente")
                .useCase(useCase)
                .modelId("dry-run")
                .provider("dry-run")
                .hosting("lokaal")
                .policyVersion("pv-1")
                .decision(decision)
                .rule(refused ? "pii:block" : null)
                .errorCode(refused ? "pii_blocked" : null)
                .httpStatus(refused ? 403 : 200)
                .upstreamStatus(refused ? null : 200)
                .entityCounts(Map.of("BSN", 1, "EMAIL", 2))
                .promptTokens(120)
                .completionTokens(80)
                .latencyMillis(35)
                .energyWh(0.4)
                .hashKeyId("k1")
                .promptHmac("a".repeat(64))
                .answerHmac(refused ? null : "b".repeat(64))
                .promptTemplate("tpl-brief@3")
                .sources(List.of("doc:123@v2", "https://intranet/x"))
                .reviewRequired(!refused)
                .build();
    }
}
