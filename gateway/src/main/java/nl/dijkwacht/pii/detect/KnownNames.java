package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.dijkwacht.words.WordList;
import nl.dijkwacht.words.WordSet;

/**
 * The gazetteers of given names and surnames (our own lists and the broad one generated from Datafaker, see
 * docs/pii-evaluation.md), loaded once and shared: by the name rules and by the e-mail recognizer, which asks whether
 * a one-word mailbox is someone's name.
 */
public final class KnownNames {

    static final String FIRST_NAMES = "/pii/names/first-names.txt";
    static final String SURNAMES = "/pii/names/surnames.txt";
    /** Generated from Datafaker's name lists (Apache-2.0), see docs/pii/gazetteer-from-datafaker.py. */
    static final String BROAD = "/pii/names/gazetteer-broad.txt";

    private static final class Shared {
        static final KnownNames INSTANCE = new KnownNames();
    }

    private final Set<String> firstNames;
    private final Set<String> surnames;

    private KnownNames() {
        Map<String, List<String>> broad = WordList.sections(BROAD);
        Set<String> alsoWords = WordSet.of(broad.getOrDefault("also-words", List.of()));
        this.firstNames = union(WordList.set(FIRST_NAMES), broad.get("first-names"), alsoWords);
        this.surnames = union(WordList.set(SURNAMES), broad.get("surnames"), alsoWords);
    }

    public static KnownNames shared() {
        return Shared.INSTANCE;
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

    /** Given names, lower case. */
    public Set<String> firstNames() {
        return firstNames;
    }

    /** Surnames without tussenvoegsel, lower case. */
    public Set<String> surnames() {
        return surnames;
    }

    /** A given name or a surname (lower case). */
    public boolean isName(String lower) {
        return firstNames.contains(lower) || surnames.contains(lower);
    }
}
