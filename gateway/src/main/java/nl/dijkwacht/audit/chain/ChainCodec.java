package nl.dijkwacht.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.MacFeed;
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
        return hashing().recordHash(chainId, seq, prevHash, r);
    }

    public String headMac(String chainId, long lastSeq, String lastHash) {
        return hashing().headMac(chainId, lastSeq, lastHash);
    }

    /**
     * One MAC and one canonical buffer for several hashes in a row (a batch's records and its head): {@code doFinal}
     * leaves the MAC in its keyed initial state, so it is used again instead of cloned per hash. Not shared between
     * threads.
     */
    public Hashing hashing() {
        return new Hashing(new Canonical(TextHasher.copyOf(prototype, key)));
    }

    /** See {@link #hashing()}. */
    public static final class Hashing {
        private final Canonical b;

        private Hashing(Canonical canonical) {
            this.b = canonical;
        }

        public String recordHash(String chainId, long seq, String prevHash, AuditRecord r) {
            b.text("dw-audit-v1");
            b.add(chainId);
            b.add(seq);
            b.add(prevHash);
            b.add(r.traceId());
            b.addMillis(r.occurredAt());
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
            b.addCounts(r.entityCounts());
            b.addCounts(r.outputEntityCounts());
            b.add(r.promptTokens());
            b.add(r.completionTokens());
            b.add(r.latencyMillis());
            b.add(Double.toString(r.energyWh()));
            b.add(r.streamed() ? "true" : "false");
            b.add(r.placeholdersRestored());
            b.add(r.placeholdersUnknown());
            b.add(r.hashKeyId());
            b.add(r.promptHmac());
            b.add(r.answerHmac());
            b.add(r.promptTemplate());
            b.addList(r.sources());
            b.addList(r.citations());
            b.add(r.contentRetained() ? "true" : "false");
            b.add(r.reviewRequired() ? "true" : "false");
            // Fields added after the first release are hashed only when set, so records written before keep their hash.
            b.addIfSet("route_task", r.routing().task());
            b.addIfSet("route_summary", r.routing().summary());
            b.addIfSet("route_upstream", r.routing().upstream());
            b.addIfSet("action_params", r.actionParameters());
            if (!r.attachmentCounts().isEmpty()) {
                b.name("attachment_counts");
                b.counts(r.attachmentCounts());
            }
            b.addIfSet("purpose", r.purpose().summary());
            return b.hash();
        }

        /** {@code MAC("dw-head-v1" ␞ chain ␞ last seq ␞ last hash)}. */
        public String headMac(String chainId, long lastSeq, String lastHash) {
            b.text("dw-head-v1");
            b.ascii(SEP);
            b.text(String.valueOf(chainId));
            b.add(lastSeq);
            b.ascii(SEP);
            b.text(String.valueOf(lastHash));
            return b.hash();
        }
    }

    /**
     * The canonical text of a record fed to its MAC as UTF-8 while it is written, instead of built as one string and
     * then encoded (the same bytes: every value is encoded whole, between ASCII separators, so no character spans two
     * pieces; most values are ASCII and go through a small buffer without a copy of their own). Numbers, count maps
     * ({@code {k=v, k=v}} in key order, as a {@code TreeMap} prints them) and lists are written as their text, without
     * the text as a string of its own.
     */
    private static final class Canonical {
        private final MacFeed feed;

        Canonical(Mac mac) {
            this.feed = new MacFeed(mac, 256);
        }

        void add(String value) {
            ascii(SEP);
            text(value == null ? NULL : value);
        }

        void add(long value) {
            ascii(SEP);
            number(value);
        }

        void add(Integer value) {
            ascii(SEP);
            if (value == null) {
                text(NULL);
            } else {
                number(value);
            }
        }

        void addMillis(Instant at) {
            ascii(SEP);
            if (at == null) {
                text(NULL);
            } else {
                number(at.toEpochMilli());
            }
        }

        void addCounts(Map<String, Integer> counts) {
            ascii(SEP);
            counts(counts);
        }

        /** {@code size ␟ length:value ␟ length:value …} */
        void addList(List<String> values) {
            ascii(SEP);
            number(values.size());
            for (String v : values) {
                ascii('\u001f');
                number(v.length());
                ascii(':');
                text(v);
            }
        }

        /** A named optional field: absent (not even a separator) when null, so older records hash as before. */
        void addIfSet(String name, String value) {
            if (value != null) {
                name(name);
                text(value);
            }
        }

        void name(String name) {
            ascii(SEP);
            text(name);
            ascii('=');
        }

        /** As {@code new TreeMap<>(counts).toString()}. */
        void counts(Map<String, Integer> counts) {
            ascii('{');
            if (!counts.isEmpty()) {
                String[] keys = counts.keySet().toArray(new String[0]);
                Arrays.sort(keys);
                for (int i = 0; i < keys.length; i++) {
                    if (i > 0) {
                        ascii(',');
                        ascii(' ');
                    }
                    text(keys[i]);
                    ascii('=');
                    Integer count = counts.get(keys[i]);
                    if (count == null) {
                        text("null");
                    } else {
                        number(count);
                    }
                }
            }
            ascii('}');
        }

        private void number(long value) {
            feed.number(value);
        }

        private void ascii(char c) {
            feed.ascii(c);
        }

        void text(String s) {
            feed.text(s);
        }

        /** The hex MAC of what was fed; the MAC and the buffer start again empty. */
        String hash() {
            return HexFormat.of().formatHex(feed.doFinal());
        }
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

    private String mac(String canonical) {
        Mac mac = TextHasher.copyOf(prototype, key);
        return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
