package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.dijkwacht.pii.detect.PiiEngineException;
import nl.dijkwacht.pii.detect.WordList;
import nl.dijkwacht.pii.detect.WordSet;

/**
 * Common first names and surnames (our own compiled lists, see docs/pii-evaluation.md). The other word lists of the
 * name rules are in {@link NameWords} and {@link StreetOrganisationFilter}.
 */
final class NameGazetteer {

    static final String FIRST_NAMES = "/pii/names/first-names.txt";
    static final String SURNAMES = "/pii/names/surnames.txt";
    /** Generated from Datafaker's name lists (Apache-2.0), see docs/pii/gazetteer-from-datafaker.py. */
    static final String BROAD = "/pii/names/gazetteer-broad.txt";

    private final Set<String> firstNames;
    private final Set<String> surnames;

    NameGazetteer() {
        Map<String, List<String>> broad = WordList.sections(BROAD);
        Set<String> alsoWords = WordSet.of(broad.getOrDefault("also-words", List.of()));
        this.firstNames = union(load(FIRST_NAMES), broad.get("first-names"), alsoWords);
        this.surnames = union(load(SURNAMES), broad.get("surnames"), alsoWords);
    }

    /**
     * The hand-written list and the broad one; a broad name that is also an ordinary Dutch or English word
     * ({@code also-words}) is left out, so that a word is never taken for a name only because some locale has it.
     */
    private static Set<String> union(Set<String> handWritten, List<String> broad, Set<String> alsoWords) {
        if (broad == null || broad.isEmpty()) {
            throw new PiiEngineException("gazetteer section missing in " + BROAD);
        }
        List<String> all = new ArrayList<>(handWritten.size() + broad.size());
        all.addAll(handWritten);
        for (String name : broad) {
            if (!alsoWords.contains(name)) {
                all.add(name);
            }
        }
        return WordSet.of(all);
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

    /** A gazetteer file; missing or empty is a {@link PiiEngineException}. */
    static Set<String> load(String resource) {
        return WordList.set(resource);
    }
}
