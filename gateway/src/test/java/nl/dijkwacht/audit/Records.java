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

    /**
     * A record as a municipality's gateway writes them, varied as real traffic is (for size and cost benchmarks): one
     * of 2,000 staff pseudonyms, 12 departments, 4 use-cases, 5 tools and models; keyed hashes that differ per
     * request; the purpose guard's verdict and the routing summary of an answered request.
     */
    public static AuditRecord varied(long n, String traceId, Instant at) {
        return variedBuilder(n, traceId, at).build();
    }

    /** {@link #varied} for an answer with {@code choices} choices ({@code n > 1}: the other choices' turn hashes too). */
    public static AuditRecord varied(long n, String traceId, Instant at, int choices) {
        java.util.Random random = new java.util.Random(n * 31 + 7);
        List<String> others = new java.util.ArrayList<>();
        for (int i = 1; i < choices; i++) {
            byte[] hash = new byte[16];
            random.nextBytes(hash);
            others.add(java.util.HexFormat.of().formatHex(hash));
        }
        return variedBuilder(n, traceId, at).choiceHmacs(others.isEmpty() ? null : others).build();
    }

    private static nl.dijkwacht.audit.AuditRecordBuilder variedBuilder(long n, String traceId, Instant at) {
        java.util.Random random = new java.util.Random(n);
        byte[] hash = new byte[32];
        String actor = "p-" + java.util.HexFormat.of().formatHex(
                java.nio.ByteBuffer.allocate(12).putInt(random.nextInt(2000)).putLong(0x5eed5eed5eedL).array());
        String model = "model-" + random.nextInt(5);
        String tool = "tool-" + random.nextInt(5);
        boolean refused = random.nextInt(20) == 0;
        random.nextBytes(hash);
        String prompt = java.util.HexFormat.of().formatHex(hash);
        random.nextBytes(hash);
        String answer = java.util.HexFormat.of().formatHex(hash);
        return AuditRecord.builder()
                .traceId(traceId)
                .occurredAt(at.truncatedTo(ChronoUnit.MILLIS))
                .bioAction("chat.completions")
                .bioObject("model:" + model)
                .bioResult(refused ? "refused" : "success")
                .bioOrigin("tool:" + tool)
                .endpoint("chat.completions")
                .toolId(tool)
                .actorPseudonym(actor)
                .department("afdeling-" + random.nextInt(12))
                .tenant("gemeente")
                .useCase(new String[] {"brieven-opstellen", "samenvatten", "vertalen", "vrije-vraag"}[random.nextInt(4)])
                .modelId(model)
                .upstreamModel(refused ? null : "mistral-small-2503")
                .provider("openai-compatible")
                .hosting("eigen-datacenter")
                .policyVersion("sha256:4f1c2a9e")
                .decision(refused ? "refused" : random.nextInt(4) == 0 ? "redacted" : "allowed")
                .rule(refused ? "pii:block" : null)
                .errorCode(refused ? "pii_blocked" : null)
                .httpStatus(refused ? 403 : 200)
                .upstreamStatus(refused ? null : 200)
                .entityCounts(random.nextBoolean() ? Map.of("BSN", 1, "EMAIL", random.nextInt(3) + 1) : Map.of())
                .promptTokens(100 + random.nextInt(900))
                .completionTokens(refused ? 0 : 50 + random.nextInt(700))
                .latencyMillis(random.nextInt(3000))
                .energyWh(random.nextInt(1000) / 1000.0)
                .hashKeyId("k1")
                .promptHmac(prompt)
                .answerHmac(refused ? null : answer)
                .turnHmac(refused ? null : answer.substring(0, 32)) // turns28: 16 bytes for an answer it delivered
                .reviewRequired(!refused)
                .purpose(new AuditRecord.Purpose("allowed", "rules", random.nextInt(100) / 100.0))
                .routing(new AuditRecord.Routing(null, refused ? null : "auto; " + model + "@llm.intern:8000/v1:ok "
                        + random.nextInt(3000) + "ms", refused ? null : "llm.intern:8000/v1"));
    }

    public static AuditRecord sample(String traceId, Instant at, String actor, String department, String useCase,
                                     String decision) {
        return sample(traceId, at, actor, department, useCase, decision, "gemeente");
    }

    /** {@link #sample(String, Instant)} of another tenant. */
    public static AuditRecord ofTenant(String traceId, Instant at, String tenant) {
        return sample(traceId, at, "p-actor1", "Burgerzaken", "brieven-opstellen", "allowed", tenant);
    }

    /** {@link #sample(String, Instant)} of an answer with several choices: the turn hashes of choices 1.. (turns45). */
    public static AuditRecord withOtherChoices(String traceId, Instant at, String actor, List<String> choiceHmacs) {
        return builder(traceId, at, actor, "Burgerzaken", "brieven-opstellen", "allowed", "gemeente").choiceHmacs(choiceHmacs).build();
    }

    private static AuditRecord sample(String traceId, Instant at, String actor, String department, String useCase,
                                      String decision, String tenant) {
        return builder(traceId, at, actor, department, useCase, decision, tenant).build();
    }

    private static nl.dijkwacht.audit.AuditRecordBuilder builder(String traceId, Instant at, String actor, String department,
                                                                 String useCase, String decision, String tenant) {
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
                .tenant(tenant)
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
                .reviewRequired(!refused);
    }
}
