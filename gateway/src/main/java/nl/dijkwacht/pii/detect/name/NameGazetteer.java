package nl.dijkwacht.pii.detect.name;

import java.util.Set;
import nl.dijkwacht.pii.detect.PiiEngineException;
import nl.dijkwacht.pii.detect.WordList;

/**
 * Common first names and surnames (our own compiled lists, see docs/pii-evaluation.md). The other word lists of the
 * name rules are in {@link NameWords} and {@link StreetOrganisationFilter}.
 */
final class NameGazetteer {

    static final String FIRST_NAMES = "/pii/names/first-names.txt";
    static final String SURNAMES = "/pii/names/surnames.txt";

    private final Set<String> firstNames;
    private final Set<String> surnames;

    NameGazetteer() {
        this.firstNames = load(FIRST_NAMES);
        this.surnames = load(SURNAMES);
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

    boolean isSurname(String lower) {
        if (surnames.contains(lower)) {
            return true;
        }
        int dash = lower.indexOf('-');
        if (dash > 0) {
            return surnames.contains(lower.substring(0, dash)) || surnames.contains(lower.substring(lower.lastIndexOf('-') + 1));
        }
        return false;
    }

    int firstNameCount() {
        return firstNames.size();
    }

    int surnameCount() {
        return surnames.size();
    }

    /** A gazetteer file; missing or empty is a {@link PiiEngineException}. */
    static Set<String> load(String resource) {
        return WordList.set(resource);
    }
}
