package nl.dijkwacht.pii.detect.name;

import java.util.List;
import nl.dijkwacht.words.WordSet;

/**
 * Rule family: tussenvoegsels and surnames — a particle before a known surname ({@code met de Vries},
 * {@code De Groot belde}, {@code van Dijk}), a known capitalised surname ({@code Gisteren belde Yilmaz}), double
 * surnames ({@code Jansen-de Boer}), with the particles and an unknown given name in front taken along
 * ({@code Dwayne IJzerman}).
 */
final class SurnameRules {

    static final String PARTICLE_SURNAME = "tussenvoegsel + known surname";
    static final String KNOWN_SURNAME = "known surname";
    static final String SURNAME_COMMA_INITIALS = "surname, initials";

    private final NameParser parser;
    private final NameGazetteer gazetteer;

    SurnameRules(NameParser parser) {
        this.parser = parser;
        this.gazetteer = parser.gazetteer();
    }

    /** A leading particle before a known surname: the index to continue from, or -1. */
    int particleAndSurname(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        TextToken t = tokens.get(i);
        if (!t.isWord() || (t.capitalised() && !t.sentenceStart()) || !t.in(NameWords.LEADING_PARTICLES)) {
            return -1;
        }
        int j = parser.skipParticles(text, tokens, i);
        boolean givenNameFollows = j + 1 < tokens.size() && gazetteer.isFirstName(tokens.get(j))
                && tokens.get(j + 1).capitalised() && NameParser.adjacent(text, tokens, j, j + 1);
        if (j > i && j < tokens.size() && tokens.get(j).capitalised() && NameParser.adjacent(text, tokens, j - 1, j)
                && !givenNameFollows && gazetteer.isSurname(tokens.get(j))
                && !(tokens.get(j).in(NameWords.AMBIGUOUS) && i > 0
                && tokens.get(i - 1).in(NameWords.PLACE_PREPOSITIONS))
                && !streetAfterPreposition(text, tokens, i, j)) {
            NameSpan name = parser.parse(text, tokens, i, false, false, PARTICLE_SURNAME);
            if (name != null) {
                out.add(name);
                return name.endToken();
            }
        }
        return -1;
    }

    /**
     * "woont nog op Oosterom 12": the particle is the preposition of a place and the "surname" a street without a street
     * word, when a house number follows it (pii50: held-out-15's chat, where the name won over the address).
     */
    private static boolean streetAfterPreposition(String text, List<TextToken> tokens, int i, int j) {
        return j == i + 1 && tokens.get(i).isWord() && !tokens.get(i).capitalised()
                && tokens.get(i).in(NameWords.PLACE_PREPOSITIONS) && j + 1 < tokens.size()
                && tokens.get(j + 1).kind() == TextToken.Kind.NUMBER && tokens.get(j + 1).end() - tokens.get(j + 1).start() <= 4
                && NameParser.adjacent(text, tokens, j, j + 1);
    }

