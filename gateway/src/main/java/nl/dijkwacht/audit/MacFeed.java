package nl.dijkwacht.audit;

import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import nl.dijkwacht.words.Utf8;

/**
 * Feeds text to a MAC as the UTF-8 bytes {@code String.getBytes(UTF_8)} gives (an unpaired surrogate as {@code '?'}),
 * through a small buffer instead of an encoded copy of the whole text: the prompt and the answer of every request are
 * hashed for its record, and their copies (with the prompt's messages first joined into one string) were ~2 KB per
 * request (record22). Each {@link #text} is encoded on its own, as {@code getBytes} of that piece would be. The audit
 * chain's canonical record text is written through it too ({@code ChainCodec}), with its separators and numbers.
 */
public final class MacFeed {

    private static final int MAX_BUFFER = 256;

    private final Mac mac;
    private final byte[] buffer;
    private int used;

    /** @param chars about how many characters will be fed (sizes the buffer, at most {@value #MAX_BUFFER} bytes) */
    public MacFeed(Mac mac, int chars) {
        this.mac = mac;
        // at least a long's sign and digits (number)
        this.buffer = new byte[Math.clamp(chars, 20, MAX_BUFFER)];
    }

    public MacFeed text(String s) {
        int n = s.length();
        for (int i = 0; i < n; ) {
            if (used + 2 * Utf8.MAX_BYTES_PER_CHAR > buffer.length) {
                flush();
            }
            int end = Math.min(n, i + (buffer.length - used) / Utf8.MAX_BYTES_PER_CHAR); // at least two characters
            if (end < n && Character.isHighSurrogate(s.charAt(end - 1))) {
                end--; // a pair is encoded in the next piece, together
            }
            used = Utf8.put(s, i, end, buffer, used);
            i = end;
        }
        return this;
    }

    /**
     * The texts with {@code separator} (ASCII) between them, as {@code String.join(separator, texts)} encodes: each
     * text on its own (no character spans a text and such a separator), a null text as {@code "null"}.
     */
    public MacFeed joined(List<String> texts, String separator) {
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                text(separator);
            }
            text(String.valueOf(texts.get(i)));
        }
        return this;
    }

    /** One ASCII character. */
    public MacFeed ascii(char c) {
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = (byte) c;
        return this;
    }

    /** The decimal text {@link Long#toString(long)} gives, without that string. */
    public MacFeed number(long value) {
        if (value == Long.MIN_VALUE) {
            return text(Long.toString(value));
        }
        if (value < 0) {
            ascii('-');
            value = -value;
        }
        if (used + 19 > buffer.length) {
            flush();
        }
        int end = used + digits(value);
        for (int i = end - 1; i >= used; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        used = end;
        return this;
    }

    private static int digits(long value) {
        int n = 1;
        for (long limit = 10; n < 19 && value >= limit; limit *= 10) {
            n++;
        }
        return n;
    }

    /** Hands what is buffered to the MAC. */
    public MacFeed flush() {
        mac.update(buffer, 0, used);
        used = 0;
        return this;
    }

    /** The MAC of everything fed; the MAC starts again from its key. */
    public byte[] doFinal() {
        flush();
        return mac.doFinal();
    }

    /** Zeroes the buffer: nothing of the text fed so far stays readable in it (a feed kept for another text). */
    public void wipe() {
        Arrays.fill(buffer, (byte) 0);
    }
}
