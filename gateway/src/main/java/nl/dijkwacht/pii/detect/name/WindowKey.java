package nl.dijkwacht.pii.detect.name;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import nl.dijkwacht.words.Utf8;

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
        return of(sha.digest());
    }

    /**
     * {@code of(saltedDigest, words)} of the words {@code tokens[from, to)}: the same bytes digested (each token's UTF-8
     * as {@link String#getBytes} makes it, a lone surrogate as {@code '?'}), read from the text in place. A window the
     * cache holds needs no strings of its words (pii24: a substring and a byte array per word before).
     */
    static WindowKey of(MessageDigest saltedDigest, java.util.List<TextToken> tokens, int from, int to) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) saltedDigest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
        }
        int room = 0;
        for (int k = from; k < to; k++) {
            room += 4 + Utf8.MAX_BYTES_PER_CHAR * tokens.get(k).length();
        }
        byte[] bytes = new byte[room];
        int at = 0;
        for (int k = from; k < to; k++) {
            TextToken t = tokens.get(k);
            int lengthAt = at;
            at = t.utf8(bytes, at + 4);
            int length = at - lengthAt - 4;
            bytes[lengthAt] = (byte) (length >>> 24);
            bytes[lengthAt + 1] = (byte) (length >>> 16);
            bytes[lengthAt + 2] = (byte) (length >>> 8);
            bytes[lengthAt + 3] = (byte) length;
        }
        sha.update(bytes, 0, at);
        return of(sha.digest());
    }

    private static WindowKey of(byte[] sha256) {
        ByteBuffer digest = ByteBuffer.wrap(sha256);
        return new WindowKey(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    }
}
