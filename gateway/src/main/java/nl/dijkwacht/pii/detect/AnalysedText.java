package nl.dijkwacht.pii.detect;

import java.util.Arrays;
import java.util.Locale;

/**
 * A text under analysis with what several recognizers need from it, computed once per text instead of once per
 * recognizer: its structure, its lower-case form and the positions where a run of digits or a word starts (where
 * {@link CandidateScan} tries a pattern). Made by the detector for one {@code detect} call and used by one thread.
 */
public final class AnalysedText {

    private final String text;
    private final TextStructure structure;
    private String lower;
    private int[] digitRunStarts;
    private int[] tokenStarts;

    AnalysedText(String text, TextStructure structure) {
        this.text = text;
        this.structure = structure;
    }

    public static AnalysedText of(String text) {
        return new AnalysedText(text, TextStructure.of(text));
    }

    public String text() {
        return text;
    }

    public TextStructure structure() {
        return structure;
    }

    /** The text in lower case ({@link Locale#ROOT}), for context words. */
    public String lower() {
        if (lower == null) {
            lower = text.toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    /** Ascending offsets of the first digit of every run of digits. */
    int[] digitRunStarts() {
        if (digitRunStarts == null) {
            int[] out = new int[16];
            int count = 0;
            boolean previousDigit = false;
            for (int i = 0, n = text.length(); i < n; i++) {
                boolean digit = CandidateScan.isDigit(text.charAt(i));
                if (digit && !previousDigit) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = i;
                }
                previousDigit = digit;
            }
            digitRunStarts = Arrays.copyOf(out, count);
        }
        return digitRunStarts;
    }

    /** Ascending offsets of the first letter or digit of every word or number. */
    int[] tokenStarts() {
        if (tokenStarts == null) {
            int[] out = new int[64];
            int count = 0;
            boolean previousWordChar = false;
            for (int i = 0, n = text.length(); i < n; i++) {
                boolean wordChar = Character.isLetterOrDigit(text.charAt(i));
                if (wordChar && !previousWordChar) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = i;
                }
                previousWordChar = wordChar;
            }
            tokenStarts = Arrays.copyOf(out, count);
        }
        return tokenStarts;
    }
}
