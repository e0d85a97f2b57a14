package nl.dijkwacht.pii.detect.name;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A name-model window's words as a SHA-256 digest salted per process: equal words give equal keys, and the cache that
 * holds keys keeps no text (the salt, never written anywhere, keeps a dictionary of names from being hashed against it).
 */
record WindowKey(long a, long b, long c, long d) {

    static WindowKey of(MessageDigest saltedDigest, String[] words) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) saltedDigest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
        }
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
}
