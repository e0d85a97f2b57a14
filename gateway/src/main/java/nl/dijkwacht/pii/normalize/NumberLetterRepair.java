package nl.dijkwacht.pii.normalize;

import static nl.dijkwacht.pii.normalize.OcrCharacters.digit;
import static nl.dijkwacht.pii.normalize.OcrCharacters.monthFollows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import nl.dijkwacht.words.Letters;

/**
 * {@code O}/{@code o} → {@code 0} and {@code I}/{@code l} → {@code 1} in numbers: groups of digits and these letters
 * joined by {@code -}, {@code .}, {@code /} or a space ({@code 772l}, {@code O6-79406318}, {@code l-l-l99l},
 * {@code 24l6 3741 l1}), and {@code ll} before a month name ({@code ll maart l935}). A group of these letters alone is
 * no number ({@code Blad l}, {@code o.a.}), and a lone {@code I} stays (a house-number addition such as {@code 20-I}).
 */
final class NumberLetterRepair {

    private NumberLetterRepair() {
    }

    /**
     * Whether every group without a digit is one or two of {@code l} and {@code O} ({@code ll}, {@code O}). The groups
     * are {@code groups[3g]} (start), {@code groups[3g + 1]} (end) and {@code groups[3g + 2]} (digits), {@code count} of them.
     */
    private static boolean lookAlikeGroupsOnly(String s, int[] groups, int count) {
        for (int g = 0; g < count * 3; g += 3) {
            if (groups[g + 2] == 0 && (groups[g + 1] - groups[g] > 2 || !lookAlikes(s, groups[g], groups[g + 1]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean lookAlikes(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) != 'l' && s.charAt(k) != 'O') {
                return false;
            }
        }
        return true;
    }

    static List<Edit> edits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        int i = 0;
        // the groups of one number, three ints each (start, end, digits), kept for the call: an int[3] per group was
        // allocated for every run of digits and O/o/I/l in the text
        int[] groups = new int[12];
        int count = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!numeric(c) || (i > 0 && Letters.letterOrDigit(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            count = 0;
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
                if (j < n && Letters.letterOrDigit(s.charAt(j)) && !(d >= 2 && eightOrFiveEnds(s, j))) {
                    j = a; // glued to a word: not a number, and the group ends before it
                    break;
                }
                if (count * 3 == groups.length) {
                    groups = Arrays.copyOf(groups, groups.length * 2);
                }
                groups[count * 3] = a;
                groups[count * 3 + 1] = j;
                groups[count * 3 + 2] = d;
                count++;
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
            if (count == 0) {
                i = wordEnd(s, i);
                continue;
            }
            boolean convert = letters > 0 && digits >= 1 && letters <= digits + 2
                    // "12 lo": a group of letters joined by a space alone is a word, not part of the number, unless
                    // the number is long and the groups are "l"/"O" pairs of a phone number ("+3l 6 44 O3 ll 82")
                    && !(spaceOnlyJoins && lettersOnlyTokens > 0 && !(digits >= 6 && count >= 4
                    && lookAlikeGroupsOnly(s, groups, count)));
            if (!convert && digits == 0 && count == 1 && j - i <= 2 && monthFollows(s, j)) {
                convert = true; // "ll maart"
            }
            if (convert) {
                for (int g = 0; g < count * 3; g += 3) {
                    int from = groups[g];
                    int to = groups[g + 1];
                    if (to - from == 1 && s.charAt(from) == 'I') {
                        continue; // "20-I": a house-number addition
                    }
                    for (int k = from; k < to; k++) {
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

    /**
     * pii48b: a {@code S} or {@code B} alone at the end of a group of two or more digits ({@code 3O-O6-l97S}) is the
     * scan's {@code 5} or {@code 8}: the group's {@code l}/{@code O} are read here, and {@link EightAndFiveRepair} then
     * decides the last letter as for {@code 197S}.
     */
    private static boolean eightOrFiveEnds(String s, int j) {
        char c = s.charAt(j);
        return (c == 'S' || c == 'B') && (j + 1 == s.length() || !Letters.letterOrDigit(s.charAt(j + 1)));
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
        while (j < s.length() && Letters.letterOrDigit(s.charAt(j))) {
            j++;
        }
        return Math.max(j, i + 1);
    }

    private static boolean numeric(char c) {
        return digit(c) || c == 'O' || c == 'o' || c == 'I' || c == 'l';
    }
}
