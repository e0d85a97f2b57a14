package nl.dijkwacht.pii.detect;

import java.util.Arrays;
import java.util.Locale;
import nl.dijkwacht.words.Letters;

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
    private int[] groupedDigitRunStarts;
    private int[] tokenStarts;
    private long[] asciiPairs;
    private SpacedColumns spacedColumns;

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

    /**
     * Lower case with one char per char, so that offsets into it are offsets into the text: {@code "ŞAHİN"} lower-cased
     * by {@link String#toLowerCase} is one char longer ({@code İ} becomes {@code i} and a combining dot).
     */
    public static String lowerSameLength(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() == text.length()) {
            return lower;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** The text in lower case ({@link Locale#ROOT}), for context words. */
    public String lower() {
        if (lower == null) {
            lower = lowerSameLength(text);
        }
        return lower;
    }

    /** Its columns set apart by runs of spaces ({@link SpacedColumns}), each line read once for all candidates. */
    SpacedColumns spacedColumns() {
        if (spacedColumns == null) {
            spacedColumns = new SpacedColumns(lower());
        }
        return spacedColumns;
    }

    /**
     * False when {@code word} (lower case) cannot occur in {@link #lower()}: one of its pairs of adjacent printable
     * ASCII characters occurs nowhere in it. A cheap test before {@code lower().contains(word)}, which it never
     * contradicts.
     */
    boolean mayContain(String word) {
        long[] pairs = asciiPairs();
        for (int i = 0; i + 1 < word.length(); i++) {
            int bit = pairBit(word.charAt(i), word.charAt(i + 1));
            if (bit >= 0 && (pairs[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The first of the characters whose pairs are kept: the space; the last is DEL. */
    private static final int FIRST_PAIRED = ' ';
    private static final int PAIRED = 128 - FIRST_PAIRED;

    /**
     * The pair's bit, or -1 when either character is outside the space … DEL range (a line break, a tab, a letter with
     * an accent): such pairs are not kept, so they rule nothing out. Pairs with a control character were kept until
     * pii25; no context word has one, and leaving them out makes the table 1.1 KB instead of 2 KB per text.
     */
    private static int pairBit(char a, char b) {
        int x = a - FIRST_PAIRED;
        int y = b - FIRST_PAIRED;
        return (x | y) >= 0 && x < PAIRED && y < PAIRED ? x * PAIRED + y : -1;
    }

    /** Which pairs of adjacent printable ASCII characters occur in the lower-case text: bit {@link #pairBit}. */
    private long[] asciiPairs() {
        if (asciiPairs == null) {
            String s = lower();
            long[] pairs = new long[PAIRED * PAIRED / 64];
            char a = s.isEmpty() ? 0 : s.charAt(0);
            for (int i = 1, n = s.length(); i < n; i++) { // each char read once, carried as the next pair's first
                char b = s.charAt(i);
                int bit = pairBit(a, b);
                if (bit >= 0) {
                    pairs[bit >>> 6] |= 1L << bit;
                }
                a = b;
            }
            asciiPairs = pairs;
        }
        return asciiPairs;
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

    /** The digit runs of one to five digits followed by {@code .}, {@code -} or a space and a digit. */
    int[] groupedDigitRunStarts() {
        if (groupedDigitRunStarts == null) {
            int[] runs = digitRunStarts();
            int[] out = new int[runs.length];
            int count = 0;
            for (int s : runs) {
                int e = s;
                while (e < text.length() && e - s <= 5 && CandidateScan.isDigit(text.charAt(e))) {
                    e++;
                }
                if (e - s <= 5 && e + 1 < text.length() && ". -".indexOf(text.charAt(e)) >= 0
                        && CandidateScan.isDigit(text.charAt(e + 1))) {
                    out[count++] = s;
                }
            }
            groupedDigitRunStarts = Arrays.copyOf(out, count);
        }
        return groupedDigitRunStarts;
    }

    /** Ascending offsets of the first letter or digit of every word or number. */
    int[] tokenStarts() {
        if (tokenStarts == null) {
            int[] out = new int[64];
            int count = 0;
            boolean previousWordChar = false;
            for (int i = 0, n = text.length(); i < n; i++) {
                boolean wordChar = Letters.letterOrDigit(text.charAt(i));
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
