package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.dijkwacht.audit.chain.ChainCodec;
import org.junit.jupiter.api.Test;

/**
 * The record hash fed to the MAC piece by piece (session 28) equals the hash of the canonical text built as one string
 * and encoded whole, as {@code ChainCodec} did before — so every stored chain still verifies. The reference below is
 * that earlier code, unchanged; the records vary every field: absent, empty, ASCII, accented, symbols outside Latin-1,
 * emoji, lone surrogates at either end of a value, and values far longer than the codec's buffer.
 */
class ChainCodecCanonicalTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ChainCodec CODEC = ChainCodec.fromSecret(SECRET);
    private static final String[] TEXTS = {
        null, "", "x", "chat.completions", "Gemeente Súdwest-Fryslân", "∅", "a∅b", "€ 12,50", "😀", "naam 😀 en ∅",
        "\uD800", "\uDC00x", "x\uD83D", "\uDE00", "x".repeat(300), "é".repeat(200) + "x".repeat(300), "\u001e\u001f", "a=b",
    };

    @Test
    void everyRecordHashesAsTheCanonicalTextDid() throws Exception {
        Random random = new Random(28);
        for (int i = 0; i < 5_000; i++) {
            AuditRecord record = record(random);
            long seq = random.nextInt(1_000_000);
            String prev = i % 7 == 0 ? ChainCodec.GENESIS : HexFormat.of().formatHex(bytes(random, 32));
            String chain = text(random) == null ? "main" : "main@" + text(random);
            assertThat(CODEC.recordHash(chain, seq, prev, record)).as("record %d", i).isEqualTo(earlier(chain, seq, prev, record));
        }
    }

    @Test
    void aRecordOfTheBenchHashesAsBefore() throws Exception {
        AuditRecord record = AuditRecord.builder().traceId("4bf92f3577b34da6a3ce929d0e0e4736").occurredAt(Instant.ofEpochMilli(1_764_756_000_123L))
                .bioAction("chat.completions").bioObject("model:gpt-4o-mini").bioResult("success").bioOrigin("tool-key")
                .endpoint("chat.completions").toolId("bench").actorPseudonym("p-9f86d081884c7d65").tenant("gemeente")
                .useCase("algemene-vragen").modelId("gpt-4o-mini").upstreamModel("gpt-4o-mini").provider("openai").hosting("eu")
                .policyVersion("v1").decision("allowed").httpStatus(200).upstreamStatus(200)
                .entityCounts(Map.of("PERSON", 1, "IBAN", 1, "EMAIL", 1)).promptTokens(312).completionTokens(42).latencyMillis(3)
                .energyWh(0.0123).hashKeyId("k1").promptHmac("ab".repeat(32)).answerHmac("cd".repeat(32))
                .routing(new AuditRecord.Routing(null, "default model; 1 call: 200", "http://127.0.0.1:18080/v1"))
                .purpose(new AuditRecord.Purpose("allowed", "classifier", 0.12)).build();
        assertThat(CODEC.recordHash("main", 42, ChainCodec.GENESIS, record)).isEqualTo(earlier("main", 42, ChainCodec.GENESIS, record));
    }

    /**
     * record22: one {@link ChainCodec.Hashing} (one MAC, one buffer) for a batch's records and its head gives every hash
     * and head MAC the earlier code gave (the head MAC as the string it was built from), over long runs and with the
     * numbers at their extremes (written as digits now, {@code toString} before).
     */
    @Test
    void oneHashingForManyRecordsAndHeadsGivesTheEarlierHashes() throws Exception {
        Random random = new Random(22);
        ChainCodec.Hashing hashing = CODEC.hashing();
        long[] extremes = {0, 1, -1, 9, 10, 99, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MIN_VALUE + 1, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L};
        for (int i = 0; i < 3_000; i++) {
            AuditRecord record = record(random);
            if (i % 3 == 0) {
                long n = extremes[random.nextInt(extremes.length)];
                record = AuditRecord.builder().traceId(text(random)).bioAction(text(random)).policyVersion(text(random))
                        .httpStatus((int) n).upstreamStatus(random.nextBoolean() ? (int) n : null)
                        .promptTokens((int) -n).completionTokens((int) (n >> 7)).latencyMillis(n).occurredAt(Instant.ofEpochMilli(n / 1_000_000))
                        .placeholdersRestored((int) (n >> 40)).placeholdersUnknown((int) (n >>> 33))
                        .entityCounts(Map.of("PERSON", (int) n, "IBAN", (int) (n >> 3))).outputEntityCounts(counts(random))
                        .sources(texts(random)).attachmentCounts(Map.of("image", (int) -n))
                        .purpose(new AuditRecord.Purpose("allowed", "rules", random.nextDouble())).build();
            }
            long seq = i % 5 == 0 ? extremes[random.nextInt(extremes.length)] : random.nextInt(1_000_000);
            String prev = HexFormat.of().formatHex(bytes(random, 32));
            String chain = text(random) == null ? "main" : "main@" + text(random);
            assertThat(hashing.recordHash(chain, seq, prev, record)).as("record %d", i).isEqualTo(earlier(chain, seq, prev, record));
            if (random.nextInt(4) == 0) {
                assertThat(hashing.headMac(chain, seq, prev)).as("head %d", i).isEqualTo(earlierHead(chain, seq, prev));
                assertThat(CODEC.headMac(chain, seq, prev)).isEqualTo(earlierHead(chain, seq, prev));
            }
        }
        assertThat(hashing.headMac(null, -1, null)).isEqualTo(earlierHead(null, -1, null));
    }

    /** The head MAC as ChainCodec made it up to session 38: the text built whole, then encoded. */
    private static String earlierHead(String chainId, long lastSeq, String lastHash) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TextHasher.derive(SECRET, "dijkwacht-audit-chain-v1"), "HmacSHA256"));
        String canonical = "dw-head-v1" + SEP + chainId + SEP + lastSeq + SEP + lastHash;
        return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static AuditRecord record(Random random) {
        return AuditRecord.builder()
                .traceId(text(random)).occurredAt(random.nextInt(5) == 0 ? null : Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L)))
                .bioAction(text(random)).bioObject(text(random)).bioResult(text(random)).bioOrigin(text(random))
                .endpoint(text(random)).toolId(text(random)).actorPseudonym(text(random)).department(text(random))
                .tenant(text(random)).useCase(text(random)).modelId(text(random)).upstreamModel(text(random))
                .provider(text(random)).hosting(text(random)).policyVersion(text(random)).decision(text(random))
                .rule(text(random)).errorCode(text(random)).httpStatus(random.nextInt(100, 600))
                .upstreamStatus(random.nextBoolean() ? null : random.nextInt(100, 600))
                .entityCounts(counts(random)).outputEntityCounts(counts(random))
                .promptTokens(random.nextInt(100_000)).completionTokens(random.nextInt(100_000)).latencyMillis(random.nextLong(0, 1L << 40))
                .energyWh(random.nextInt(4) == 0 ? 0.0 : random.nextDouble() * Math.pow(10, random.nextInt(-8, 4)))
                .streamed(random.nextBoolean()).placeholdersRestored(random.nextInt(50)).placeholdersUnknown(random.nextInt(5))
                .hashKeyId(text(random)).promptHmac(text(random)).answerHmac(text(random)).promptTemplate(text(random))
                .sources(texts(random)).citations(texts(random))
                .contentRetained(random.nextBoolean()).reviewRequired(random.nextBoolean())
                .routing(random.nextBoolean() ? null : new AuditRecord.Routing(text(random), text(random), text(random)))
                .actionParameters(text(random)).attachmentCounts(counts(random))
                .purpose(random.nextBoolean() ? null : new AuditRecord.Purpose(text(random) == null ? "allowed" : "forbidden-purpose:" + text(random),
                        "classifier", random.nextDouble()))
                .build();
    }

    private static String text(Random random) {
        String a = TEXTS[random.nextInt(TEXTS.length)];
        return a == null || random.nextInt(3) > 0 ? a : a + TEXTS[random.nextInt(1, TEXTS.length)];
    }

    private static List<String> texts(Random random) {
        List<String> out = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String t = text(random);
            out.add(t == null ? "bron" : t);
        }
        return out;
    }

    private static Map<String, Integer> counts(Random random) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            String t = text(random);
            out.put(t == null ? "PERSON" : t, random.nextInt(1, 20));
        }
        return out;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    // ---- the record hash as ChainCodec computed it up to session 27: the canonical text built whole, then encoded ----

    private static final char SEP = '\u001e';
    private static final String NULL = "\u2205";

    private static String earlier(String chainId, long seq, String prevHash, AuditRecord r) throws Exception {
        StringBuilder b = new StringBuilder(1024).append("dw-audit-v1");
        add(b, chainId);
        add(b, seq);
        add(b, prevHash);
        add(b, r.traceId());
        add(b, r.occurredAt() == null ? null : r.occurredAt().toEpochMilli());
        add(b, r.bioAction());
        add(b, r.bioObject());
        add(b, r.bioResult());
        add(b, r.bioOrigin());
        add(b, r.endpoint());
        add(b, r.toolId());
        add(b, r.actorPseudonym());
        add(b, r.department());
        add(b, r.tenant());
        add(b, r.useCase());
        add(b, r.modelId());
        add(b, r.upstreamModel());
        add(b, r.provider());
        add(b, r.hosting());
        add(b, r.policyVersion());
        add(b, r.decision());
        add(b, r.rule());
        add(b, r.errorCode());
        add(b, r.httpStatus());
        add(b, r.upstreamStatus());
        add(b, counts(r.entityCounts()));
        add(b, counts(r.outputEntityCounts()));
        add(b, r.promptTokens());
        add(b, r.completionTokens());
        add(b, r.latencyMillis());
        add(b, Double.toString(r.energyWh()));
        add(b, r.streamed());
        add(b, r.placeholdersRestored());
        add(b, r.placeholdersUnknown());
        add(b, r.hashKeyId());
        add(b, r.promptHmac());
        add(b, r.answerHmac());
        add(b, r.promptTemplate());
        add(b, list(r.sources()));
        add(b, list(r.citations()));
        add(b, r.contentRetained());
        add(b, r.reviewRequired());
        addIfSet(b, "route_task", r.routing().task());
        addIfSet(b, "route_summary", r.routing().summary());
        addIfSet(b, "route_upstream", r.routing().upstream());
        addIfSet(b, "action_params", r.actionParameters());
        addIfSet(b, "attachment_counts", r.attachmentCounts().isEmpty() ? null : counts(r.attachmentCounts()));
        addIfSet(b, "purpose", r.purpose().summary());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TextHasher.derive(SECRET, "dijkwacht-audit-chain-v1"), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void addIfSet(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(SEP).append(name).append('=').append(value);
        }
    }

    private static void add(StringBuilder b, Object value) {
        b.append(SEP).append(value == null ? NULL : value.toString());
    }

    private static String counts(Map<String, Integer> counts) {
        return new TreeMap<>(counts).toString();
    }

    private static String list(List<String> values) {
        StringBuilder b = new StringBuilder().append(values.size());
        for (String v : values) {
            b.append('\u001f').append(v.length()).append(':').append(v);
        }
        return b.toString();
    }
}
