package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Locale;

/**
 * Words near a candidate that make it more or less likely to be personal data. The nearest cue wins:
 * in "BSN 123456782, zaaknummer 234567891" each number is judged by its own label.
 */
final class ContextWords {

    enum Signal { POSITIVE, NEGATIVE, NONE }

    private final List<String> positive;
    private final List<String> negative;
    private final int before;
    private final int after;

    ContextWords(List<String> positive, List<String> negative, int before, int after) {
        this.positive = positive.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        this.negative = negative.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        this.before = before;
        this.after = after;
    }

    /** {@code lower} must be the analysed text in lower case (same length as the original). */
    Signal signal(String lower, int start, int end) {
        int from = Math.max(0, start - before);
        int bestDistance = Integer.MAX_VALUE;
        Signal best = Signal.NONE;
        for (String w : positive) {
            int d = distanceBefore(lower, w, from, start);
            if (d < bestDistance) {
                bestDistance = d;
                best = Signal.POSITIVE;
            }
        }
        for (String w : negative) {
            int d = distanceBefore(lower, w, from, start);
            if (d < bestDistance) {
                bestDistance = d;
                best = Signal.NEGATIVE;
            }
        }
        if (best != Signal.NONE || after == 0) {
            return best;
        }
        int to = Math.min(lower.length(), end + after);
        for (String w : positive) {
            int d = distanceAfter(lower, w, end, to);
            if (d < bestDistance) {
                bestDistance = d;
                best = Signal.POSITIVE;
            }
        }
        for (String w : negative) {
            int d = distanceAfter(lower, w, end, to);
            if (d < bestDistance) {
                bestDistance = d;
                best = Signal.NEGATIVE;
            }
        }
        return best;
    }

    boolean anyPositive(String lower, int start, int end) {
        int from = Math.max(0, start - before);
        int to = Math.min(lower.length(), end + after);
        for (String w : positive) {
            if (distanceBefore(lower, w, from, start) != Integer.MAX_VALUE
                    || distanceAfter(lower, w, end, to) != Integer.MAX_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** Bounded to the window: never scans the whole text. */
    private static int distanceBefore(String lower, String word, int from, int start) {
        char first = word.charAt(0);
        for (int idx = start - word.length(); idx >= from; idx--) {
            if (lower.charAt(idx) == first && lower.startsWith(word, idx) && isWordStart(lower, idx)) {
                return start - (idx + word.length());
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int distanceAfter(String lower, String word, int end, int to) {
        char first = word.charAt(0);
        for (int idx = end; idx + word.length() <= to; idx++) {
            if (lower.charAt(idx) == first && lower.startsWith(word, idx) && isWordStart(lower, idx)) {
                return idx - end;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Whether any cue word occurs anywhere in the text (a cheap gate before pattern matching). */
    boolean mentionedAnywhere(String lower) {
        for (String w : positive) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordStart(String s, int idx) {
        return idx == 0 || !Character.isLetterOrDigit(s.charAt(idx - 1));
    }
}
