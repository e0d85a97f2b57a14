package nl.dijkwacht.pii.detect;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.dijkwacht.words.WordList;
import nl.dijkwacht.words.WordSet;

/**
 * Person-like names that are part of the name of a thing, checked on every person finding whichever rule, model or
 * link found it: a street, hall or prize written as one word with the name ({@code Anton de Komstraat},
 * {@code Willem Alexanderhal}, {@code Tula-erf}, {@code Van den Ende-huis}), a name glued to an organisation word
 * ({@code Sint Antonius Ziekenhuis-project}), a firm whose legal form follows ({@code Vastgoed Mr. Troelstra BV},
 * {@code Otto Hahn GmbH}) and an institution's complement ({@code de Commissaris van de Koning}, {@code Kamer van
 * Koophandel}). Word lists in {@code /pii/names/}. Works on the text itself, so the name rules, the field recognizer
 * and the finding links share it.
 */
public final class NamedThings {

    private static final WordSet ORGANISATION_WORDS = WordSet.of(WordList.list("/pii/names/organisation-words.txt"));
    private static final List<String> STREET_WORD_SUFFIXES = WordList.list("/pii/names/street-word-suffixes.txt");
    private static final List<String> VENUE_SUFFIXES = WordList.list("/pii/names/venue-suffixes.txt");
    private static final WordSet LEGAL_FORMS = WordSet.of(WordList.list("/pii/names/legal-forms.txt"));
    private static final WordSet INSTITUTIONS = WordSet.of(WordList.list("/pii/names/institution-words.txt"));
    private static final WordSet COMPLEMENTS = WordSet.of(WordList.list("/pii/names/institution-complements.txt"));
    private static final WordSet PARTICLES = WordSet.of(WordList.list("/pii/names/particles.txt"));
    private static final WordSet TITLES = WordSet.of(WordList.list("/pii/names/titles.txt"));
    private static final WordSet COMPOUND_TAILS = WordSet.of(WordList.list("/pii/names/compound-tails.txt"));
    private static final WordSet BUSINESS_PREFIXES = WordSet.of(WordList.list("/pii/names/business-prefixes.txt"));
    private static final WordSet ORGANISATION_PREFIXES = WordSet.of(WordList.list("/pii/names/organisation-prefixes.txt"));
    private static final WordSet CONNECTIVES = WordSet.of(List.of("van", "der", "voor"));
    private static final List<String> FAMILY_NAME_FIRMS = WordList.list("/pii/names/family-name-firms.txt");
    /** Per firm of {@link #FAMILY_NAME_FIRMS}, the ASCII letters of a text that can match it ({@link LetterMask}). */
    private static final long[] FAMILY_NAME_FIRM_LETTERS = FAMILY_NAME_FIRMS.stream()
            .mapToLong(LetterMask::ignoringCase).toArray();
    /** Per firm of {@link #FAMILY_NAME_FIRMS}, whether it opens with the particle {@code "van "} ("Van Wijnen"). */
    private static final boolean[] FAMILY_NAME_FIRM_OPENS_WITH_VAN = openWithVan(FAMILY_NAME_FIRMS);
    private static final WordSet KNOWN_FIRMS = WordSet.of(WordList.list("/pii/names/known-firms.txt"));

    private NamedThings() {
    }

    /** Whether the person-like span [start, end) of {@code text} belongs to the name of a street, place or firm. */
    public static boolean partOfNamedThing(String text, int start, int end) {
        return markupElementName(text, start, end) || compoundAtEnd(text, start, end) || namedThingFollows(text, end)
                || legalFormInOrAhead(text, start, end) || institutionComplement(text, start, end) || businessOpens(text, start, end)
                || familyNameFirm(text, start, end) || ordinaryWordOpens(text, start, end)
                || placeOfAnAddress(text, start, end);
    }

