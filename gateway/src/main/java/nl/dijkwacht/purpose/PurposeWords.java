package nl.dijkwacht.purpose;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.dijkwacht.words.WordList;

/**
 * The purpose guard's vocabularies, kept as resource files under {@code /purpose/words/} (one list a file, read by the
 * shared {@link WordList}, as the PII engine's lists are) so that policy owners can read and extend them without
 * editing Java. Entries are folded words ({@link PurposeTokens#fold}); a {@code *-pairs} file holds two words a line, which the factor code
 * looks up as {@code first_second}. Loaded once, at class initialisation of the class that uses a list.
 */
final class PurposeWords {

    static final String DIRECTORY = "/purpose/words/";

    private PurposeWords() {
    }

    static Set<String> set(String name) {
        return Set.copyOf(list(name));
    }

    static List<String> list(String name) {
        return WordList.list(DIRECTORY + name + ".txt");
    }

    /** Word pairs as the factor code looks them up: "ja of" becomes "ja_of". */
    static Set<String> pairs(String name) {
        return Set.copyOf(list(name).stream().map(pair -> pair.replace(' ', '_')).toList());
    }

    /** The groups of a file divided by {@code [section]} lines, in file order. */
    static List<List<String>> groups(String name) {
        Map<String, List<String>> sections = WordList.sections(DIRECTORY + name + ".txt");
        return List.copyOf(sections.values());
    }
}
