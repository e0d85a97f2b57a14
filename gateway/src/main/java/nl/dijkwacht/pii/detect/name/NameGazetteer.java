package nl.dijkwacht.pii.detect.name;

import java.util.Set;
import nl.dijkwacht.pii.detect.KnownNames;
import nl.dijkwacht.words.WordList;

/**
 * Common first names and surnames ({@link KnownNames}, shared with the e-mail recognizer). The other word lists of
 * the name rules are in {@link NameWords} and {@link StreetOrganisationFilter}.
 */
final class NameGazetteer {

    static final String FIRST_NAMES = "/pii/names/first-names.txt";
    static final String SURNAMES = "/pii/names/surnames.txt";

    private final Set<String> firstNames;
    private final Set<String> surnames;

    NameGazetteer() {
        KnownNames shared = KnownNames.shared();
        this.firstNames = shared.firstNames();
        this.surnames = shared.surnames();
    }

    /** A known given name, also a double one of known given names ("jan-willem", "Erik-Jan"). */
    boolean isFirstName(String lower) {
        if (firstNames.contains(lower)) {
            return true;
        }
        int dash = lower.indexOf('-');
        return dash > 0 && lower.indexOf('-', dash + 1) < 0 && firstNames.contains(lower.substring(0, dash))
                && firstNames.contains(lower.substring(dash + 1));
    }

    /** {@code isFirstName(t.lower())}, the list asked about the token's characters in place. */
    boolean isFirstName(TextToken t) {
        if (t.in(firstNames)) {
            return true;
        }
        return t.holds('-') && isFirstName(t.lower()); // a double given name
    }

    /** {@code isSurname(t.lower())}, the list asked about the token's characters in place. */
    boolean isSurname(TextToken t) {
        if (t.in(surnames)) {
            return true;
        }
        // a double surname, a feminine form (ends in "a" or "á"), or a lower case that is not char by char
        return (t.holds('-') || t.mayNotLowerCharWise() || endsInA(t)) && isSurname(t.lower());
    }

    private static boolean endsInA(TextToken t) {
        char last = t.lowerCharAt(t.length() - 1);
        return last == 'a' || last == 'á';
    }

    boolean isSurname(String lower) {
        if (surnames.contains(lower) || feminineOfKnownSurname(lower)) {
            return true;
        }
        int dash = lower.indexOf('-');
        if (dash > 0) {
            return surnames.contains(lower.substring(0, dash)) || surnames.contains(lower.substring(lower.lastIndexOf('-') + 1));
        }
        return false;
    }

    /** Polish, Czech and Slovak surnames have a feminine form: Wiśniewska of Wiśniewski, Nováková of Novák. */
    private boolean feminineOfKnownSurname(String lower) {
        int n = lower.length();
        if (n > 5 && lower.endsWith("ska") || n > 5 && lower.endsWith("cka") || n > 5 && lower.endsWith("dzka")) {
            return surnames.contains(lower.substring(0, n - 1) + "i");
        }
        if (n > 6 && lower.endsWith("ová")) {
            return surnames.contains(lower.substring(0, n - 3));
        }
        return false;
    }

    int firstNameCount() {
        return firstNames.size();
    }

    int surnameCount() {
        return surnames.size();
    }

    /** A gazetteer file; missing or empty is a {@link nl.dijkwacht.pii.detect.PiiEngineException}. */
    static Set<String> load(String resource) {
        return WordList.set(resource);
    }
}