    /**
     * "Adeyemi, T.", "de Jong-van der Veen, A.", "Adeyemi-Okafor, C.": a surname (particles in front allowed)
     * followed by a comma and initials, as registers and lists write names. The index to continue from, or -1.
     */
    int commaInitials(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        if (!commaAndInitialsAhead(tokens, i)) {
            return commaGivenName(text, tokens, i, out); // cheap test first: this runs at every word
        }
        int k = i;
        boolean surname = false;
        while (k < tokens.size() && k - i < 5) {
            TextToken t = tokens.get(k);
            if (k > i && !TextToken.adjacent(text, tokens.get(k - 1), t)) {
                return -1;
            }
            if (!t.isWord()) {
                break;
            }
            if (t.in(NameWords.PARTICLES)) {
                k++; // "de Jong-van der Veen": particles before the surname and after a hyphenated first part
                continue;
            }
            if (!t.capitalised() || t.length() < 2) {
                return -1;
            }
            String lower = t.lower();
            if (NameWords.NOT_NAMES.contains(lower)
                    || NameWords.TITLES.contains(lower) || StreetOrganisationFilter.isStreetOrOrganisation(lower)
                    || StreetOrganisationFilter.LEGAL_FORMS.contains(lower)
                    || (StreetOrganisationFilter.hasNonNameEnding(lower) && !gazetteer.isSurname(lower))) {
                return -1;
            }
            surname = true;
            k++;
            if (!lower.endsWith("-" + lastPart(lower)) || !NameWords.PARTICLES.contains(lastPart(lower))) {
                break; // only "Jong-van" (a double name going on) takes further particles and a surname
            }
        }
        if (!surname || k + 1 >= tokens.size() || !tokens.get(k).is(",")
                || tokens.get(k - 1).in(NameWords.PARTICLES)
                || tokens.get(k).start() != tokens.get(k - 1).end()) {
            return -1;
        }
        TextToken initials = tokens.get(k + 1);
        if (initials.kind() != TextToken.Kind.INITIALS || initials.start() - tokens.get(k).end() > 1
                || initials.in(StreetOrganisationFilter.LEGAL_FORMS)
                || StreetOrganisationFilter.LEGAL_FORMS.contains(initials.lower().replace(".", ""))) {
            return -1;
        }
        // the initials must close the name: not "Jansen, J. de Vries" (a list of two people)
        if (k + 2 < tokens.size() && tokens.get(k + 2).capitalised()
                && TextToken.adjacent(text, initials, tokens.get(k + 2))) {
            return -1;
        }
        out.add(new NameSpan(tokens.get(i).start(), initials.end(), k + 2, SURNAME_COMMA_INITIALS));
        return k + 2;
    }

    /**
     * "Mol, Kirsten (jurist)", "- Ramautar, Sarita D. — aanvrager", "Al-Zoubi, Hiba.": a capitalised surname, a comma
     * and a known given name (and perhaps an initial) that closes the name — in a list (a list line, or after a comma
     * or semicolon), or when the surname is known. The index to continue from, or -1.
     */
    private int commaGivenName(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        // sixth round: particles may open the surname ("ter Horst, Bas", "in 't Veld, Kees", "Ben Ali, Mohammed")
        int s = i;
        if (!commaWithin(tokens, i + 1, i + 5)) {
            return -1; // the cheap test first: this runs at every word
        }
        while (s < tokens.size() && s - i < 3 && tokens.get(s).isWord() && tokens.get(s).in(NameWords.PARTICLES)
                && (s == i || TextToken.adjacent(text, tokens.get(s - 1), tokens.get(s)))) {
            s++;
        }
        if (s > i && (s - i == 1 && tokens.get(i).in(PREPOSITIONS)
                || s >= tokens.size() || !TextToken.adjacent(text, tokens.get(s - 1), tokens.get(s)))) {
            return -1; // "in Amersfoort, Kees": a place after a preposition
        }
        int comma = s + 1;
        if (comma + 1 >= tokens.size() || !tokens.get(comma).is(",")) {
            return -1;
        }
        TextToken surname = tokens.get(s);
        int g = comma + 1;
        // Outlook's "Groot, de, Maarten": the particles after the surname, then a second comma
        int p = g;
        while (p < tokens.size() && p - g < 3 && tokens.get(p).isWord() && !tokens.get(p).capitalised()
                && tokens.get(p).in(NameWords.PARTICLES)) {
            p++;
        }
        if (p > g && s == i && p + 1 < tokens.size() && tokens.get(p).is(",")
                && tokens.get(p).start() == tokens.get(p - 1).end()) {
            g = p + 1;
        }
        TextToken given = tokens.get(g);
        // "KOOIMAN, PIETERNELLA": a surname in capitals may be followed by a given name in capitals
        boolean allCaps = surname.allCaps() && given.allCaps();
        // ninth round: "HABIBI, Mohammad Reza" (the register's surname in capitals, the given names as written) and
        // Outlook's "Berg, van den, Koos" (particles between two commas) are that order whatever the given name is
        boolean register = allCaps || surname.allCaps() && surname.length() >= 3;
        boolean outlook = g > comma + 1;
        if (!surname.capitalised() || surname.length() < 2 || tokens.get(comma).start() != surname.end()
                || given.start() - tokens.get(g - 1).end() != 1 || !given.capitalised()
                || (given.allCaps() && !allCaps)
                || (!gazetteer.isFirstName(given) || given.in(NameWords.AMBIGUOUS)) && !outlook
                || given.in(NameWords.NOT_NAMES)) {
            return -1;
        }
        String lower = surname.lower(); // a string only for a capitalised word before a comma and a given name
        if (NameWords.NOT_NAMES.contains(lower) || NameWords.TITLES.contains(lower)
                || StreetOrganisationFilter.isStreetOrOrganisation(lower) || StreetOrganisationFilter.hasNonNameEnding(lower)) {
            return -1;
        }
        int end = g + 1;
        if (end < tokens.size() && tokens.get(end).kind() == TextToken.Kind.INITIALS
                && TextToken.adjacent(text, given, tokens.get(end))) {
            end++; // "Sarita D."
        }
        if (register && end + 1 < tokens.size() && secondGivenName(text, tokens, end, allCaps)) {
            end++; // "HABIBI, Mohammad Reza", "AL-SAMARRAI, MUSTAFA ABDULLAH"
        }
        if (end < tokens.size() && TextToken.adjacent(text, tokens.get(end - 1), tokens.get(end))
                && tokens.get(end).start() - tokens.get(end - 1).end() <= 1
                && !(tokens.get(end).kind() == TextToken.Kind.PUNCT && "(;.,)—–-".contains(tokens.get(end).text()))
                && !(allCaps && tokens.get(end).in(LIST_JOINERS))
                && !(register && tokens.get(end).kind() == TextToken.Kind.NUMBER)) { // "HABIBI, Darya 999931404"
            return -1; // "Jansen, Pieter de Vries": a list of two people, or the sentence goes on
        }
        // seventh round: a line break closes the name too ("NDLOVU, SIPHO\nnr 4 …"), and in capitals the comma order
        // itself is the register's way of writing a person ("VAN DER VELDE, HARMEN en BOSCH, ELS"), list or not
        if (!(register || outlook || gazetteer.isSurname(lower) || inList(text, tokens, i))
                || gazetteer.isFirstName(lower) && s == i && g == comma + 1) {
            return -1; // "Kevin, Jamal, Chayenne": a list of given names
        }
        out.add(new NameSpan(tokens.get(i).start(), tokens.get(end - 1).end(), end, SURNAME_COMMA_INITIALS));
        return end;
    }

