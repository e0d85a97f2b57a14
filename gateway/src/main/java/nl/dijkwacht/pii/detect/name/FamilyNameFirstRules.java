package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Set;
import nl.dijkwacht.words.WordList;

/**
 * Rule family: names written family name first ({@code Zhou Xiaoming}, {@code Nguyen Van An},
 * {@code Camara Fatoumata}): a family name from {@code /pii/names/family-name-first.txt} followed by one or two
 * capitalised given names. The given names are not in any gazetteer, so without this rule neither part is known.
 */
final class FamilyNameFirstRules {

    static final String FAMILY_NAME_FIRST = "family name first";
    static final Set<String> FAMILY_NAMES = WordList.set("/pii/names/family-name-first.txt");

    /** The index to continue from, or -1 when the rule does not apply at token {@code i}. */
    int at(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        TextToken t = tokens.get(i);
        if (!t.capitalised() || !t.in(FAMILY_NAMES) || t.allCaps()
                || StreetOrganisationFilter.insideOrganisationName(text, tokens, i)) {
            return -1;
        }
        int j = i + 1;
        while (j < tokens.size() && j - i <= 2) {
            TextToken g = tokens.get(j);
            if (!g.capitalised() || g.allCaps() || !TextToken.adjacent(text, tokens.get(j - 1), g)
                    || g.in(NameWords.NOT_NAMES) || g.in(NameWords.TITLES)
                    || StreetOrganisationFilter.isStreetOrOrganisation(g.lower())) {
                break;
            }
            j++;
        }
        if (j == i + 1 || StreetOrganisationFilter.legalFormAt(tokens, j)
                || StreetOrganisationFilter.streetOrOrganisationFollows(text, tokens, j)) {
            return -1;
        }
        out.add(new NameSpan(t.start(), tokens.get(j - 1).end(), j, FAMILY_NAME_FIRST));
        return j;
    }
}
