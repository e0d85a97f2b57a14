package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.detect.ContextEnhancer.Cue;
import nl.dijkwacht.pii.detect.ContextEnhancer.Signal;

/**
 * The cue words of one side, positive ones first, each list in file order, indexed by first character so that a
 * window is read once instead of once per word. The nearest word at a word start inside the window wins; on a
 * tie the earlier word (so a positive one before a negative one).
 */
final class CueWords {

    private final String[] words;
    /** Cue words of three letters or fewer ("bel", "geb", "tel") count as whole words only: not in "belastingen". */
    private final boolean[] whole;
    private final int positives;
    private final WordsByFirstChar byFirst;

    CueWords(List<String> positive, List<String> negative) {
        List<String> all = new ArrayList<>(positive);
        all.addAll(negative);
        this.words = all.toArray(String[]::new);
        this.positives = positive.size();
        this.whole = new boolean[words.length];
        for (int w = 0; w < words.length; w++) {
            whole[w] = words[w].length() <= 3 && Character.isLetter(words[w].charAt(words[w].length() - 1));
        }
        this.byFirst = new WordsByFirstChar(words);
    }

    /** The positive cue word that {@code word} opens with ("bsn-nummer" opens with "bsn"), else null. */
    String startsPositive(String word) {
        int[] candidates = startingWith(word.charAt(0));
        if (candidates != null) {
            for (int w : candidates) {
                if (w < positives && word.startsWith(words[w])) {
                    return words[w];
                }
            }
        }
        return null;
    }

    private int[] startingWith(char c) {
        return byFirst.startingWith(c);
    }

    /** The word ending closest before {@code start}, starting at or after {@code from}. */
    Cue nearestBefore(String lower, int from, int start) {
        int bestDistance = Integer.MAX_VALUE;
        int best = -1;
        for (int idx = start - 1; idx >= from; idx--) {
            int[] candidates = startingWith(lower.charAt(idx));
            if (candidates == null || !isWordStart(lower, idx)) {
                continue;
            }
            for (int w : candidates) {
                int wordEnd = idx + words[w].length();
                if (wordEnd <= start && start - wordEnd <= bestDistance && lower.startsWith(words[w], idx)
                        && endsWord(lower, w, wordEnd)) {
                    int d = start - wordEnd;
                    if (d < bestDistance || w < best) {
                        bestDistance = d;
                        best = w;
                    }
                }
            }
        }
        return cue(best, "before");
    }

    /** The word starting closest after {@code end}, ending at or before {@code to}. */
    Cue nearestAfter(String lower, int end, int to) {
        for (int idx = end; idx < to; idx++) {
            int[] candidates = startingWith(lower.charAt(idx));
            if (candidates == null || !isWordStart(lower, idx)) {
                continue;
            }
            for (int w : candidates) { // ascending: the first that fits is the earliest word
                if (idx + words[w].length() <= to && lower.startsWith(words[w], idx)
                        && endsWord(lower, w, idx + words[w].length())) {
                    return cue(w, "after");
                }
            }
        }
        return Cue.NONE;
    }

    private static boolean isWordStart(String s, int idx) {
        return idx == 0 || !Character.isLetterOrDigit(s.charAt(idx - 1));
    }

    private boolean endsWord(String lower, int w, int end) {
        return !whole[w] || end == lower.length() || !Character.isLetter(lower.charAt(end));
    }

    private Cue cue(int w, String side) {
        return w < 0 ? Cue.NONE
                : new Cue(w < positives ? Signal.POSITIVE : Signal.NEGATIVE, words[w], side);
    }
}
