package nl.dijkwacht.pii.normalize;

/**
 * Which characters below 64 (digits, space, punctuation, controls) a text holds, as a 64-bit set: lets the
 * normaliser skip a repair whose every edit needs a character the text lacks — most prompts hold no digits, so there
 * is no number to repair. Gathered while the first pass reads the text anyway ({@link TextNormalizer}), or in one walk
 * of its own for a text a pass has changed.
 */
final class CharactersBelow64 {

    static final long DIGITS = mask("0123456789");

    private final long set; // bit c for each c < 64 the text holds

    CharactersBelow64(long set) {
        this.set = set;
    }

    static CharactersBelow64 of(String s) {
        long set = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 64) {
                set |= 1L << c;
            }
        }
        return new CharactersBelow64(set);
    }

    /** Whether the text holds any of the characters of {@code mask} (from {@link #mask}). */
    boolean any(long mask) {
        return (set & mask) != 0;
    }

    boolean hasDigit() {
        return any(DIGITS);
    }

    /** The set of {@code chars}, each below 64, as {@link #any} reads it. */
    static long mask(String chars) {
        long m = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c >= 64) {
                throw new IllegalArgumentException("not below 64: " + (int) c);
            }
            m |= 1L << c;
        }
        return m;
    }
}
