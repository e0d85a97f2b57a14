package nl.dijkwacht.pii.detect;

/**
 * The ASCII letters in a piece of text as 26 bits, either case folded ({@code a}/{@code A} bit 0 … {@code z}/{@code Z}
 * bit 25), for a quick "cannot match" before a list of names is searched: a name can only occur where every one of
 * its ASCII letters is at hand (pii21: the firm lists were compared at every position around every person span).
 */
public final class LetterMask {

    /** Every letter: what a text with characters beyond ASCII may hold once lower-cased. */
    public static final long ALL = (1L << 26) - 1;

    private LetterMask() {
    }

    /** The ASCII letters of {@code text[from, to)}; other characters add nothing. */
    public static long of(String text, int from, int to) {
        long mask = 0;
        for (int i = from; i < to; i++) {
            mask |= bit(text.charAt(i));
        }
        return mask;
    }

    public static long of(String word) {
        return of(word, 0, word.length());
    }

    /**
     * The ASCII letters {@code text[from, to)} can hold after {@code toLowerCase}: its own, or {@link #ALL} when it has a
     * character beyond ASCII (the Kelvin sign lower-cases to {@code k}, {@code İ} to {@code i} and a mark).
     */
    public static long afterLowerCase(String text, int from, int to) {
        long mask = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return ALL;
            }
            mask |= bit(c);
        }
        return mask;
    }

    /**
     * The ASCII letters that {@link String#regionMatches(boolean, int, String, int, int)} with {@code ignoreCase}
     * lets stand for a character of {@code word}: the JDK's own comparison asked for each letter, in both of a string's
     * internal forms, so a character such as {@code ı} or {@code ſ} that matches an ASCII letter counts too.
     */
    public static long ignoringCase(String word) {
        long mask = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isSurrogate(c)) {
                return ALL; // compared as code points: leave such a word to the full comparison
            }
            mask |= standingFor(c);
        }
        return mask;
    }

    private static long standingFor(char c) {
        String[] others = {String.valueOf(c), c + "\u0100"};
        long mask = 0;
        for (char letter = 'a'; letter <= 'z'; letter++) {
            for (char form : new char[] {letter, Character.toUpperCase(letter)}) {
                for (String text : new String[] {String.valueOf(form), form + "\u0100"}) {
                    for (String other : others) {
                        if (text.regionMatches(true, 0, other, 0, 1)) {
                            mask |= bit(letter);
                        }
                    }
                }
            }
        }
        return mask;
    }

    /** Whether {@code have} holds every letter of {@code need}. */
    public static boolean holds(long have, long need) {
        return (need & ~have) == 0;
    }

    private static long bit(char c) {
        if (c >= 'a' && c <= 'z') {
            return 1L << (c - 'a');
        }
        if (c >= 'A' && c <= 'Z') {
            return 1L << (c - 'A');
        }
        return 0;
    }
}
