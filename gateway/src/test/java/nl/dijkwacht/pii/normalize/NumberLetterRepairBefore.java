package nl.dijkwacht.pii.normalize;

import static nl.dijkwacht.pii.normalize.OcrCharacters.digit;
import static nl.dijkwacht.pii.normalize.OcrCharacters.monthFollows;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/** {@link NumberLetterRepair} as it was before pii23, kept as the oracle of {@code OcrRepairsSameEditsTest}. */
/**
 * {@code O}/{@code o} → {@code 0} and {@code I}/{@code l} → {@code 1} in numbers: groups of digits and these letters
 * joined by {@code -}, {@code .}, {@code /} or a space ({@code 772l}, {@code O6-79406318}, {@code l-l-l99l},
 * {@code 24l6 3741 l1}), and {@code ll} before a month name ({@code ll maart l935}). A group of these letters alone is
 * no number ({@code Blad l}, {@code o.a.}), and a lone {@code I} stays (a house-number addition such as {@code 20-I}).
 */
final class NumberLetterRepairBefore {

    private NumberLetterRepairBefore() {
    }

    /** Whether every group without a digit is one or two of {@code l} and {@code O} ({@code ll}, {@code O}). */
    private static boolean lookAlikeGroupsOnly(String s, List<int[]> tokens) {
        for (int[] t : tokens) {
            if (t[2] == 0 && (t[1] - t[0] > 2 || !s.substring(t[0], t[1]).chars().allMatch(c -> c == 'l' || c == 'O'))) {
                return false;
            }
        }
        return true;
    }

    static List<Edit> edits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        int i = 0;
        List<int[]> tokens = new ArrayList<>(4);
        while (i < n) {
            char c = s.charAt(i);
            if (!numeric(c) || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            tokens.clear();
            int digits = 0;
            int letters = 0;
            int j = i;
            boolean spaceOnlyJoins = true;
            int lettersOnlyTokens = 0;
            while (true) {
                int a = j;
                int d = 0;
                while (j < n && numeric(s.charAt(j))) {
                    if (digit(s.charAt(j))) {
                        d++;
                    }
                    j++;
                }
                // pii48b: the rule change of NumberLetterRepair carried into this reference — a S or B alone at the end
                // of a group of two or more digits is the scan's 5 or 8 ("3O-O6-l97S")
                boolean eightOrFiveEnds = d >= 2 && j < n && (s.charAt(j) == 'S' || s.charAt(j) == 'B')
                        && (j + 1 == n || !Character.isLetterOrDigit(s.charAt(j + 1)));
                if (j < n && Character.isLetterOrDigit(s.charAt(j)) && !eightOrFiveEnds) {
                    j = a; // glued to a word: not a number, and the group ends before it
                    break;
                }
                tokens.add(new int[] {a, j, d});
                digits += d;
                letters += j - a - d;
                if (d == 0) {
                    lettersOnlyTokens++;
                }
                int next = separatorEnd(s, j);
                if (next < 0 || next >= n || !numeric(s.charAt(next))) {
                    break;
                }
                if (s.charAt(j) != ' ' || next - j > 1) {
                    spaceOnlyJoins = false;
                }
                j = next;
            }
            if (tokens.isEmpty()) {
                i = wordEnd(s, i);
                continue;
            }
            boolean convert = letters > 0 && digits >= 1 && letters <= digits + 2
                    // "12 lo": a group of letters joined by a space alone is a word, not part of the number, unless
                    // the number is long and the groups are "l"/"O" pairs of a phone number ("+3l 6 44 O3 ll 82")
                    && !(spaceOnlyJoins && lettersOnlyTokens > 0 && !(digits >= 6 && tokens.size() >= 4
                    && lookAlikeGroupsOnly(s, tokens)));
            if (!convert && digits == 0 && tokens.size() == 1 && j - i <= 2 && monthFollows(s, j)) {
                convert = true; // "ll maart"
            }
            if (convert) {
                for (int[] t : tokens) {
                    if (t[1] - t[0] == 1 && s.charAt(t[0]) == 'I') {
                        continue; // "20-I": a house-number addition
                    }
                    for (int k = t[0]; k < t[1]; k++) {
                        char l = s.charAt(k);
                        if (!digit(l)) {
                            if (edits == null) {
                                edits = new ArrayList<>();
                            }
                            edits.add(new Edit(k, k + 1, l == 'O' || l == 'o' ? "0" : "1"));
                        }
                    }
                }
            }
            i = Math.max(j, i + 1);
        }
        return edits == null ? List.of() : edits;
    }

    /** After a group at {@code j}: the start of the next group when a single separator follows, else -1. */
    private static int separatorEnd(String s, int j) {
        int n = s.length();
        if (j >= n) {
            return -1;
        }
        char c = s.charAt(j);
        if (c == ' ' && j + 2 < n && s.charAt(j + 1) == '-' && s.charAt(j + 2) == ' ') {
            return j + 3; // "O7 - O9 - 2Ol7"
        }
        return c == '-' || c == '.' || c == '/' || c == ' ' ? j + 1 : -1;
    }


    private static int wordEnd(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
            j++;
        }
        return Math.max(j, i + 1);
    }

    private static boolean numeric(char c) {
        return digit(c) || c == 'O' || c == 'o' || c == 'I' || c == 'l';
    }
}