    /**
     * A second given name written like the first, right after it and closing the name: followed by punctuation, a
     * number, a line end or a list joiner ("Mohammad Reza 999931015", "MUSTAFA ABDULLAH en …").
     */
    private boolean secondGivenName(String text, List<TextToken> tokens, int k, boolean allCaps) {
        TextToken t = tokens.get(k);
        if (!t.capitalised() || t.allCaps() != allCaps || t.length() < 3
                || !TextToken.adjacent(text, tokens.get(k - 1), t) || t.start() - tokens.get(k - 1).end() != 1
                || t.in(NameWords.NOT_NAMES) || t.in(NameWords.TITLES)
                || StreetOrganisationFilter.isStreetOrOrganisation(t.lower())
                || !(gazetteer.isFirstName(t) || gazetteer.isSurname(t))) {
            return false;
        }
        if (k + 1 >= tokens.size()) {
            return true;
        }
        TextToken next = tokens.get(k + 1);
        return !TextToken.adjacent(text, t, next) || next.kind() == TextToken.Kind.NUMBER
                || next.kind() == TextToken.Kind.PUNCT || next.in(LIST_JOINERS);
    }

    /** Whether one of the tokens [from, to) is a comma. */
    private static boolean commaWithin(List<TextToken> tokens, int from, int to) {
        for (int k = from; k < Math.min(to, tokens.size()); k++) {
            if (tokens.get(k).is(",")) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> PREPOSITIONS = WordSet.of(List.of("in", "op", "te", "uit", "aan"));
    /** Words that join the next person of a list after "SURNAME, GIVEN". */
    private static final java.util.Set<String> LIST_JOINERS = WordSet.of(List.of("en", "and", "&"));

    /** The token opens a list item: a line starting with "-", "*", "•" or a number, or it follows ", " or "; ". */
    private static boolean inList(String text, List<TextToken> tokens, int i) {
        if (i > 0 && (tokens.get(i - 1).is(",") || tokens.get(i - 1).is(";"))) {
            return true;
        }
        int k = tokens.get(i).start() - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k--;
        }
        if (k >= 0 && "-*•·".indexOf(text.charAt(k)) >= 0) {
            k--;
            while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k--;
            }
            return k < 0 || text.charAt(k) == '\n';
        }
        return false;
    }

