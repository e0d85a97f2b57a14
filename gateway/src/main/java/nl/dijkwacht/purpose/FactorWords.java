package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.List;

/** The words of a folded text and the shapes the factor steps look for in them (split from {@link PurposeFactors}). */
final class FactorWords {

    private FactorWords() {
    }

    /** Sixth round: a street with a house number ("Vlierweg 9", "nr 12"): a household pointed at. */
    private static final List<String> STREET_SUFFIXES = PurposeWords.list("street-suffixes");

    static List<String> of(String folded) {
        List<String> out = new ArrayList<>();
        int n = folded.length();
        int i = 0;
        while (i < n) {
            char c = folded.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && (Character.isLetterOrDigit(folded.charAt(i)) || folded.charAt(i) == '-')) {
                i++;
            }
            out.add(folded.substring(s, i));
        }
        return out;
    }

    static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return !w.isEmpty() && w.length() <= 4;
    }

    /** A street name: a word of at least three letters before a street suffix ("vlierweg", "dorpsstraat"). */
    static boolean street(String w) {
        for (String suffix : STREET_SUFFIXES) {
            if (w.length() >= suffix.length() + 3 && w.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
