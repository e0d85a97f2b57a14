package nl.dijkwacht.purpose;

import java.util.List;
import java.util.Set;

/**
 * A choice between the two outcomes of a decision handed to the model (fourteenth round): a granting word next to a
 * refusing one, at most "of"/"or" between them — "toegekend of afgewezen" as the value of a JSON field or a letter's
 * placeholder, "geef per cv GESCHIKT of ONGESCHIKT terug", "een harde ja/nee", "verlenen of weigeren?". Such a pair asks
 * the model to pick one; a decision already taken names one outcome, not both side by side. Read by {@link PurposeFactors}
 * as a verdict asked.
 */
final class OutcomeChoice {

    private static final List<List<String>> GROUPS = PurposeWords.groups("outcome-groups");
    private static final Set<String> GRANTED = Set.copyOf(GROUPS.get(0));
    private static final Set<String> REFUSED = Set.copyOf(GROUPS.get(1));
    private static final Set<String> BETWEEN = Set.of("of", "or");

    private OutcomeChoice() {
    }

    /** @param words the folded text's words ({@link FactorWords#of}) */
    static boolean in(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            String first = words.get(i);
            int next = BETWEEN.contains(words.get(i + 1)) ? i + 2 : i + 1;
            if (next < words.size() && (GRANTED.contains(plain(first)) && REFUSED.contains(plain(words.get(next)))
                    || REFUSED.contains(plain(first)) && GRANTED.contains(plain(words.get(next))))) {
                return true;
            }
        }
        return false;
    }

    /** The word without hyphens: a word in capitals broken at a line's end reads "ongesc-hikt" (PurposeText). */
    private static String plain(String word) {
        return word.indexOf('-') < 0 ? word : word.replace("-", "");
    }
}
