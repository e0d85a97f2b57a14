package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.words.WordList;

/**
 * Street name plus house number, with additions such as {@code 12a}, {@code 12-A}, {@code 20-I}, {@code 5 hs},
 * {@code 3 bis}, {@code 101-3}. The street is recognised by its ending (…straat, …laan, …weg, …gracht) or
 * a small set of stand-alone street words (Markt, Dam, Plein); multi-word names such as
 * {@code Willem de Zwijgerlaan} or {@code Burg. de Withstraat} are taken whole.
 */
public final class AddressRecognizer implements Recognizer {

    static final String SUFFIXES = "straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|park|pad|steeg|markt"
            + "|baan|ring|plantsoen|erf|veld|boulevard|wal|dam|haven|burcht|zoom|akker|gaarde|hoek|weide|kamp|stede"
            + "|donk|hout|oord|straatweg|allee|promenade|passage|galerij|kwartier|vliet|wetering|sloot|buurt|berg"
            + "|heuvel|bos|tuin|hoven|polder|dal|horst|rade|laantje|pleintje|straatje|steiger|werf|brink|esch|es"
            + "|meent|voorde|wijk|molen|lei|hage|rijn|waard|poort|veste|vaart|kant|zijde|gang|schans|burg";

    private static final String CAP_WORD = "(?:[A-Z][\\p{L}'’]*\\.?|[A-Z]\\.)";
    private static final String PARTICLE = "(?:van|de|der|den|het|'t|’t|ter|ten|te|op|aan|in|la|le|du|di|da)";
    // as a tree of shared prefixes (LiteralAlternation): inside a look-ahead the order of the words does not matter
    private static final String NOT_LEADING = "(?!" + LiteralAlternation.of(List.of("Op", "In", "Aan", "Naar", "Bij", "Via",
            "Een", "Mijn", "Ons", "Onze", "Uw", "Adres", "Wonende", "Woonachtig", "Tel", "Per", "Sinds", "Vanaf", "Tot", "Voor",
            "Langs", "Over", "Betreft", "Locatie", "Wij", "Ik", "Hij", "Zij", "Mevrouw", "Meneer", "Dhr", "Mw", "Zie", "Graag",
            "En", "Of", "Postadres", "Bezoekadres", "Woonadres", "Huisadres", "Straat", "Verhuisd", "Verhuist", "Thuis",
            "Richting", "Tussen", "Achter")) + "\\b)";
    private static final String STANDALONE = "(?:Markt|Dam|Plein|Brink|Vismarkt|Grote Markt|Oudegracht|Nieuwegracht)";

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\d])("
                    + "(?:" + NOT_LEADING + CAP_WORD + " (?:" + PARTICLE + " |" + CAP_WORD + " ){0,3})?"
                    + "(?:[A-Z][\\p{L}'’-]*" + LiteralAlternation.of(List.of(SUFFIXES.split("\\|"))) + "|" + STANDALONE + "|(?:(?:van|der|den|oude|nieuwe|korte|lange|grote|kleine|hoge|lage|van de|van der|van den) )?"
                    + "[a-z]{2,}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|dreef|steeg|plantsoen))"
                    + " [1-9]\\d{0,4}"
                    + "(?:(?:[ -]?(?:hs|huis|bis|bg|zw|rd|hg|boven|beneden|I{1,3}|IV)(?![\\p{L}\\d]))|-[1-9]\\d{0,2}(?:[ -]?(?:hg|hs|h))?(?![\\p{L}\\d])|[ -]?[A-Za-z](?![\\p{L}\\d]))?"
                    + ")(?![\\p{L}\\d]|[:.,-]\\d)"); // "Vergadering 4-12-2025": a date, not a house number

    private static final String[] SUFFIX_LIST = SUFFIXES.split("\\|");
    private static final Set<String> STANDALONE_WORDS = Set.of("markt", "dam", "plein", "brink",
            "vismarkt", "oudegracht", "nieuwegracht");

    @Override
    public String name() {
        return "address";
    }

    /** Streets named "Laan van Nieuw Oost-Indië", "Plein 1944", "Weg naar Laren": the street word comes first. */
    private static final Pattern LEADING_STREET_WORD = Pattern.compile(
            "(?<![\\p{L}\\d])((?:Laan|Weg|Plein|Kade|Singel|Dreef|Hof|Park|Straat)"
                    + "(?: (?:van|der|de|den|het|'t|ter|ten|op|naar|in|bij|achter|over|tot|[A-Z][\\p{L}'’.-]*)){1,4}"
                    + " [1-9]\\d{0,4}"
                    + "(?:(?:[ -]?(?:hs|huis|bis|bg|zw|rd|hg|boven|beneden|I{1,3}|IV)(?![\\p{L}\\d]))|-[1-9]\\d{0,2}(?:[ -]?(?:hg|hs|h))?(?![\\p{L}\\d])|[ -]?[A-Za-z](?![\\p{L}\\d]))?"
                    + ")(?![\\p{L}\\d]|[:.,]\\d)");

    /**
     * The pattern is only run near a house number whose preceding word looks like a street (cheap string checks),
     * from at most five words back on the same line.
     */
    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        for (ForeignAddressLines.Line line : ForeignAddressLines.find(text)) {
            found.add(new Finding(EntityType.ADDRESS, line.streetStart(), line.streetEnd(), 0.85, name(),
                    "street + house number before a postcode abroad and a town", ""));
        }
        if (text.contains("Laan ") || text.contains("Weg ") || text.contains("Plein ") || text.contains("Kade ")
                || text.contains("Singel ") || text.contains("Dreef ") || text.contains("Hof ") || text.contains("Park ")
                || text.contains("Straat ")) {
            Matcher lead = LEADING_STREET_WORD.matcher(text);
            while (lead.find()) {
                found.add(new Finding(EntityType.ADDRESS, lead.start(1), lead.end(1), 0.85, name(),
                        "street word first (`Laan van …`) + house number", ""));
            }
        }
        int n = text.length();
        int coveredTo = 0;
        Matcher m = null;
        for (int p = 2; p < n; p++) {
            char c = text.charAt(p);
            if (c < '1' || c > '9' || text.charAt(p - 1) != ' ' || p < coveredTo) {
                continue;
            }
            int we = p - 1;
            int ws = we;
            while (ws > 0 && (Character.isLetter(text.charAt(ws - 1)) || text.charAt(ws - 1) == '-'
                    || text.charAt(ws - 1) == '\'' || text.charAt(ws - 1) == '’')) {
                ws--;
            }
            if (ws == we) {
                continue;
            }
            if (!looksLikeStreet(text.substring(ws, we))) {
                Finding placed = streetByPlace(text, ws, p);
                if (placed != null) {
                    found.add(placed);
                    coveredTo = placed.end();
                }
                continue;
            }
            int from = ws;
            for (int words = 0; words < 5 && from > 0; words++) {
                int k = from - 1;
                if (text.charAt(k) != ' ') {
                    break;
                }
                int s = k;
                while (s > 0 && text.charAt(s - 1) != ' ' && text.charAt(s - 1) != '\n' && k - s < 40) {
                    s--;
                }
                if (s == k) {
                    break;
                }
                from = s;
            }
            if (m == null) {
                m = ADDRESS.matcher(text);
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
            }
            int to = Math.min(n, p + 24);
            boolean matched = false;
            // as m.region(from, to) and find(), but only where a match can start (see AddressStarts.mayStart)
            for (int q = from; q < to; q++) {
                if (!AddressStarts.mayStart(text, q) || !m.region(q, to).lookingAt()) {
                    continue;
                }
                if (m.start(1) <= ws && m.end(1) > p && !AddressStarts.monthFollows(text, m.end(1))) {
                    found.add(new Finding(EntityType.ADDRESS, m.start(1), m.end(1), 0.85, name(),
                            "street name + house number", ""));
                    coveredTo = m.end(1);
                    matched = true;
                    break;
                }
                q = Math.max(q, m.end() - 1); // find() goes on after the match
            }
            if (!matched) { // "mahoniehout 19 2719 jd": a street ending, but in lower case
                Finding placed = streetByPlace(text, ws, p);
                if (placed != null) {
                    found.add(placed);
                    coveredTo = placed.end();
                }
            }
        }
        return found;
    }

    /** Words that end the walk back from a house number: the street name does not reach over them. */
    private static final Set<String> NOT_IN_STREET = WordList.set("/pii/context/address-stop-words.txt");
    /** "ik woon op", "wonende", "woonachtig aan": what follows up to a house number is where someone lives. */
    private static final List<String> RESIDENCE = WordList.list("/pii/context/residence.txt");

    /**
     * A street whose name has no street ending ("Hollandsch Diep 58", "mahoniehout 19", "Zonnedauw 18"): one to three
     * words and a house number, either right after a residence phrase ("ik woon op", "wonende") or right before a
     * postcode ("mahoniehout 19 2719 jd"). {@code ws}: start of the word before the number at {@code p}.
     */
    private Finding streetByPlace(String text, int ws, int p) {
        int n = text.length();
        if (p - 1 - ws < 3) {
            return null;
        }
        int end = p;
        while (end < n && end - p < 5 && Character.isDigit(text.charAt(end))) {
            end++;
        }
        if (end - p == 4 && (text.startsWith("19", p) || text.startsWith("20", p))) {
            return null; // "Wmo 2015": a year, not a house number
        }
        if (end < n && Character.isLetter(text.charAt(end))
                && (end + 1 >= n || !Character.isLetterOrDigit(text.charAt(end + 1)))) {
            end++; // "12a"
        } else {
            end = numberAddition(text, end); // pii46: "233-II", "101-3", "60 B"
        }
        if (end < n && (Character.isLetterOrDigit(text.charAt(end))
                || (end + 1 < n && ":.,-/".indexOf(text.charAt(end)) >= 0 && Character.isDigit(text.charAt(end + 1))))) {
            return null;
        }
        boolean postcode = postcodeFollows(text, end);
        boolean postcodeBelow = !postcode && end + 1 < n && text.charAt(end) == '\n' && postcodeFollows(text, end, true);
        if (isStopWord(text, ws, p - 1)) {
            return null;
        }
        int start = ws;
        for (int words = 1; words < 3; words++) {
            if (start < 2 || text.charAt(start - 1) != ' ') {
                break;
            }
            int s = start - 1;
            while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '-')) {
                s--;
            }
            if (s == start - 1 || !Character.isLetter(text.charAt(s))) {
                break; // pii47: nor a list item's bullet "-"
            }
            if (isStopWord(text, s, start - 1)) {
                if (nameArticle(text, s, start - 1)) {
                    start = s; // pii46: "Het Hoge Veld 117", "De Kolk 19": the capitalised article is the street's
                }
                break;
            }
            start = s;
        }
        if (postcodeBelow) { // pii51: "Lange Voren 5" alone on its line above "7891 AG Klazienaveen"
            postcode = (start == 0 || text.charAt(start - 1) == '\n') && capitalisedStreet(text, start, ws);
        }
        boolean residence = !postcode && (residencePhraseBefore(text, start)
                || residenceVerbBefore(text, start) && capitalisedStreet(text, start, ws));
        boolean placed = !postcode && !residence && placePrepositionBefore(text, start)
                && capitalisedStreet(text, start, ws) && sentenceGoesOn(text, end);
        boolean listed = !postcode && !residence && !placed && bulletBefore(text, start)
                && capitalisedStreet(text, start, ws) && townEndsTheLine(text, end);
        if (!residence && !postcode && !placed && !listed) {
            return null;
        }
        return new Finding(EntityType.ADDRESS, start, end, 0.8, name(), "street without a street word + house number",
                residence ? "after a residence phrase" : postcode ? "postcode follows"
                        : placed ? "after 'naar' or 'op', sentence ends" : "list item, town follows");
    }

    /** pii47: a list item's bullet ("- ", "• ", "* ") opens the line right before {@code start}. */
    private static boolean bulletBefore(String text, int start) {
        return start >= 2 && text.charAt(start - 1) == ' ' && "-•*".indexOf(text.charAt(start - 2)) >= 0
                && (start == 2 || text.charAt(start - 3) == '\n');
    }

    /** A town, then at most a bracketed reference, ends the line: " Vries (Z-2026-148202)", " HOORN". */
    private static final Pattern TOWN_ENDS_LINE = Pattern.compile(
            " \\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+)?(?: \\([^)\\n]{1,40}\\))?[ \\t]*(?:\\r?\\n|$)");

    private static boolean townEndsTheLine(String text, int end) {
        Matcher t = TOWN_ENDS_LINE.matcher(text);
        t.region(end, Math.min(text.length(), end + 64));
        t.useTransparentBounds(true);
        t.useAnchoringBounds(false);
        return t.lookingAt();
    }

    /** The street name's own article, capitalised: "Het Want", "De Dreef", "'t Hoenderveld". */
    private static boolean nameArticle(String text, int s, int e) {
        String w = text.substring(s, e);
        return w.equals("De") || w.equals("Het") || w.equals("Den") || w.equals("'t") || w.equals("’t");
    }

    /** "233-II", "101-3", "12-A", "60 B": an addition after the house number's digits ending at {@code end}. */
    private static int numberAddition(String text, int end) {
        int n = text.length();
        if (end + 1 < n && text.charAt(end) == '-') {
            int k = end + 1;
            while (k < n && k - end <= 3 && (Character.isDigit(text.charAt(k)) || text.charAt(k) == 'I'
                    || text.charAt(k) == 'V')) {
                k++;
            }
            if (k == end + 1 && Character.isLetter(text.charAt(k))) {
                k++;
            }
            if (k > end + 1 && (k >= n || !Character.isLetterOrDigit(text.charAt(k)))) {
                return k;
            }
        } else if (end + 1 < n && text.charAt(end) == ' ' && text.charAt(end + 1) >= 'A' && text.charAt(end + 1) <= 'Z'
                && (end + 2 >= n || !Character.isLetterOrDigit(text.charAt(end + 2)) && text.charAt(end + 2) != '.')) {
            return end + 2;
        }
        return end;
    }

    /** Prepositions that put an address after them: "gaat naar Hooghuis 232-II.", "woont nu op Esdoorn 62". */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("naar", "op", "aan", "to", "at");

    /** pii46: the word before {@code start} (an article "de"/"het" skipped) is one of {@link #PLACE_PREPOSITIONS}. */
    private static boolean placePrepositionBefore(String text, int start) {
        int e = start - 1;
        if (e < 2 || text.charAt(e) != ' ') {
            return false;
        }
        int s = e;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        String word = text.substring(s, e);
        if ((word.equals("de") || word.equals("het")) && s >= 2 && text.charAt(s - 1) == ' ') {
            e = s - 1;
            s = e;
            while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
                s--;
            }
            word = text.substring(s, e);
        }
        return PLACE_PREPOSITIONS.contains(word) && (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)));
    }

    /** Every word of the street from {@code start} to the last word at {@code lastWord} starts with a capital. */
    private static boolean capitalisedStreet(String text, int start, int lastWord) {
        if (!Character.isUpperCase(text.charAt(start)) && text.charAt(start) != '\'' && text.charAt(start) != '’') {
            return false;
        }
        for (int i = start; i < lastWord; i++) {
            if (text.charAt(i) == ' ' && !Character.isUpperCase(text.charAt(i + 1))) {
                return false;
            }
        }
        return Character.isUpperCase(text.charAt(lastWord)) && !Character.isUpperCase(text.charAt(lastWord + 1));
    }

    /** After the house number the sentence or line ends, or a town follows ("…, 5458 TV Goor", " in Goor"). */
    private static boolean sentenceGoesOn(String text, int end) {
        int n = text.length();
        if (end >= n || text.charAt(end) == '\n' || text.charAt(end) == '\r') {
            return true;
        }
        char c = text.charAt(end);
        if (".,;:)?!".indexOf(c) >= 0) {
            return end + 1 >= n || Character.isWhitespace(text.charAt(end + 1));
        }
        return text.startsWith(" in ", end) || text.startsWith(" te ", end);
    }

    /** "ik woon op ", "wonende ", "woont aan de ": a residence phrase ends right before {@code start}, or before its article. */
    private static boolean residencePhraseBefore(String text, int start) {
        if (phraseRightBefore(text, start)) {
            return true;
        }
        // pii46: "woont aan de Wilgenweard 192"
        return start >= 4 && text.startsWith("de ", start - 3) && text.charAt(start - 4) == ' '
                && phraseRightBefore(text, start - 3);
    }

    /** "woont" and the like without a preposition, as chat types it: only before a capitalised street. */
    private static final List<String> RESIDENCE_VERBS = List.of("woon", "woont", "wonen", "woonde");

    /** pii50: "ze woont Hoefijzer 7", "ik woon Eikenlaan 11" (held-out-16's chat). */
    private static boolean residenceVerbBefore(String text, int start) {
        if (start < 2 || text.charAt(start - 1) != ' ') {
            return false;
        }
        for (String verb : RESIDENCE_VERBS) {
            int from = start - 1 - verb.length();
            if (from >= 0 && text.regionMatches(true, from, verb, 0, verb.length())
                    && (from == 0 || !Character.isLetter(text.charAt(from - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** A residence phrase ends right before {@code start} (compared without allocating). */
    private static boolean phraseRightBefore(String text, int start) {
        for (String phrase : RESIDENCE) {
            int from = start - 1 - phrase.length();
            if (from >= 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\n')
                    && text.regionMatches(true, from, phrase, 0, phrase.length())
                    && (from == 0 || !Character.isLetter(text.charAt(from - 1)))) {
                return true;
            }
            from--; // pii46: "Adres: Marskramer 40-II", "bezoekadres: …"
            if (from >= 0 && text.charAt(start - 2) == ':' && text.regionMatches(true, from, phrase, 0, phrase.length())
                    && (from == 0 || !Character.isLetter(text.charAt(from - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String wordAt(String text, int s, int e) {
        return text.substring(s, e).toLowerCase(Locale.ROOT);
    }

    private static boolean isStopWord(String text, int s, int e) {
        return NOT_IN_STREET.contains(wordAt(text, s, e));
    }

    /** ", 3581 KL", " 2719 jd": a postcode (not a year, not SA/SD/SS) right after the house number. */
    private static boolean postcodeFollows(String text, int end) {
        return postcodeFollows(text, end, false);
    }

    /** With {@code nextLine}: the postcode opens the next line ({@code end} is at the line break). */
    private static boolean postcodeFollows(String text, int end, boolean nextLine) {
        int n = text.length();
        int i = end;
        if (i < n && text.charAt(i) == ',' && !nextLine) {
            i++;
        }
        if (i + 5 >= n || text.charAt(i) != (nextLine ? '\n' : ' ') || text.charAt(i + 1) < '1' || text.charAt(i + 1) > '9') {
            return false;
        }
        int d = i + 1;
        for (int k = 0; k < 4; k++) {
            if (!Character.isDigit(text.charAt(d + k))) {
                return false;
            }
        }
        int l = d + 4;
        if (l < n && text.charAt(l) == ' ') {
            l++;
        }
        if (l + 2 > n || !Character.isLetter(text.charAt(l)) || !Character.isLetter(text.charAt(l + 1))
                || (l + 2 < n && Character.isLetterOrDigit(text.charAt(l + 2)))
                || Character.isUpperCase(text.charAt(l)) != Character.isUpperCase(text.charAt(l + 1))) {
            return false;
        }
        String letters = text.substring(l, l + 2).toLowerCase(Locale.ROOT);
        boolean year = text.startsWith("19", d) || text.startsWith("20", d);
        return !year && !letters.equals("sa") && !letters.equals("sd") && !letters.equals("ss");
    }

    private static boolean looksLikeStreet(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (STANDALONE_WORDS.contains(lower)) {
            return true;
        }
        for (String suffix : SUFFIX_LIST) {
            if (lower.length() > suffix.length() && lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Description describe() {
        return new Description(EntityType.ADDRESS,
                "street word (…straat, …laan, …weg, …gracht, ~" + SUFFIX_LIST.length + " endings, `Markt`, `Dam`), multi-word"
                        + " names (`Willem de Zwijgerlaan`, `Burg. de Withstraat`), `Laan van …` streets, house number with"
                        + " additions (`12a`, `20-I`, `5 hs`, `3 bis`, `101-3`); a street without a street word only after"
                        + " a residence phrase (`woont op`, `Adres:`), before a postcode (also alone on its line above a line that opens with"
                        + " the postcode), or capitalised after `naar`/`op`"
                        + " where the sentence ends (`gaat naar Hooghuis 232-II.`), or after a list item's bullet when a"
                        + " town ends the line (`- De Wieken 34 Vries`); any street + number before a comma, a postcode"
                        + " abroad and a town (`Rue Haute 3, B-4700 Eupen`, `Hauptstraße 112, 47533 Kleve`)",
                "only street + number; a street without a number is not personal data on its own.");
    }
}