    /**
     * pii51: {@code <Locatie>}, {@code </Perceel>}, {@code <Email type="werk">} in an XML document: the name of an
     * element is markup, never a person. Only where the text is markup (review51: "naar <Annet Hofstra>" must stay a
     * person): one word, the element also opened or closed elsewhere ({@code <Locatie>} with {@code </Locatie>}), and
     * an XML declaration or three element names closed in the text.
     */
    private static boolean markupElementName(String text, int start, int end) {
        if (start == 0 || end >= text.length()) {
            return false;
        }
        char before = text.charAt(start - 1);
        boolean closing = before == '/' && start >= 2 && text.charAt(start - 2) == '<';
        char after = text.charAt(end);
        if (!(before == '<' || closing) || !(after == '>' || after == ' ' || after == '/')) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) != '-' && text.charAt(i) != '_'
                    && text.charAt(i) != ':' && text.charAt(i) != '.') {
                return false;
            }
        }
        String name = text.substring(start, end);
        boolean paired = closing ? text.contains("<" + name + ">") || text.contains("<" + name + " ")
                : text.contains("</" + name + ">");
        return paired && (text.contains("<?xml") || closedElements(text) >= 3);
    }

    /** How many different element names are closed ({@code </name>}) in the text, counted up to three. */
    private static int closedElements(String text) {
        Set<String> names = new HashSet<>();
        for (int i = text.indexOf("</"); i >= 0 && names.size() < 3; i = text.indexOf("</", i + 2)) {
            int close = text.indexOf('>', i + 2);
            if (close > i + 2 && close - i < 64) {
                names.add(text.substring(i + 2, close));
            }
        }
        return names.size();
    }

    /** A street and house number, or a postcode, ending right before a word ("Kerkewijk 190 ", "8141 ZK "). */
    private static final Pattern ADDRESS_BEFORE = Pattern.compile(
            "(?:\\p{L}{2,}(?:" + AddressRecognizer.SUFFIXES + ")\\.? \\d{1,5}[a-zA-Z]?|[1-9]\\d{3} ?[A-Z]{2}"
                    + "|" + ForeignAddressLines.POSTCODE_AFTER_NUMBER + "),? {1,2}$");
    /** ", 25 november 2026", ", 25-11-2026": the date of a dateline. */
    private static final Pattern DATELINE_DATE = Pattern.compile(
            ", \\d{1,2}(?: \\p{L}{3,9} |[-./]\\d{1,2}[-./])(?:19|20)\\d{2}");

    /**
     * "Kerkewijk 190 Veenendaal", "8141 ZK Heino", "Hauptstraße 112, 47533 Kleve", and a dateline "Veenendaal, 25 november 2026" (also after a mark,
     * "† Heino, 22 november 2026"): one capitalised word after an address, or opening a line before a full date, is a
     * place.
     */
    private static boolean placeOfAnAddress(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isLetter(text.charAt(i)) && text.charAt(i) != '-') {
                return false; // one word only
            }
        }
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        int before = start;
        while (before > 0 && start - before < 3 && (text.charAt(before - 1) == ' ' || text.charAt(before - 1) == ',')) {
            before--;
        }
        // the pattern only where a house number ("190", "18A") or a postcode's letters end right before the word
        char last = before > 0 && before < start ? text.charAt(before - 1) : ' ';
        if ((Character.isDigit(last) || Character.isUpperCase(last) || Character.isLetter(last) && before >= 2
                && Character.isDigit(text.charAt(before - 2)))
                && ADDRESS_BEFORE.matcher(text).region(Math.max(0, start - 40), start).find()) {
            return true;
        }
        // nothing but blanks and punctuation from the line's start: walked back only to the nearest letter, digit or
        // line break (pii28: lastIndexOf('\n') back to the line's start per word, quadratic on one long line)
        int i = start - 1;
        while (i >= 0 && text.charAt(i) != '\n' && !Character.isLetterOrDigit(text.charAt(i))) {
            i--;
        }
        ReadCounts.add(ReadCounts.SPAN, start - i);
        if (i >= 0 && text.charAt(i) != '\n') {
            return false; // a letter or digit before the word on its line
        }
        return DATELINE_DATE.matcher(text).region(end, Math.min(text.length(), end + 24)).lookingAt();
    }

    /** Endings of Dutch nouns and adjectives that no given name or surname has ({@code …ing}, {@code …heid}). */
    private static final List<String> ORDINARY_ENDINGS = List.copyOf(WordList.set("/pii/names/ordinary-word-endings.txt"));

    /**
     * "Reclassering Nederland", "Belastingsamenwerking Oost-Groningen": a span opened by a long capitalised word that
     * ends like an ordinary Dutch word and is no known name names an organisation or a thing ("…ing" only from eleven
     * letters: "Henning", "Meijering", "Oosterling" are names).
     */
    private static boolean ordinaryWordOpens(String text, int start, int end) {
        int e = start;
        while (e < end && Character.isLetter(text.charAt(e))) {
            e++;
        }
        if (e - start < 8 || e == end || !Character.isUpperCase(text.charAt(start))) {
            return false; // a span of one word is left to the recognizers' own word lists
        }
        String word = text.substring(start, e).toLowerCase(Locale.ROOT);
        for (String ending : ORDINARY_ENDINGS) {
            if (word.endsWith(ending) && (!ending.equals("ing") || word.length() >= 11)
                    && !KnownNames.shared().isName(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A street, hall or prize word built on a name ({@code komstraat}, {@code alexanderhal}) or a hyphenated word with
     * such a part ({@code ziekenhuis-project}): not a name. Lower case.
     */
    public static boolean streetOrVenueWord(String lower) {
        if (lower.indexOf('-') < 0) {
            return streetSuffix(lower) || venueSuffix(lower);
        }
        for (String part : lower.split("-")) {
            if (!part.isEmpty() && (ORGANISATION_WORDS.contains(part) || streetSuffix(part) || venueSuffix(part))) {
                return true;
            }
        }
        return false;
    }

    private static boolean streetSuffix(String lower) {
        return streetSuffix(lower, 0, lower.length());
    }

    private static boolean venueSuffix(String lower) {
        return venueSuffix(lower, 0, lower.length());
    }

    /** Whether {@code text[s, e)} ends, in any case, with a street word after at least two letters. */
    private static boolean streetSuffix(String text, int s, int e) {
        for (String suffix : STREET_WORD_SUFFIXES) {
            if (e - s >= suffix.length() + 2 && text.regionMatches(true, e - suffix.length(), suffix, 0, suffix.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean venueSuffix(String text, int s, int e) {
        for (String suffix : VENUE_SUFFIXES) {
            if (e - s >= suffix.length() + 4 && text.regionMatches(true, e - suffix.length(), suffix, 0, suffix.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Taxi [Piet Zwart]", "[Studio Berlage]", "Schoonmaakbedrijf Gebr. [Hartman]", "Grondwerken [Jan Hendriks]",
     * "[Jumbo Van Eerd]": a capitalised business or organisation word (also by its ending,
     * {@code organisation-endings.txt}) or a one-word known firm ({@code known-firms.txt}) right before the name, or
     * opening the span, on the same line.
     */
    private static boolean businessOpens(String text, int start, int end) {
        int e = wordEnd(text, start);
        if (e < end && businessWord(text, start, e, false)) {
            return true;
        }
        int we = start;
        if (we < 2 || text.charAt(we - 1) != ' ') {
            return false;
        }
        we--;
        if (text.charAt(we - 1) == '.') {
            we--; // "Gebr. Hartman"
        }
        int ws = we;
        while (ws > 0 && Character.isLetter(text.charAt(ws - 1))) {
            ws--;
        }
        return ws < we && businessWord(text, ws, we, true);
    }

    private static boolean businessWord(String text, int s, int e, boolean organisationPrefix) {
        if (!Character.isUpperCase(text.charAt(s))) {
            return false;
        }
        return BUSINESS_PREFIXES.containsLowerCase(text, s, e) || KNOWN_FIRMS.containsLowerCase(text, s, e)
                || organisationPrefix && (ORGANISATION_PREFIXES.containsLowerCase(text, s, e)
                        || PersonFieldValues.organisationWord(text.substring(s, e).toLowerCase(Locale.ROOT)));
    }

    /**
     * "factuur van Heijmans", "schuld bij Wehkamp", "OTTO WORK FORCE": a firm named after a family
     * ({@code family-name-firms.txt}) covers the span after its last lower-case {@code van} (the preposition:
     * "Creditnota van Heijmans"; a firm may hold a particle itself, "Van Wijnen"), and no title stands before the firm
     * ("mevrouw Wehkamp") nor a given name before it in the span ("Karin Heijmans").
     */
    static boolean familyNameFirm(String text, int start, int end) {
        long spanLetters = LetterMask.of(text, start, end);
        // a firm shorter than the span is only looked for after a "van " inside it: with none, not at all (pii23)
        boolean vanInSpan = end - start > 4 && text.indexOf("van ", start, end - 1) >= 0;
        for (int k = 0; k < FAMILY_NAME_FIRMS.size(); k++) {
            String firm = FAMILY_NAME_FIRMS.get(k);
            int len = firm.length();
            int from = Math.max(0, end - len);
            int to = Math.min(start, text.length() - len);
            if (len < end - start && !FAMILY_NAME_FIRM_OPENS_WITH_VAN[k]) {
                if (!vanInSpan) {
                    continue;
                }
                from = end - len; // "Creditnota van [Heijmans]": the firm after the preposition closes the span
                to = text.startsWith("van ", from - 4) && from - 4 >= start ? from : -1;
            } else if (!LetterMask.holds(FAMILY_NAME_FIRM_LETTERS[k], spanLetters)) {
                continue; // a firm found here would cover the whole span, so it must hold each of the span's letters
            }
            for (int at = from; at <= to; at++) {
                if (text.regionMatches(true, at, firm, 0, len) && !wordChar(at > 0 ? text.charAt(at - 1) : ' ')
                        && (at + len == text.length() || !wordChar(text.charAt(at + len)))) {
                    return !titleBefore(text, at);
                }
            }
        }
        return false;
    }

    private static boolean[] openWithVan(List<String> firms) {
        boolean[] out = new boolean[firms.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = firms.get(k).startsWith("van ");
        }
        return out;
    }

    /** A title or form of address ("mevrouw", "dhr.", "familie") is the word right before {@code at}. */
    static boolean titleBefore(String text, int at) {
        int e = at;
        while (e > 0 && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '.')) {
            e--;
        }
        int s = e;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s < e && TITLES.containsLowerCase(text, s, e);
    }

    /** "Tula-erf", "Kartini-singel", "Van den Ende-huis", "Komstraat": the span's last word is a thing's. */
    private static boolean compoundAtEnd(String text, int start, int end) {
        int ws = end;
        while (ws > start && wordChar(text.charAt(ws - 1))) {
            ws--;
        }
        if (ws == end || !Character.isUpperCase(text.charAt(ws))) {
            return false;
        }
        int hyphen = lastHyphenAfter(text, ws, end);
        if (hyphen > ws && lowerCaseTail(text, hyphen + 1, end)) {
            return true;
        }
        int last = hyphen > ws ? hyphen + 1 : ws; // "Kartini-Singel"; not "Jansen-Molen" (a molen is a thing too)
        return streetSuffix(text, last, end) || venueSuffix(text, last, end);
    }

    /** Whether [from, to) holds a '.': read only there (lin27: {@code indexOf('.', s)} read on to the text's end). */
    static boolean dotIn(String text, int from, int to) {
        ReadCounts.add(ReadCounts.DOT, to - from);
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }

    /**
     * The last '-' in (after, end), or -1: {@code lastIndexOf('-', end - 1)} where that lies after {@code after}, read
     * only there (lin27: the walk back to any hyphen before the span, per span, was quadratic on a text without one).
     */
    static int lastHyphenAfter(String text, int after, int end) {
        ReadCounts.add(ReadCounts.HYPHEN, end - 1 - after);
        for (int i = end - 1; i > after; i--) {
            if (text.charAt(i) == '-') {
                return i;
            }
        }
        return -1;
    }

    /**
     * A lower-case thing word after a hyphen ("Tula-erf", "Ende-huis", "Ziekenhuis-project"): a compound, while a
     * double surname has a capital or a particle after its hyphen ("Jansen-Smit", "Jansen-de Boer") and a given
     * name's second part is no thing word ("Ji-woo").
     */
    private static boolean lowerCaseTail(String text, int from, int to) {
        if (to - from < 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return ORGANISATION_WORDS.containsLowerCase(text, from, to) || COMPOUND_TAILS.containsLowerCase(text, from, to)
                || streetSuffix(text, from, to);
    }

    /** "Sint Antonius Ziekenhuis-project", "Van den Ende-huis": the word glued or next to the span is a thing's. */
    private static boolean namedThingFollows(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        if (text.charAt(end) == '-') {
            int e = end + 1;
            while (e < text.length() && wordChar(text.charAt(e))) {
                e++;
            }
            int tailEnd = text.indexOf('-', end + 1);
            tailEnd = tailEnd < 0 || tailEnd > e ? e : tailEnd;
            return lowerCaseTail(text, end + 1, tailEnd);
        }
        if (text.charAt(end) != ' ' || end + 1 >= text.length() || !Character.isUpperCase(text.charAt(end + 1))) {
            return false;
        }
        int e = end + 1;
        while (e < text.length() && wordChar(text.charAt(e))) {
            e++;
        }
        String next = text.substring(end + 1, e).toLowerCase(Locale.ROOT);
        return ORGANISATION_WORDS.contains(next) || streetOrVenueWord(next);
    }

    /**
     * "MacLeod Events Ltd", "Vastgoed Mr. Troelstra BV", "Hausverwaltung Otto Hahn GmbH": a legal form in the span
     * or closing the run of capitalised words, initials and titles it stands in, on the same line.
     */
    private static boolean legalFormInOrAhead(String text, int start, int end) {
        int i = wordEnd(text, start); // a legal form closes a firm's name: "B.V. ter Horst" opens with initials
        while (i < end) {
            int e = wordEnd(text, i);
            if (e > i && legalForm(text, i, e)) {
                return true;
            }
            i = Math.max(e, i + 1);
        }
        if (Character.isLowerCase(text.charAt(start))) {
            return false; // "kees van De Bakker Installatietechniek": a person of the firm, in a lower-case text
        }
        i = end;
        for (int step = 0; step < 4 && i < text.length(); step++) {
            if (text.charAt(i) == '.') {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != ' ') {
                return false;
            }
            int s = i + 1;
            int e = wordEnd(text, s);
            if (e == s) {
                return false;
            }
            if (legalForm(text, s, e)) {
                return true;
            }
            boolean goesOn = Character.isUpperCase(text.charAt(s)) || PARTICLES.containsLowerCase(text, s, e)
                    || TITLES.containsLowerCase(text, s, e);
            if (!goesOn) {
                return false;
            }
            i = e;
        }
        return false;
    }

    /** A legal form written as one ("BV", "B.V.", "GmbH", "Ltd"), not a lower-case word ("bouw" is also a verb). */
    private static boolean legalForm(String text, int s, int e) {
        if (!Character.isUpperCase(text.charAt(s))) {
            return false;
        }
        if (LEGAL_FORMS.containsLowerCase(text, s, e)) {
            return true;
        }
        return dotIn(text, s + 1, e) && LEGAL_FORMS.contains(text.substring(s, e).toLowerCase(Locale.ROOT).replace(".", ""));
    }

    /**
     * "de Commissaris van de Koning", "Staatssecretaris van Justitie", "Kamer van Koophandel": an institution word,
     * a connective ({@code van}, {@code der}, {@code voor}) and a portfolio or country, in the span or before it.
     */
    private static boolean institutionComplement(String text, int start, int end) {
        // the words from up to four words before the span to its first capitalised non-particle word
        int from = start;
        for (int back = 0; back < 4; back++) {
            int e = from;
            while (e > 0 && text.charAt(e - 1) == ' ') {
                e--;
            }
            if (e == from && back > 0 || e == 0) {
                break;
            }
            int s = e;
            while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
                s--;
            }
            if (s == e) {
                break;
            }
            from = s;
            if (INSTITUTIONS.containsLowerCase(text, s, e)) {
                return complementAfter(text, e, end);
            }
            if (!PARTICLES.containsLowerCase(text, s, e) && !CONNECTIVES.containsLowerCase(text, s, e)) {
                break;
            }
        }
        int e = wordEnd(text, start);
        return e > start && INSTITUTIONS.containsLowerCase(text, start, e) && complementAfter(text, e, end);
    }

    /** After an institution word ending at {@code at}: a connective, particles, then a complement starting before {@code end}. */
    private static boolean complementAfter(String text, int at, int end) {
        boolean connective = false;
        int i = at;
        for (int step = 0; step < 4 && i < end; step++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
            int s = i + 1;
            int e = wordEnd(text, s);
            if (e == s) {
                return false;
            }
            if (CONNECTIVES.containsLowerCase(text, s, e)) {
                connective = true;
            } else if (!PARTICLES.containsLowerCase(text, s, e)) {
                return connective && COMPLEMENTS.containsLowerCase(text, s, e);
            }
            i = e;
        }
        return false;
    }

    /**
     * The end of the word (dots of "B.V." included) from {@code s}, looked for over at most {@value #MAX_WORD}
     * characters: no name, firm or legal form is longer, and a text of one endless "word" (a domain of a thousand
     * labels) would otherwise be walked to its end from every candidate in it (slow27).
     */
    static int wordEnd(String text, int s) {
        int e = s;
        int limit = Math.min(text.length(), s + MAX_WORD);
        while (e < limit && (wordChar(text.charAt(e)) || text.charAt(e) == '.' && e > s)) {
            e++;
        }
        while (e > s && text.charAt(e - 1) == '.' && !(e - 2 > s && text.charAt(e - 3) == '.')) {
            e--; // a sentence's full stop, not the dots of "B.V."
        }
        return e;
    }

    static final int MAX_WORD = 128;

    static boolean wordChar(char c) {
        return Character.isLetter(c) || c == '-' || c == '\'' || c == '’';
    }
}
