package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Set;
import nl.dijkwacht.words.WordList;

/**
 * Words that open an organisation's or a building's name ({@code Stichting}, {@code Bibliotheek},
 * {@code Muziekvereniging}): the listed prefixes and any word ending in a listed ending.
 */
public final class OrganisationOpeners {

    private static final Set<String> PREFIXES = WordList.set("/pii/names/organisation-prefixes.txt");
    private static final List<String> ENDINGS = WordList.list("/pii/names/organisation-endings.txt");

    private OrganisationOpeners() {
    }

    /** Whether the lower-case word {@code lower} opens an organisation's name. */
    public static boolean opens(String lower) {
        if (PREFIXES.contains(lower)) {
            return true;
        }
        for (String ending : ENDINGS) {
            if (lower.length() >= ending.length() + 2 && lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