    /** Whether a comma directly followed by initials comes within five word tokens from {@code i}. */
    private static boolean commaAndInitialsAhead(List<TextToken> tokens, int i) {
        for (int k = i + 1; k < tokens.size() && k - i <= 5; k++) {
            TextToken t = tokens.get(k);
            if (t.kind() == TextToken.Kind.PUNCT) {
                return t.is(",") && k + 1 < tokens.size()
                        && tokens.get(k + 1).kind() == TextToken.Kind.INITIALS;
            }
            if (!t.isWord()) {
                return false;
            }
        }
        return false;
    }

    private static String lastPart(String lower) {
        return lower.substring(lower.lastIndexOf('-') + 1);
    }

    /** A known capitalised surname ("Bakker heeft gebeld"): the index to continue from, or -1. */
    int knownSurname(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        TextToken t = tokens.get(i);
        if (!t.capitalised() || !gazetteer.isSurname(t) || t.in(NameWords.NOT_NAMES)
                || t.in(NameWords.AMBIGUOUS) || i > 0 && streetAfterPreposition(text, tokens, i - 1, i)) {
            return -1;
        }
        NameSpan name = parser.parse(text, tokens, i, false, false, KNOWN_SURNAME);
        if (name == null) {
            return -1;
        }
        out.add(withLeadingGivenName(text, tokens, withLeadingParticles(text, tokens, i, name)));
        return name.endToken();
    }

    /** "De Vries" at sentence start, "van der Berg" after a comma: take the particles in front along. */
    private static NameSpan withLeadingParticles(String text, List<TextToken> tokens, int i, NameSpan name) {
        int k = i;
        while (k > 0 && tokens.get(k - 1).isWord() && tokens.get(k - 1).in(NameWords.PARTICLES)
                && TextToken.adjacent(text, tokens.get(k - 1), tokens.get(k)) && !tokens.get(k).sentenceStart()) {
            k--;
        }
        return k == i ? name : name.withStart(tokens.get(k).start());
    }

    /** "Dwayne IJzerman" on its own line or after a title: an unknown capitalised word before a surname is the given name. */
    private NameSpan withLeadingGivenName(String text, List<TextToken> tokens, NameSpan name) {
        int first = tokenStartingAt(tokens, name.start());
        if (first <= 0) {
            return name;
        }
        TextToken before = tokens.get(first - 1);
        if (!before.capitalised() || !TextToken.adjacent(text, before, tokens.get(first))
                || before.in(NameWords.NOT_NAMES) || before.in(NameWords.TITLES)
                || StreetOrganisationFilter.isStreetOrOrganisation(before.lower()) || before.length() < 2) {
            return name;
        }
        boolean lineStart = before.sentenceStart() || first - 1 == 0
                || (first >= 2 && tokens.get(first - 2).in(NameWords.TITLES));
        // ninth round: mid-sentence, after a lower-case word or a list joiner, a capitalised word before a known
        // surname is its given name too ("staan daar Ionuț Ciobanu", "Ruben, Ilse & Mats Oldenziel")
        boolean midSentence = first >= 2 && !before.sentenceStart() && !before.in(NameWords.PARTICLES)
                && (tokens.get(first - 2).isWord() && !tokens.get(first - 2).capitalised()
                        && !tokens.get(first - 2).in(NameWords.PARTICLES)
                        || tokens.get(first - 2).is("&"));
        return lineStart || midSentence ? name.withStart(before.start()) : name;
    }

    /** Binary search for the token starting at {@code offset}; -1 if none. */
    private static int tokenStartingAt(List<TextToken> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int s = tokens.get(mid).start();
            if (s == offset) {
                return mid;
            } else if (s < offset) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }
}
