package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import nl.dijkwacht.words.Letters;

/**
 * {@code 0} → {@code o}/{@code O} and {@code 1} → {@code l}/{@code I} between letters of a word ({@code K1aas},
 * {@code M0HAMED}), and a zero opening a word of capitals ({@code 0UATTARA}).
 */
final class WordDigitRepair {

    private WordDigitRepair() {
    }

    static List<Edit> edits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        int done = 0;
        for (int k = 1; k + 1 < n; k++) {
            char c = s.charAt(k);
            if ((c != '0' && c != '1') || k < done || !Letters.letter(s.charAt(k - 1))
                    || !Letters.letter(s.charAt(k + 1)) && !doubledInLowerCase(s, k)) {
                continue;
            }
            int i = k;
            while (i > 0 && Letters.letterOrDigit(s.charAt(i - 1))) {
                i--;
            }
            int j = k;
            int letters = 0;
            int confused = 0;
            boolean otherDigit = false;
            for (j = i; j < n && Letters.letterOrDigit(s.charAt(j)); j++) {
                char w = s.charAt(j);
                if (Letters.letter(w)) {
                    letters++;
                } else if ((w == '0' || w == '1') && j > i && j + 1 < n && Letters.letter(s.charAt(j - 1))
                        && Letters.letter(s.charAt(j + 1))) {
                    confused++;
                } else if ((w == '0' || w == '1') && j > i && doubledInLowerCase(s, j)) {
                    confused += 2;
                    j++;
                } else {
                    otherDigit = true;
                }
            }
            done = j;
            if (confused > 2 || otherDigit || letters < 3) {
                continue;
            }
            for (int m = i + 1; m < j - 1; m++) {
                char w = s.charAt(m);
                if (w == '0' || w == '1') {
                    boolean upper = Letters.upper(s.charAt(m - 1)) && Letters.upper(s.charAt(m + 1));
                    if (edits == null) {
                        edits = new ArrayList<>();
                    }
                    edits.add(new Edit(m, m + 1, w == '0' ? (upper ? "O" : "o") : (upper ? "I" : "l")));
                }
            }
        }
        edits = leadingZeroEdits(s, edits);
        edits = fiveEdits(s, edits);
        return edits == null ? List.of() : edits;
    }

    /**
     * "Roe11laan", "Wi11em", "Ro00s": the two letters {@code ll} or {@code oo} read as digits, between lower-case
     * letters (a code in capitals, "AB11CD", stays).
     */
    private static boolean doubledInLowerCase(String s, int k) {
        return k >= 1 && k + 2 < s.length() && s.charAt(k + 1) == s.charAt(k)
                && Character.isLowerCase(s.charAt(k - 1)) && Character.isLowerCase(s.charAt(k + 2));
    }

    /**
     * "Vrie5", "Jan5en": a {@code 5} read for an {@code s} inside or at the end of a capitalised word of lower-case
     * letters (no other digit in it). Codes ("A5", "fase5" in lower case, "Blok5b") are left alone.
     */
    private static List<Edit> fiveEdits(String s, List<Edit> edits) {
        int n = s.length();
        for (int k = s.indexOf('5', 3); k >= 3; k = s.indexOf('5', k + 1)) {
            if (!Character.isLowerCase(s.charAt(k - 1)) || k + 1 < n && Character.isDigit(s.charAt(k + 1))) {
                continue;
            }
            int a = k - 1;
            while (a > 0 && Character.isLowerCase(s.charAt(a - 1))) {
                a--;
            }
            boolean capitalised = a > 0 && Letters.upper(s.charAt(a - 1))
                    && (a == 1 || !Letters.letterOrDigit(s.charAt(a - 2)));
            int e = k + 1;
            while (e < n && Character.isLowerCase(s.charAt(e))) {
                e++;
            }
            // "Blok5b": one letter after the digit is a house number's addition, not the rest of a word
            if (!capitalised || k - a < 2 || e - k == 2 || e < n && Letters.letterOrDigit(s.charAt(e))) {
                continue;
            }
            if (edits == null) {
                edits = new ArrayList<>();
            }
            edits.add(new Edit(k, k + 1, "s"));
            edits.sort(java.util.Comparator.comparingInt(Edit::start));
        }
        return edits;
    }

    /** "0UATTARA": a zero opening a word of at least three further capitals (and nothing else) is the letter O. */
    private static List<Edit> leadingZeroEdits(String s, List<Edit> edits) {
        int n = s.length();
        for (int k = s.indexOf('0'); k >= 0 && k + 3 < n; k = s.indexOf('0', k + 1)) {
            if (k > 0 && Letters.letterOrDigit(s.charAt(k - 1))) {
                continue;
            }
            int j = k + 1;
            while (j < n && Letters.upper(s.charAt(j))) {
                j++;
            }
            if (j - k - 1 >= 3 && (j == n || !Letters.letterOrDigit(s.charAt(j)))) {
                if (edits == null) {
                    edits = new ArrayList<>();
                }
                edits.add(new Edit(k, k + 1, "O"));
                edits.sort(java.util.Comparator.comparingInt(Edit::start));
            }
        }
        return edits;
    }
}
