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
        return new AuditRecord(traceId, at.truncatedTo(ChronoUnit.MILLIS), "chat.completions", "model:dry-run",
                refused ? "refused" : "success", "tool:dev-cli", "chat.completions", "dev-cli", actor, department,
                "gemeente", useCase, "dry-run", null, "dry-run", "lokaal", "pv-1", decision,
                refused ? "pii:block" : null, refused ? "pii_blocked" : null, refused ? 403 : 200, refused ? null : 200,
                Map.of("BSN", 1, "EMAIL", 2), Map.of(), 120, 80, 35, 0.4, false, 0, 0, "k1",
                "a".repeat(64), refused ? null : "b".repeat(64), "tpl-brief@3", List.of("doc:123@v2", "https://intranet/x"),
                List.of(), false, !refused);
    }
}
