package nl.dijkwacht.pii;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Keys for the engine's in-memory caches: SHA-256 over a per-process random salt, so a key reveals no text. */
public final class SaltedDigest {

    private SaltedDigest() {
    }

    /**
     * A SHA-256 digest that has taken in 16 random bytes. It is never updated again; every key starts from a clone
     * of it, which saves the provider look-up and the salt per key on the hot path.
     */
    public static MessageDigest newSha256() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
