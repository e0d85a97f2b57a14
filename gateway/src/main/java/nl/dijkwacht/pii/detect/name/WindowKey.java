package nl.dijkwacht.pii.detect.name;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A name-model window's words as a SHA-256 digest salted per process: equal words give equal keys, and the cache that
 * holds keys keeps no text (the salt, never written anywhere, keeps a dictionary of names from being hashed against it).
 */
record WindowKey(long a, long b, long c, long d) {

    static byte[] newSalt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    static WindowKey of(byte[] salt, String[] words) {
        MessageDigest sha = sha256();
        sha.update(salt);
        for (String w : words) {
            byte[] bytes = w.getBytes(StandardCharsets.UTF_8);
            sha.update((byte) (bytes.length >>> 24)); // each word with its length: ["ab", "c"] and ["a", "bc"] differ
            sha.update((byte) (bytes.length >>> 16));
            sha.update((byte) (bytes.length >>> 8));
            sha.update((byte) bytes.length);
            sha.update(bytes);
        }
        ByteBuffer digest = ByteBuffer.wrap(sha.digest());
        return new WindowKey(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
