package nl.dijkwacht.purpose;

import java.util.Set;

/** Whether a text asks the model anything at all (twelfth round; split from {@link PurposeFactors} in the thirteenth). */
final class RequestAsked {

    private RequestAsked() {
    }

    /** Twelfth round: a request word anywhere, or a verb that asks at the start of a sentence, line or list item. */
    private static final Set<String> REQUEST_WORDS = Set.of("kun", "kunt", "kan", "wil", "wilt", "zou", "graag", "please", "pls",
            "can", "could", "would", "help");
    private static final Set<String> ASKING_VERBS = Set.of("maak", "geef", "zet", "kies", "bepaal", "schrijf", "stel", "doe", "zeg",
            "noem", "lees", "vul", "beoordeel", "beslis", "besluit", "give", "make", "tell", "list", "write", "put", "pick",
            "choose", "decide");

    /**
     * Twelfth round: whether the text asks the model anything — a question mark, a request word ("kun je", "graag",
     * "please") or one of the common asking verbs anywhere but after a subject ("Maak …", "…, maak hier een melding van",
     * not "ik maak"). A text without any (a list of fees, a notice) asks no verdict of anyone. Meant to over-detect: a
     * text that asks something stays the classifier's.
     */
    static boolean of(String folded) {
        if (folded.indexOf('?') >= 0) {
            return true;
        }
        String previous = null;
        for (String w : FactorWords.of(folded)) {
            if (REQUEST_WORDS.contains(w) || ASKING_VERBS.contains(w) && (previous == null || !SUBJECTS.contains(previous))) {
                return true;
            }
            previous = w;
        }
        return false;
    }

    private static final Set<String> SUBJECTS = Set.of("ik", "we", "wij", "jij", "je", "u", "hij", "zij", "ze", "men", "i", "you",
            "they", "he", "she");
}
