package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Runs a pattern only where a match can start, instead of at every character: candidate positions (the start of a
 * run of digits, an '@', a capital at a word start) are picked first and the pattern is tried there with
 * {@code lookingAt}. Transparent bounds let look-behinds see the text before the candidate. Same matches as
 * {@code find()} when the candidates include every position where a match can start; an order of magnitude faster.
 * Candidates are best given as ascending offsets ({@link AnalysedText} computes the common kinds once per text): a
 * predicate tried at every character costs a call per character and pattern.
 */
final class CandidateScan {

    private CandidateScan() {
    }

    /** Matches starting at the given ascending offsets; a match hides candidates inside it. */
    static List<MatchResult> matches(Pattern pattern, String text, int[] starts) {
        List<MatchResult> out = null;
        Matcher m = null;
        int n = text.length();
        int next = 0;
        for (int i : starts) {
            if (i < next) {
                continue;
            }
            if (m == null) {
                m = matcher(pattern, text);
            }
            m.region(i, n);
            if (m.lookingAt()) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(m.toMatchResult());
                next = Math.max(m.end(), i + 1);
            }
        }
        return out == null ? List.of() : out;
    }

    /** As {@link #matches(Pattern, String, int[])}, with the candidates given as a test of every offset. */
    static List<MatchResult> matches(Pattern pattern, String text, IntPredicate candidate) {
        return matches(pattern, text, IntStream.range(0, text.length()).filter(candidate).toArray());
    }

    private static Matcher matcher(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m;
    }

    /**
     * The digit-run starts ({@link AnalysedText#digitRunStarts}) whose run has {@code min} to {@code max} digits and
     * is followed by one of {@code next} (a char of that string; any char, or the end of the text, when it is null):
     * where a pattern whose first group is such a run can start. A pattern that needs four digits and then a space or a
     * letter is then not tried at every date, amount and house number (regex20).
     */
    static int[] digitRuns(String text, int[] runStarts, int min, int max, String next) {
        int[] out = null;
        int count = 0;
        int n = text.length();
        for (int k = 0; k < runStarts.length; k++) {
            int s = runStarts[k];
            int e = runEnd(text, s);
            if (e - s < min || e - s > max || (next != null && (e == n || next.indexOf(text.charAt(e)) < 0))) {
                continue;
            }
            if (out == null) {
                out = new int[runStarts.length - k];
            }
            out[count++] = s;
        }
        return out == null ? new int[0] : Arrays.copyOf(out, count);
    }

    /**
     * The digit-run starts not right after a letter whose run length is one of {@code lengths} (bit {@code i} for
     * {@code i} digits, bit 63 for 63 or more): where a pattern can start that opens with {@code (?<![\p{L}\d…])} and a
     * first group of digits of one of those lengths. {@code \p{L}} at one char is {@link Character#isLetter(char)}.
     */
    static int[] digitRuns(String text, int[] runStarts, long lengths) {
        int[] out = null;
        int count = 0;
        for (int k = 0; k < runStarts.length; k++) {
            int s = runStarts[k];
            int len = runEnd(text, s) - s;
            if ((lengths & (1L << Math.min(len, 63))) == 0 || (s > 0 && Character.isLetter(text.charAt(s - 1)))) {
                continue;
            }
            if (out == null) {
                out = new int[runStarts.length - k];
            }
            out[count++] = s;
        }
        return out == null ? new int[0] : Arrays.copyOf(out, count);
    }

    private static int runEnd(String text, int s) {
        int e = s + 1;
        while (e < text.length() && isDigit(text.charAt(e))) {
            e++;
        }
        return e;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
