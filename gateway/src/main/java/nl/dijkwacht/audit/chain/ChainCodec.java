package nl.dijkwacht.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.TextHasher;

/**
 * The canonical form of a record and its keyed chain hash:
 * {@code record_hash = HMAC-SHA256(chainKey, "dw-audit-v1" ␞ chain ␞ seq ␞ prev_hash ␞ every field of the record)}.
 * Keyed, so someone with write access to the database but without the gateway secret cannot recompute a chain
 * after editing it. Also MACs chain heads and retention checkpoints.
 */
public final class ChainCodec {

    public static final String GENESIS = "0".repeat(64);
    private static final char SEP = '\u001e';
    private static final String NULL = "\u2205";

    private final SecretKeySpec key;
    /** Initialised once, never updated itself: each MAC starts from a clone (no provider look-up, no key set-up). */
    private final Mac prototype;
    private final String keyId;

    public ChainCodec(byte[] chainKey) {
        this.key = new SecretKeySpec(chainKey.clone(), "HmacSHA256");
        this.prototype = TextHasher.newMac(key);
        try {
            byte[] fp = MessageDigest.getInstance("SHA-256").digest(chainKey);
            this.keyId = "c-" + HexFormat.of().formatHex(fp, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chain key derived from the gateway secret. */
    public static ChainCodec fromSecret(byte[] secret) {
        return new ChainCodec(TextHasher.derive(secret, "dijkwacht-audit-chain-v1"));
    }

    /** Fingerprint of the chain key, stored with every link: tells which key a record was chained under. */
    public String keyId() {
        return keyId;
    }

    public String recordHash(String chainId, long seq, String prevHash, AuditRecord r) {
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
        // Fields added after the first release are hashed only when set, so records written before keep their hash.
        addIfSet(b, "route_task", r.routing().task());
        addIfSet(b, "route_summary", r.routing().summary());
        addIfSet(b, "route_upstream", r.routing().upstream());
        addIfSet(b, "action_params", r.actionParameters());
        addIfSet(b, "attachment_counts", r.attachmentCounts().isEmpty() ? null : counts(r.attachmentCounts()));
        addIfSet(b, "purpose", r.purpose().summary());
        return mac(b.toString());
    }

    public String headMac(String chainId, long lastSeq, String lastHash) {
        return mac("dw-head-v1" + SEP + chainId + SEP + lastSeq + SEP + lastHash);
    }

    public String checkpointMac(String chainId, long fromSeq, long toSeq, String prevHash, String lastHash,
                                long removed, Instant first, Instant last, long runId) {
        return mac("dw-checkpoint-v1" + SEP + chainId + SEP + fromSeq + SEP + toSeq + SEP + prevHash + SEP + lastHash
                + SEP + removed + SEP + first.toEpochMilli() + SEP + last.toEpochMilli() + SEP + runId);
    }

    /** MAC over one row of an oversight table (reviews, complaints): edits are detected by verify. */
    public String rowMac(String table, Object... values) {
        StringBuilder b = new StringBuilder("dw-row-v1").append(SEP).append(table);
        for (Object v : values) {
            add(b, v instanceof Instant i ? i.toEpochMilli() : v);
        }
        return mac(b.toString());
    }

    /** A named optional field: absent (not even a separator) when null, so older records hash as before. */
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

    private String mac(String canonical) {
        Mac mac = TextHasher.copyOf(prototype, key);
        return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
