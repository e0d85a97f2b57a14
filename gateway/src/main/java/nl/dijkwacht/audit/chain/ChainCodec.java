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
        Canonical b = new Canonical(TextHasher.copyOf(prototype, key), "dw-audit-v1");
        b.add(chainId);
        b.add(seq);
        b.add(prevHash);
        b.add(r.traceId());
        b.add(r.occurredAt() == null ? null : r.occurredAt().toEpochMilli());
        b.add(r.bioAction());
        b.add(r.bioObject());
        b.add(r.bioResult());
        b.add(r.bioOrigin());
        b.add(r.endpoint());
        b.add(r.toolId());
        b.add(r.actorPseudonym());
        b.add(r.department());
        b.add(r.tenant());
        b.add(r.useCase());
        b.add(r.modelId());
        b.add(r.upstreamModel());
        b.add(r.provider());
        b.add(r.hosting());
        b.add(r.policyVersion());
        b.add(r.decision());
        b.add(r.rule());
        b.add(r.errorCode());
        b.add(r.httpStatus());
        b.add(r.upstreamStatus());
        b.add(counts(r.entityCounts()));
        b.add(counts(r.outputEntityCounts()));
        b.add(r.promptTokens());
        b.add(r.completionTokens());
        b.add(r.latencyMillis());
        b.add(Double.toString(r.energyWh()));
        b.add(r.streamed());
        b.add(r.placeholdersRestored());
        b.add(r.placeholdersUnknown());
        b.add(r.hashKeyId());
        b.add(r.promptHmac());
        b.add(r.answerHmac());
        b.add(r.promptTemplate());
        b.add(list(r.sources()));
        b.add(list(r.citations()));
        b.add(r.contentRetained());
        b.add(r.reviewRequired());
        // Fields added after the first release are hashed only when set, so records written before keep their hash.
        b.addIfSet("route_task", r.routing().task());
        b.addIfSet("route_summary", r.routing().summary());
        b.addIfSet("route_upstream", r.routing().upstream());
        b.addIfSet("action_params", r.actionParameters());
        b.addIfSet("attachment_counts", r.attachmentCounts().isEmpty() ? null : counts(r.attachmentCounts()));
        b.addIfSet("purpose", r.purpose().summary());
        return b.hash();
    }

    /**
     * The canonical text of a record fed to its MAC as UTF-8 while it is written, instead of built as one string and
     * then encoded (the same bytes: every value is encoded whole, between ASCII separators, so no character spans two
     * pieces; most values are ASCII and go through a small buffer without a copy of their own).
     */
    private static final class Canonical {
        private final Mac mac;
        private final byte[] buffer = new byte[256];
        private int used;

        Canonical(Mac mac, String label) {
            this.mac = mac;
            text(label);
        }

        void add(Object value) {
            ascii(SEP);
            text(value == null ? NULL : value.toString());
        }

        /** A named optional field: absent (not even a separator) when null, so older records hash as before. */
        void addIfSet(String name, Object value) {
            if (value != null) {
                ascii(SEP);
                text(name);
                ascii('=');
                text(value.toString());
            }
        }

        private void ascii(char c) {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = (byte) c;
        }

        private void text(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    flush();
                    mac.update(s.getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            for (int i = 0; i < n; i++) {
                ascii(s.charAt(i));
            }
        }

        private void flush() {
            mac.update(buffer, 0, used);
            used = 0;
        }

        String hash() {
            flush();
            return HexFormat.of().formatHex(mac.doFinal());
        }
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
