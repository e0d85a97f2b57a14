package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import nl.dijkwacht.words.Letters;

/**
 * Letter-spaced text closed up ({@code S i m o n e   B e r g k a m p} → {@code Simone Bergkamp}, {@code 9 7 1 1 R S}
 * → {@code 9711RS}), as a scanned form's boxes leave it; a few single letters in prose stay. Inside a run the
 * punctuation of an address or a number stands alone too ({@code j . j a n s e n @ e x a m p l e . n l},
 * {@code 1 2 / 0 3 / 1 9 8 5}), and a short letter-spaced label opening a line closes up before its colon
 * ({@code B S N :  999 969 882}, {@code T e l :}), so that its cue word is read (pii49).
 */
final class LetterSpacingRepair {

    private LetterSpacingRepair() {
    }

    /** Fewest single characters in a row before a run counts as letter-spaced: {@code a b c} in prose stays. */
    private static final int SPACED_RUN = 5;
    /** Widest gap read as a word break inside a letter-spaced run; wider ones part the columns of a table. */
    private static final int SPACED_WORD_GAP = 4;
    /** Fewest single letters of a letter-spaced label before its colon ({@code T e l :}). */
    private static final int SPACED_LABEL = 3;

    /**
     * Single letters, digits or hyphens parted by one space, at least {@link #SPACED_RUN} of them on one line: the
     * single spaces go, a gap of two to {@link #SPACED_WORD_GAP} spaces becomes one (the word break of the original).
     */
    static List<Edit> edits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!singleAt(s, i) || !opensRun(s.charAt(i))) {
                i++;
                continue;
            }
            int count = 1;
            int marks = 0;
            boolean letters = Letters.letter(s.charAt(i));
            int singleGaps = 0;
            int end = i + 1;
            List<Edit> run = null; // most single characters stand alone: no list for them
            while (end < n && s.charAt(end) == ' ') {
                int k = end;
                while (k < n && s.charAt(k) == ' ') {
                    k++;
                }
                int gap = k - end;
                if (gap > SPACED_WORD_GAP || k >= n || !singleAt(s, k)) {
                    break;
                }
                if (run == null) {
                    run = new ArrayList<>();
                }
                run.add(new Edit(end, k, gap == 1 ? "" : " "));
                singleGaps += gap == 1 ? 1 : 0;
                marks += opensRun(s.charAt(k)) ? 0 : 1;
                letters &= Letters.letter(s.charAt(k));
                count++;
                end = k + 1;
            }
            if (count - marks >= SPACED_RUN && singleGaps >= SPACED_RUN - 1
                    || letters && count >= SPACED_LABEL && singleGaps == count - 1 && labelAt(s, i, end)) {
                if (edits == null) {
                    edits = new ArrayList<>();
                }
                edits.addAll(run);
            }
            i = end;
        }
        return edits == null ? List.of() : edits;
    }

    /**
     * A character standing alone between white space (or the text's ends): a letter, a digit, a hyphen, or inside a run
     * the punctuation of an address, a date or a number ({@code . , / @ _ +}).
     */
    private static boolean singleAt(String s, int i) {
        // the white space first: it rules out nearly every character of running text at once
        return (i == 0 || Letters.whitespace(s.charAt(i - 1)))
                && (i + 1 == s.length() || Letters.whitespace(s.charAt(i + 1)))
                && (opensRun(s.charAt(i)) || ".,/@_+".indexOf(s.charAt(i)) >= 0);
    }

    /** What a letter-spaced run opens with and counts: a letter, a digit or a hyphen (not a stray full stop). */
    private static boolean opensRun(char c) {
        return Letters.letterOrDigit(c) || c == '-';
    }

    /** A run [start, end) of single letters alone at the start of its line and followed by a colon ("B S N :"). */
    private static boolean labelAt(String s, int start, int end) {
        int before = start;
        while (before > 0 && (s.charAt(before - 1) == ' ' || s.charAt(before - 1) == '\t')) {
            before--;
        }
        if (before > 0 && s.charAt(before - 1) != '\n') {
            return false;
        }
        int after = end;
        while (after < s.length() && s.charAt(after) == ' ') {
            after++;
        }
        return after < s.length() && s.charAt(after) == ':';
    }
}
