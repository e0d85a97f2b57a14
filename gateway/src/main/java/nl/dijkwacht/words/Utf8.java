package nl.dijkwacht.words;

/**
 * Characters written as the UTF-8 bytes {@code String.getBytes(UTF_8)} gives them (an unpaired surrogate as {@code '?'}),
 * into a caller's array instead of a new one: the audit's MACs ({@code MacFeed}) and the name model's window keys are
 * taken over text that is hashed once and never needed as bytes again.
 */
public final class Utf8 {

    /** Bytes a character can take at most ({@code 2 * MAX_BYTES_PER_CHAR} always hold a surrogate pair's 4). */
    public static final int MAX_BYTES_PER_CHAR = 3;

    private Utf8() {
    }

    /**
     * Writes {@code s[from, to)} at {@code out[at]}; {@code out} must have room for {@link #MAX_BYTES_PER_CHAR} bytes per
     * character. A high surrogate at {@code to - 1} is taken alone (as {@code '?'}): keep pairs inside the range.
     *
     * @return the index after the last byte written
     */
    public static int put(String s, int from, int to, byte[] out, int at) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[at++] = (byte) (0xf0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xe0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return at;
    }
}
