package nl.dijkwacht.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of prompt, answer and final texts, with key rotation: new hashes use the active key,
 * every record stores the key id, and older keys stay available for checking old records. The text itself is
 * only ever hashed in memory.
 */
public final class TextHasher {

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    /** One initialised MAC per key, never updated itself: each hash starts from a clone (no provider look-up, no key set-up). */
    private final Map<String, Mac> prototypes = new LinkedHashMap<>();
    private final String activeKeyId;

    public TextHasher(Map<String, byte[]> keysById, String activeKeyId) {
        keysById.forEach((id, key) -> keys.put(id, new SecretKeySpec(key.clone(), "HmacSHA256")));
        keys.forEach((id, key) -> prototypes.put(id, newMac(key)));
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("dijkwacht.audit.active-hash-key '" + activeKeyId + "' is not configured");
        }
        this.activeKeyId = activeKeyId;
    }

    /**
     * The embedded default: one key derived from the gateway secret (id {@code k1}), plus any configured keys.
     * Configured keys are base64; the active id defaults to the last configured key, else {@code k1}.
     */
    public static TextHasher from(byte[] secret, List<AuditProperties.HashKey> configured, String active) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("k1", derive(secret, "dijkwacht-audit-text-hash-v1"));
        String last = "k1";
        for (AuditProperties.HashKey k : configured) {
            byte[] key = Base64.getDecoder().decode(k.key().strip());
            if (key.length < 32) {
                throw new IllegalStateException("dijkwacht.audit.hash-keys[" + k.id() + "] must be at least 32 bytes");
            }
            keys.put(k.id(), key);
            last = k.id();
        }
        return new TextHasher(keys, active == null || active.isBlank() ? last : active);
    }

    /** HMAC-SHA256(secret, label): independent keys for independent purposes from one secret. */
    public static byte[] derive(byte[] secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public String hash(String text) {
        return hash(activeKeyId, text).orElseThrow();
    }

    /** @return the keyed hash of the text under the given key, or empty when that key is unknown */
    public Optional<String> hash(String keyId, String text) {
        Mac prototype = prototypes.get(keyId);
        if (prototype == null) {
            return Optional.empty();
        }
        MacFeed feed = new MacFeed(copyOf(prototype, keys.get(keyId)), text.length());
        return Optional.of(HexFormat.of().formatHex(feed.text(text).doFinal()));
    }

    /**
     * The keyed hash of {@code String.join(separator, texts)} under the active key, without the joined text: each
     * text and the (ASCII) separator are encoded on their own — no character spans a text and such a separator.
     */
    public String hashJoined(List<String> texts, String separator) {
        int chars = 0;
        for (String t : texts) {
            chars += t == null ? 4 : t.length();
        }
        return HexFormat.of().formatHex(new MacFeed(newMac(), chars).joined(texts, separator).doFinal());
    }

    /** A running HMAC under the active key, for text that arrives in pieces (streams). */
    public Mac newMac() {
        return copyOf(prototypes.get(activeKeyId), keys.get(activeKeyId));
    }

    /** A fresh HMAC-SHA256 in the prototype's initial state: a clone, or (a provider that cannot clone) a new one. */
    public static Mac copyOf(Mac prototype, SecretKeySpec key) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(key);
        }
    }

    public static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
