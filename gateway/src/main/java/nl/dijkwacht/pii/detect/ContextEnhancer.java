package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Map;

/**
 * The one context mechanism of the engine: words near a candidate that make it more or less likely to be personal
 * data. The nearest cue wins — in "BSN 123456782, zaaknummer 234567891" each number is judged by its own label —
 * and cues before the candidate are looked at first; cues after it only when there is none before. Word lists are
 * resource files ({@code /pii/context/*.txt}, sections {@code [positive]} and {@code [negative]}).
 */
public final class ContextEnhancer {

    public enum Signal { POSITIVE, NEGATIVE, NONE }

    /** The deciding cue: its signal, the cue word from our list (never text of the prompt) and its side. */
    public record Cue(Signal signal, String word, boolean after) {

        static final Cue NONE = new Cue(Signal.NONE, "", false);

        /** "context +'bsn' before", empty for no cue. */
        public String describe() {
            if (signal == Signal.NONE) {
                return "";
            }
            return "context " + (signal == Signal.POSITIVE ? "+" : "-") + "'" + word + "' " + (after ? "after" : "before");
        }
    }

    private final List<String> positiveBefore;
    private final List<String> negativeBefore;
    private final List<String> positiveAfter;
    private final List<String> negativeAfter;
    private final int before;
    private final int after;
    private final String source;

    private ContextEnhancer(String source, List<String> positiveBefore, List<String> negativeBefore,
            List<String> positiveAfter, List<String> negativeAfter, int before, int after) {
        this.source = source;
        this.positiveBefore = List.copyOf(positiveBefore);
        this.negativeBefore = List.copyOf(negativeBefore);
        this.positiveAfter = List.copyOf(positiveAfter);
        this.negativeAfter = List.copyOf(negativeAfter);
        this.before = before;
        this.after = after;
    }

    /** The same words on both sides: {@code before} characters before the candidate, {@code after} after it. */
    public static ContextEnhancer of(String resource, int before, int after) {
        Map<String, List<String>> s = WordList.sections(resource);
        List<String> pos = s.getOrDefault("positive", List.of());
        List<String> neg = s.getOrDefault("negative", List.of());
        if (pos.isEmpty() && neg.isEmpty()) {
            throw new PiiEngineException("resource empty: " + resource);
        }
        return new ContextEnhancer(resource, pos, neg, pos, neg, before, after);
    }

    /** One list for the words before the candidate and another for the words after it. */
    public static ContextEnhancer of(String beforeResource, int before, String afterResource, int after) {
        ContextEnhancer b = of(beforeResource, before, 0);
        ContextEnhancer a = of(afterResource, 0, after);
        return new ContextEnhancer(beforeResource + " + " + afterResource, b.positiveBefore, b.negativeBefore,
                a.positiveAfter, a.negativeAfter, before, after);
    }

    /** {@code lower} must be the analysed text in lower case (same length as the original). */
    public Signal signal(String lower, int start, int end) {
        return cue(lower, start, end).signal();
    }

    /** The nearest cue before the candidate, else the nearest after it. */
    public Cue cue(String lower, int start, int end) {
        int from = Math.max(0, start - before);
        int bestDistance = Integer.MAX_VALUE;
        Signal best = Signal.NONE;
        String word = null;
        if (before > 0) {
            for (String w : positiveBefore) {
                int d = distanceBefore(lower, w, from, start);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = Signal.POSITIVE;
                    word = w;
                }
            }
            for (String w : negativeBefore) {
                int d = distanceBefore(lower, w, from, start);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = Signal.NEGATIVE;
                    word = w;
                }
            }
        }
        if (best != Signal.NONE) {
            return new Cue(best, word, false);
        }
        if (after == 0) {
            return Cue.NONE;
        }
        int to = Math.min(lower.length(), end + after);
        for (String w : positiveAfter) {
            int d = distanceAfter(lower, w, end, to);
            if (d < bestDistance) {
                bestDistance = d;
                best = Signal.POSITIVE;
                word = w;
            }
        }
        for (String w : negativeAfter) {
            int d = distanceAfter(lower, w, end, to);
            if (d < bestDistance) {
                bestDistance = d;
                best = Signal.NEGATIVE;
                word = w;
            }
        }
        return best == Signal.NONE ? Cue.NONE : new Cue(best, word, true);
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

    /** Whether any positive cue word occurs anywhere in the text (a cheap gate before pattern matching). */
    public boolean mentionedAnywhere(String lower) {
        for (String w : positiveBefore) {
            if (lower.contains(w)) {
                return true;
            }
        }
        for (String w : positiveAfter) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordStart(String s, int idx) {
        return idx == 0 || !Character.isLetterOrDigit(s.charAt(idx - 1));
    }

    /** For the generated documentation: counts and the first words of each list. */
    String describe() {
        StringBuilder b = new StringBuilder();
        describe(b, "positive", positiveBefore, positiveAfter);
        describe(b, "negative", negativeBefore, negativeAfter);
        b.append(" — within ").append(before).append(" characters before");
        if (after > 0) {
            b.append(" (else ").append(after).append(" after)");
        }
        b.append(", list `").append(source.replace("/pii/", "pii/")).append('`');
        return b.toString();
    }

    private static void describe(StringBuilder b, String label, List<String> beforeWords, List<String> afterWords) {
        List<String> words = beforeWords.isEmpty() ? afterWords : beforeWords;
        if (words.isEmpty()) {
            return;
        }
        if (!b.isEmpty()) {
            b.append("; ");
        }
        b.append(label).append(" (").append(words.size()).append("): ");
        int shown = Math.min(6, words.size());
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "`" : ", `").append(words.get(i)).append('`');
        }
        if (shown < words.size()) {
            b.append(" …");
        }
    }
}
