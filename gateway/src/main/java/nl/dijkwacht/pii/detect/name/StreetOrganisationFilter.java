package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Set;
import nl.dijkwacht.pii.detect.OrganisationOpeners;
import nl.dijkwacht.words.WordList;

/**
 * Names that are part of something else: a street ({@code Willem de Zwijgerlaan}), a building or institution
 * ({@code Jeroen Bosch Ziekenhuis}), a company ({@code Van Dijk B.V.}), an organisation after its prefix
 * ({@code Stichting Jan Pieter Heije}), and role or department words ({@code Juridische Zaken}). Used by the rules
 * and to vet the model's spans. Word lists in {@code /pii/names/}.
 */
final class StreetOrganisationFilter {

    private StreetOrganisationFilter() {
    }

    static final Set<String> ORGANISATION_WORDS = WordList.set("/pii/names/organisation-words.txt");
    private static final List<String> STREET_WORD_SUFFIXES = WordList.list("/pii/names/street-word-suffixes.txt");
    private static final List<String> NON_NAME_SUFFIXES = WordList.list("/pii/names/non-name-suffixes.txt");
    static final Set<String> LEGAL_FORMS = WordList.set("/pii/names/legal-forms.txt");
    static final Set<String> ORGANISATION_PREFIXES = WordList.set("/pii/names/organisation-prefixes.txt");

    /** Capitalised words that by their ending are roles, departments or services, not names. */
    static boolean hasNonNameEnding(String lower) {
        for (String suffix : NON_NAME_SUFFIXES) {
            if (lower.endsWith(suffix) && (lower.length() >= suffix.length() + 2 || lower.length() == suffix.length())) {
                return true;
            }
        }
        return lower.equals("zaken") || lower.equals("portaal") || lower.equals("state") || lower.equals("loket");
    }

    static boolean isStreetOrOrganisation(String lower) {
        if (ORGANISATION_WORDS.contains(lower)) {
            return true;
        }
        for (String suffix : STREET_WORD_SUFFIXES) {
            if (lower.length() >= suffix.length() + 2 && lower.endsWith(suffix)) {
                return true;
            }
        }
        return lower.length() >= 8 && lower.endsWith("kade");
    }

    /** "Van Dijk B.V.": the token after the name is a legal form. */
    static boolean legalFormAt(List<TextToken> tokens, int k) {
        return k < tokens.size() && tokens.get(k).in(LEGAL_FORMS);
    }

    /**
     * A street or organisation word directly after the name, possibly behind particles ("Willem de Zwijgerlaan",
     * "Jeroen Bosch Ziekenhuis"): the name belongs to it.
     */
    static boolean streetOrOrganisationFollows(String text, List<TextToken> tokens, int look) {
        int first = look;
        while (look < tokens.size() && TextToken.adjacent(text, tokens.get(look - 1), tokens.get(look))
                && tokens.get(look).isWord()) {
            String after = tokens.get(look).lower();
            if (isStreetOrOrganisation(after)) {
                return true;
            }
            // "Willem de Zwijgerlaan", but "Zijlstra in Zorgcentrum …": "in", "op", "te" do not open a name
            if (!NameWords.PARTICLES.contains(after)
                    || (look == first && !NameWords.LEADING_PARTICLES.contains(after))) {
                return false;
            }
            look++;
        }
        return false;
    }

    /** "Hoekstra &amp; Vos", "Kroon &amp; Lindeman": names joined by '&amp;' are a firm, tokens [from, to) the name. */
    static boolean firmWith(String text, List<TextToken> tokens, int from, int to) {
        return to + 1 < tokens.size() && tokens.get(to).is("&") && tokens.get(to + 1).capitalised()
                || from >= 2 && tokens.get(from - 1).is("&") && tokens.get(from - 2).capitalised();
    }

    /** "Stichting Jan Pieter Heije": an organisation prefix directly before the name at token {@code i}. */
    static boolean afterOrganisationPrefix(String text, List<TextToken> tokens, int i) {
        return i > 0 && tokens.get(i - 1).isWord() && TextToken.adjacent(text, tokens.get(i - 1), tokens.get(i))
                && tokens.get(i - 1).in(ORGANISATION_PREFIXES);
    }

    /**
     * An organisation word opens the run of capitalised words the name is in: "Stichting Jan [Pieter Heije]",
     * "Sportvereniging [Jan van Arkel]", "Kapsalon [Nour]" (at most four words back, particles included).
     */
    static boolean insideOrganisationName(String text, List<TextToken> tokens, int i) {
        for (int k = i - 1, steps = 0; k >= 0 && steps < 4; k--, steps++) {
            TextToken t = tokens.get(k);
            if (t.is(".") && k > 0 && tokens.get(k - 1).end() == t.start()
                    && (tokens.get(k - 1).in(NameWords.TITLES)
                            || (tokens.get(k - 1).capitalised() && tokens.get(k - 1).length() <= 3))) {
                // "Christelijk Lyceum Dr. Kuyper", "Buurthuis Dr. Schaepman": a title inside the name; so are an
                // initial or a shortened given name ("Natuurvereniging Jac. P. Thijsse")
                k--;
                t = tokens.get(k);
            }
            if (t.kind() == TextToken.Kind.INITIALS && TextToken.adjacent(text, t, tokens.get(k + 1))) {
                continue; // "Natuurvereniging Jac. P. Thijsse"
            }
            if (!t.isWord() || !TextToken.adjacent(text, t, tokens.get(k + 1))) {
                return false;
            }
            String lower = t.lower();
            if (isOrganisationPrefix(lower)) {
                return true;
            }
            if (!t.capitalised() && !NameWords.PARTICLES.contains(lower)) {
                return false;
            }
        }
        return false;
    }

    static boolean isOrganisationPrefix(String lower) {
        return OrganisationOpeners.opens(lower);
    }
}
