package nl.dijkwacht.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed (HMAC-SHA256) pseudonyms: the same user always maps to the same id, which cannot be reversed without the key. */
public final class Pseudonymizer {

    private final SecretKeySpec key;
    /** Initialised once, never updated itself: each pseudonym starts from a clone (no provider look-up, no key set-up). */
    private final Mac prototype;

    public Pseudonymizer(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.prototype = TextHasher.newMac(this.key);
    }

    public String pseudonym(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Mac mac = TextHasher.copyOf(prototype, key);
        return "p-" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 12);
    }
}
