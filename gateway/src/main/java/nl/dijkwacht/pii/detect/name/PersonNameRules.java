package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.detect.AddressRecognizer;
import nl.dijkwacht.pii.detect.Finding;

/**
 * Rule layer for person names, run next to the statistical name finder. Covers what a small model misses:
 * titles and forms of address ({@code mevrouw}, {@code dhr.}, {@code mw.}), initials ({@code J.P. de Vries}),
 * tussenvoegsels ({@code van der}, {@code van 't}), double surnames ({@code Jansen-de Boer}), known first
 * names and surnames (also lower case in chat prompts), and signatures after "Met vriendelijke groet,".
 * Names inside street and organisation names ({@code Willem de Zwijgerlaan}, {@code Jeroen Bosch Ziekenhuis})
 * are rejected.
 */
final class PersonNameRules {

    private static final int MAX_NAME_TOKENS = 7;

    private final NameGazetteer gazetteer;

    PersonNameRules(NameGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<int[]> find(String text, List<TextToken> tokens) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int next = tryAt(text, tokens, i, spans);
            i = Math.max(next, i + 1);
        }
        if (text.indexOf('\n') >= 0) {
            nameLines(text, tokens, spans);
        }
        return spans;
    }

    private static final AddressRecognizer ADDRESS = new AddressRecognizer();

    /**
     * Lines that are only a name: a signature under "Met vriendelijke groet," or "Groeten,", the addressee line
     * above an address block, and "Aan …" / "T.a.v. …" lines.
     */
    private void nameLines(String text, List<TextToken> tokens, List<int[]> spans) {
        int lineStart = 0;
        int k = 0;
        String previousLine = "";
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                int contentStart = lineStart;
                boolean addressed = false;
                String trimmed = line.stripLeading();
                contentStart += line.length() - trimmed.length();
                for (String prefix : new String[] {"Aan ", "T.a.v. ", "t.a.v. ", "Ter attentie van "}) {
                    if (trimmed.startsWith(prefix)) {
                        contentStart += prefix.length();
                        addressed = true;
                        break;
                    }
                }
                while (k < tokens.size() && tokens.get(k).start() < contentStart) {
                    k++;
                }
                int a = k;
                while (a < tokens.size() && tokens.get(a).end() <= lineEnd && tokens.get(a).isWord()
                        && NameGazetteer.TITLES.contains(tokens.get(a).lower())) {
                    a++;
                    if (a < tokens.size() && tokens.get(a).text().equals(".")) {
                        a++;
                    }
                }
                int b = a;
                while (b < tokens.size() && tokens.get(b).end() <= lineEnd) {
                    b++;
                }
                int n = b - a;
                if (n >= 1 && n <= 5 && nameShaped(tokens, a, b)) {
                    boolean afterClosing = previousLine.stripTrailing().endsWith(",");
                    boolean aboveAddress = n >= 2 && nextLineIsAddress(text, lineEnd);
                    if (addressed || afterClosing || aboveAddress) {
                        spans.add(new int[] {tokens.get(a).start(), tokens.get(b - 1).end(), b});
                    }
                }
                previousLine = line;
            }
            lineStart = lineEnd + 1;
        }
    }

    private boolean nameShaped(List<TextToken> tokens, int a, int b) {
        boolean capital = false;
        for (int k = a; k < b; k++) {
            TextToken t = tokens.get(k);
            if (t.kind() == TextToken.Kind.INITIALS) {
                continue;
            }
            if (!t.isWord()) {
                return false;
            }
            String lower = t.lower();
            if (NameGazetteer.PARTICLES.contains(lower)) {
                if (k == b - 1) {
                    return false;
                }
                continue;
            }
            if (!t.capitalised() || t.text().length() < 2 || isAllCaps(t.text())
                    || (NameGazetteer.NOT_NAMES.contains(lower) && !gazetteer.isSurname(lower))
                    || NameGazetteer.TITLES.contains(lower)
                    || (NameGazetteer.isStreetOrOrganisation(lower) && !gazetteer.isSurname(lower))) {
                return false;
            }
            capital = true;
        }
        return capital;
    }

    private static boolean nextLineIsAddress(String text, int lineEnd) {
        if (lineEnd >= text.length()) {
            return false;
        }
        int end = text.indexOf('\n', lineEnd + 1);
        String next = text.substring(lineEnd + 1, end < 0 ? text.length() : end);
        List<Finding> found = ADDRESS.find(next);
        return !found.isEmpty() && found.get(0).start() == 0;
    }

    /** Returns the index to continue from. */
    private int tryAt(String text, List<TextToken> tokens, int i, List<int[]> spans) {
        TextToken t = tokens.get(i);
        // 1. title or form of address, possibly chained ("geachte heer", "mevrouw dr.")
        int afterTitle = skipTitles(text, tokens, i);
        if (afterTitle > i) {
            boolean strong = hadStrongTitle(tokens, i, afterTitle);
            int[] name = parseName(text, tokens, afterTitle, strong, true, strong);
            if (name == null && strong && afterTitle < tokens.size()
                    && lowerSurnameCandidate(text, tokens, afterTitle) && !tokens.get(afterTitle).capitalised()) {
                TextToken only = tokens.get(afterTitle);
                name = new int[] {only.start(), only.end(), afterTitle + 1};
            }
            if (name != null) {
                spans.add(name);
                return name[2];
            }
            return afterTitle;
        }
        // 2. initials: "J.P. de Vries"
        if (t.kind() == TextToken.Kind.INITIALS) {
            int[] name = parseName(text, tokens, i, false, true);
            if (name != null && name[2] - i >= 2) {
                spans.add(name);
                return name[2];
            }
            return i + 1;
        }
        if (!t.isWord()) {
            return i + 1;
        }
        // 3. known first name, capitalised: "Fatima el Amrani", "Sanne"
        if (t.capitalised() && gazetteer.isFirstName(t.lower()) && !NameGazetteer.NOT_NAMES.contains(t.lower())) {
            int[] name = parseName(text, tokens, i, false, false);
            if (name != null && (name[2] - i >= 2 || !AMBIGUOUS.contains(t.lower()))) {
                if (!(name[2] - i == 1 && t.sentenceStart() && SENTENCE_START_WORDS.contains(t.lower()))) {
                    spans.add(name);
                }
                return name[2];
            }
        }
        // 4. tussenvoegsel + capitalised known surname: "met de Vries", "De Groot belde", "van Dijk"
        if (t.isWord() && NameGazetteer.LEADING_PARTICLES.contains(t.lower())
                && (!t.capitalised() || t.sentenceStart())) {
            int j = skipParticles(text, tokens, i);
            boolean givenNameFollows = j + 1 < tokens.size() && gazetteer.isFirstName(tokens.get(j).lower())
                    && tokens.get(j + 1).capitalised() && adjacent(text, tokens, j, j + 1);
            if (j > i && j < tokens.size() && tokens.get(j).capitalised() && adjacent(text, tokens, j - 1, j)
                    && !givenNameFollows && gazetteer.isSurname(tokens.get(j).lower())
                    && !(AMBIGUOUS.contains(tokens.get(j).lower()) && i > 0
                    && PLACE_PREPOSITIONS.contains(tokens.get(i - 1).lower()))) {
                int[] name = parseName(text, tokens, i, false, false);
                if (name != null) {
                    spans.add(name);
                    return name[2];
                }
            }
        }
        // 5. known surname, capitalised: "Gisteren belde Yilmaz", "Bakker heeft gebeld"
        if (t.capitalised() && gazetteer.isSurname(t.lower()) && !NameGazetteer.NOT_NAMES.contains(t.lower())
                && !AMBIGUOUS.contains(t.lower())) {
            int[] name = parseName(text, tokens, i, false, false);
            if (name != null) {
                spans.add(withLeadingGivenName(text, tokens, withLeadingParticles(text, tokens, i, name)));
                return name[2];
            }
        }
        // 6. lower case in chat prompts: "jan de vries", "fatima"
        if (!t.capitalised() && t.isWord() && gazetteer.isFirstName(t.lower()) && !precededByNumber(tokens, i)
                && !NameGazetteer.NOT_NAMES.contains(t.lower())) {
            int[] name = parseName(text, tokens, i, true, false);
            boolean ambiguousStart = LOWERCASE_WORDS.contains(t.lower());
            if (name != null && (!ambiguousStart || endsOnKnownSurnameAfter(tokens, i, name[2]))) {
                spans.add(name);
                return name[2];
            }
        }
        // 7. signature after "Met vriendelijke groet," on the next line or the same line ("Groet, Esther")
        if (t.capitalised() && i >= 2 && tokens.get(i - 1).text().equals(",")
                && (tokens.get(i - 2).lower().equals("groet") || tokens.get(i - 2).lower().equals("groeten")
                || tokens.get(i - 2).lower().equals("hoogachtend"))) {
            int[] name = parseName(text, tokens, i, false, true);
            boolean endsLine = name != null && (name[2] >= tokens.size()
                    || text.substring(tokens.get(name[2] - 1).end(), tokens.get(name[2]).start()).indexOf('\n') >= 0);
            if (name != null && (name[2] - i >= 2 || endsLine)) {
                spans.add(name);
                return name[2];
            }
        }
        return i + 1;
    }

    private boolean endsOnKnownSurnameAfter(List<TextToken> tokens, int first, int endToken) {
        return endToken - first >= 2 && gazetteer.isSurname(tokens.get(endToken - 1).lower());
    }

    /** "De Vries" at sentence start, "van der Berg" after a comma: take the particles in front along. */
    private static int[] withLeadingParticles(String text, List<TextToken> tokens, int i, int[] name) {
        int k = i;
        while (k > 0 && tokens.get(k - 1).isWord() && NameGazetteer.PARTICLES.contains(tokens.get(k - 1).lower())
                && TextToken.adjacent(text, tokens.get(k - 1), tokens.get(k)) && !tokens.get(k).sentenceStart()) {
            k--;
        }
        return k == i ? name : new int[] {tokens.get(k).start(), name[1], name[2]};
    }

    static final java.util.Set<String> LEGAL_FORMS = NameGazetteer.set("b.v.", "bv", "n.v.", "nv", "v.o.f.", "vof",
            "c.v.", "holding", "beheer", "groep", "advocaten", "notarissen", "makelaars", "installatietechniek",
            "bouw", "transport");

    /** "Dwayne IJzerman" on its own line or after a title: an unknown capitalised word before a surname is the given name. */
    private int[] withLeadingGivenName(String text, List<TextToken> tokens, int[] name) {
        int first = -1;
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int s = tokens.get(mid).start();
            if (s == name[0]) {
                first = mid;
                break;
            } else if (s < name[0]) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (first <= 0) {
            return name;
        }
        TextToken before = tokens.get(first - 1);
        if (!before.capitalised() || !TextToken.adjacent(text, before, tokens.get(first))
                || NameGazetteer.NOT_NAMES.contains(before.lower()) || NameGazetteer.TITLES.contains(before.lower())
                || NameGazetteer.isStreetOrOrganisation(before.lower()) || before.text().length() < 2) {
            return name;
        }
        boolean lineStart = before.sentenceStart() || first - 1 == 0
                || (first >= 2 && NameGazetteer.TITLES.contains(tokens.get(first - 2).lower()));
        return lineStart ? new int[] {before.start(), name[1], name[2]} : name;
    }

    private static final java.util.Set<String> PLACE_PREPOSITIONS = NameGazetteer.set("op", "naar", "in", "langs",
            "over", "via", "rond", "richting", "vanaf", "tot", "aan", "uit", "door", "achter", "voor");

    private static boolean precededByNumber(List<TextToken> tokens, int i) {
        return i > 0 && tokens.get(i - 1).kind() == TextToken.Kind.NUMBER;
    }

    private int skipTitles(String text, List<TextToken> tokens, int i) {
        int j = i;
        while (j < tokens.size()) {
            TextToken t = tokens.get(j);
            if (t.isWord() && NameGazetteer.TITLES.contains(t.lower())) {
                j++;
                if (j < tokens.size() && (tokens.get(j).text().equals(".") || tokens.get(j).text().equals(":"))) {
                    j++;
                }
                continue;
            }
            if (j > i && t.isWord() && t.lower().equals("de") && j + 1 < tokens.size()
                    && tokens.get(j + 1).lower().equals("heer")) {
                j++;
                continue;
            }
            if (j == i && t.isWord() && t.lower().equals("de") && j + 1 < tokens.size()
                    && tokens.get(j + 1).lower().equals("heer")) {
                j++;
                continue;
            }
            break;
        }
        if (j > i && !tokens.get(j - 1).isWord() && !tokens.get(j - 1).text().equals(".")
                && !tokens.get(j - 1).text().equals(":")) {
            return i;
        }
        // "de" alone is not a title
        if (j == i + 1 && tokens.get(i).lower().equals("de")) {
            return i;
        }
        return j;
    }

    private static boolean hadStrongTitle(List<TextToken> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (NameGazetteer.STRONG_TITLES.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    private int skipParticles(String text, List<TextToken> tokens, int i) {
        int j = i;
        while (j < tokens.size() && tokens.get(j).isWord() && NameGazetteer.PARTICLES.contains(tokens.get(j).lower())
                && (j == i || adjacent(text, tokens, j - 1, j))) {
            j++;
        }
        return j;
    }

    private static boolean adjacent(String text, List<TextToken> tokens, int a, int b) {
        return TextToken.adjacent(text, tokens.get(a), tokens.get(b));
    }

    /**
     * Parses [given names | initials]* [particles]* surname from token {@code i}. {@code lowerOk}: lower-case
     * words count when they are known names. {@code anyCapital}: unknown capitalised words count as names
     * (after a title or initials). Returns {start, end, endTokenIndex} or null.
     */
    private int[] parseName(String text, List<TextToken> tokens, int i, boolean lowerOk, boolean anyCapital) {
        return parseName(text, tokens, i, lowerOk, anyCapital, false);
    }

    /**
     * After a strong title ("geachte heer eijkelkamp,") a lower-case unknown word is a surname when the name
     * clearly ends there: punctuation, a line break or the end of the text follows.
     */
    private static boolean lowerSurnameCandidate(String text, List<TextToken> tokens, int k) {
        TextToken t = tokens.get(k);
        if (!t.isWord() || t.text().length() < 3 || NameGazetteer.NOT_NAMES.contains(t.lower())
                || NameGazetteer.TITLES.contains(t.lower()) || NameGazetteer.isStreetOrOrganisation(t.lower())
                || COMMON_LOWER.contains(t.lower())) {
            return false;
        }
        if (k + 1 >= tokens.size()) {
            return true;
        }
        TextToken next = tokens.get(k + 1);
        if (next.kind() == TextToken.Kind.PUNCT) {
            return ",.;:!?)(".indexOf(next.text().charAt(0)) >= 0;
        }
        if (text.substring(t.end(), next.start()).indexOf('\n') >= 0) {
            return true;
        }
        // "meneer kowalczyk belde": the word after the unknown one is a typical verb or function word
        return next.isWord() && FOLLOWS_A_NAME.contains(next.lower()) && !t.lower().endsWith("de")
                && !t.lower().endsWith("te") && !t.lower().endsWith("en");
    }

    /** Words that typically follow a name in "meneer X belde …" (verbs, function words). */
    private static final java.util.Set<String> FOLLOWS_A_NAME = NameGazetteer.set("belde", "belt", "heeft", "had",
            "is", "was", "wil", "wilde", "kan", "kon", "moet", "moest", "zegt", "zei", "vertelt", "vertelde", "geeft",
            "gaf", "vraagt", "vroeg", "woont", "woonde", "werkt", "werkte", "komt", "kwam", "gaat", "ging", "krijgt",
            "kreeg", "ontvangt", "ontving", "mailde", "mailt", "schreef", "schrijft", "stuurde", "stuurt", "meldde",
            "meldt", "maakt", "maakte", "zal", "zou", "mag", "mocht", "blijft", "bleef", "en", "of", "over", "uit",
            "van", "met", "ervaart", "gebruikt", "betaalt", "betaalde", "verhuist", "verhuisde", "wacht", "wachtte",
            "zit", "zat", "ligt", "lag", "overleed", "liet", "laat", "dient", "diende", "tekende", "tekent",
            "verzoekt", "verzocht");

    private static final java.util.Set<String> COMMON_LOWER = NameGazetteer.set("zelf", "ook", "niet", "wel", "nog",
            "graag", "belt", "belde", "vertelt", "vertelde", "zegt", "zei", "geeft", "gaf", "heeft", "had", "is", "was",
            "wil", "wilde", "kan", "kon", "moet", "moest", "mag", "woont", "woonde", "werkt", "vraagt", "vroeg",
            "komt", "kwam", "gaat", "ging", "staat", "stond", "ziet", "zag", "weet", "wist", "denkt", "dacht",
            "bedankt", "dank", "alstublieft", "aanwezig", "afwezig", "thuis", "ziek", "boos", "tevreden", "blij",
            "akkoord", "erbij", "hierover", "daarover", "ontvangen", "gebeld", "gemaild", "geschreven", "gesproken",
            "mevrouw", "meneer", "heer", "allemaal", "samen", "alleen", "daar", "hier", "nu", "dan", "toen", "ja", "nee",
            "en", "of", "maar", "want", "dus", "die", "dat", "deze", "dit", "het", "een", "zijn", "haar", "hun", "uw",
            "jansen");

    private int[] parseName(String text, List<TextToken> tokens, int i, boolean lowerOk, boolean anyCapital,
            boolean strongLower) {
        if (i >= tokens.size()) {
            return null;
        }
        int j = i;
        int lastNameToken = -1;
        int count = 0;
        boolean sawSurnameLike = false;
        while (j < tokens.size() && count < MAX_NAME_TOKENS) {
            TextToken t = tokens.get(j);
            if (j > i && !adjacent(text, tokens, j - 1, j)) {
                break;
            }
            if (t.kind() == TextToken.Kind.INITIALS) {
                if (j > i && lastNameToken == j - 1 && tokens.get(j - 1).kind() != TextToken.Kind.INITIALS) {
                    break;
                }
                count++;
                j++;
                continue;
            }
            if (!t.isWord()) {
                break;
            }
            String lower = t.lower();
            if (NameGazetteer.PARTICLES.contains(lower)) {
                boolean afterKnownSurname = j > 0 && lastNameToken == j - 1
                        && gazetteer.isSurname(tokens.get(j - 1).lower())
                        && !gazetteer.isFirstName(tokens.get(j - 1).lower());
                if ((count >= 2 && !onlyGivenNames(tokens, i, j)) || afterKnownSurname) {
                    break; // "Liesbeth Kamphuis van Dimence": particles come before the surname, not after it
                }
                int k = skipParticles(text, tokens, j);
                if (k < tokens.size() && adjacent(text, tokens, k - 1, k)
                        && !NameGazetteer.PARTICLES.contains(tokens.get(k).lower())) {
                    TextToken after = tokens.get(k);
                    boolean knownSurname = (after.capitalised() || lowerOk) && gazetteer.isSurname(after.lower());
                    if (knownSurname || isNameWord(after, lowerOk, true)
                            || (lowerOk && strongLower && lowerSurnameCandidate(text, tokens, k))) {
                        count += k - j + 1;
                        lastNameToken = k;
                        sawSurnameLike = true;
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            if (NameGazetteer.isStreetOrOrganisation(lower) && !hyphenatedSurname(lower)) {
                return null; // "Willem de Zwijgerlaan", "Jeroen Bosch Ziekenhuis"
            }
            boolean ok = isNameWord(t, lowerOk, anyCapital || count > 0 || sawSurnameLike);
            if (!ok) {
                break;
            }
            sawSurnameLike = true;
            lastNameToken = j;
            count++;
            j++;
        }
        if (lastNameToken < 0) {
            return null;
        }
        // a name directly followed by a street or organisation word is part of that name
        if (lastNameToken + 1 < tokens.size() && LEGAL_FORMS.contains(tokens.get(lastNameToken + 1).lower())) {
            return null; // "Van Dijk B.V."
        }
        int look = lastNameToken + 1;
        while (look < tokens.size() && adjacent(text, tokens, look - 1, look) && tokens.get(look).isWord()) {
            String after = tokens.get(look).lower();
            if (NameGazetteer.isStreetOrOrganisation(after)) {
                return null; // "Willem de Zwijgerlaan", "Jeroen Bosch Ziekenhuis"
            }
            if (!NameGazetteer.PARTICLES.contains(after)) {
                break;
            }
            look++;
        }
        if (i > 0 && tokens.get(i - 1).isWord() && adjacent(text, tokens, i - 1, i)) {
            String before = tokens.get(i - 1).lower();
            if (ORG_PREFIXES.contains(before)) {
                return null;
            }
        }
        int start = tokens.get(i).start();
        // start at the first name token, not at a leading particle after a title? keep particles: "de Vries"
        return new int[] {start, tokens.get(lastNameToken).end(), lastNameToken + 1};
    }

    /** "Zandbergen-Laan": a double surname whose last part is a known surname, not a street. */
    private boolean hyphenatedSurname(String lower) {
        int dash = lower.lastIndexOf('-');
        return dash > 0 && gazetteer.isSurname(lower.substring(dash + 1));
    }

    /** Whether tokens [from, to) are all initials or known given names ("Jan Peter", "J.P."). */
    private boolean onlyGivenNames(List<TextToken> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            TextToken t = tokens.get(k);
            if (t.kind() != TextToken.Kind.INITIALS && !gazetteer.isFirstName(t.lower())) {
                return false;
            }
        }
        return true;
    }

    private boolean isNameWord(TextToken t, boolean lowerOk, boolean anyCapital) {
        if (t.kind() == TextToken.Kind.INITIALS) {
            return true;
        }
        if (!t.isWord()) {
            return false;
        }
        String lower = t.lower();
        if (NameGazetteer.NOT_NAMES.contains(lower) || NameGazetteer.isStreetOrOrganisation(lower)) {
            return false;
        }
        if (lower.indexOf('-') > 0) {
            for (String part : lower.split("-")) {
                if (!NameGazetteer.PARTICLES.contains(part) && !gazetteer.isSurname(part)
                        && (NameGazetteer.NOT_NAMES.contains(part) || NameGazetteer.TITLES.contains(part)
                        || NameGazetteer.isStreetOrOrganisation(part))) {
                    return false;
                }
            }
        }
        if (t.capitalised() && !gazetteer.isSurname(lower) && !gazetteer.isFirstName(lower)
                && NameGazetteer.hasNonNameEnding(lower)) {
            return false;
        }
        if (t.capitalised()) {
            if (anyCapital) {
                return t.text().length() > 1 && !isAllCaps(t.text());
            }
            return gazetteer.isFirstName(lower) || gazetteer.isSurname(lower);
        }
        if (lowerOk) {
            return gazetteer.isFirstName(lower) || gazetteer.isSurname(lower);
        }
        return false;
    }

    private static boolean isAllCaps(String s) {
        return s.length() > 1 && s.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c));
    }

    /** Known names that are also ordinary words; they need a second name part or a title. */
    static final java.util.Set<String> AMBIGUOUS = NameGazetteer.set("roos", "can", "sri", "li", "ad", "said", "kurt",
            "mark", "bas", "wil", "kim", "ali", "max", "sam", "floor", "iris", "noor", "mila", "liv", "hoek", "groot",
            "jong", "klein", "lange", "post", "dam", "boom", "kok", "laan", "pauw", "groen", "wit", "zwart", "mol",
            "vis", "schaap", "boon", "baan", "kamp", "brink", "koning", "prins", "stam", "vink", "tol", "wal", "pol",
            "kroon", "vonk", "berg", "dijk", "bos", "veen", "beek", "meer", "ven", "ruiter", "maas", "bosch", "haan", "wijk",
            "graaf", "bruin", "linden", "vos", "molen", "poel", "sluis", "rijn", "doorn", "hulst", "leeuw",
            "sanders", "evers", "martina", "chen", "wang", "tran", "nguyen", "silva", "santos", "smith", "abdul",
            "amal", "ines", "lina", "sara", "anna", "eva", "emma", "julia", "nina", "hanna", "esther");

    private static final java.util.Set<String> SENTENCE_START_WORDS = NameGazetteer.set("wil", "kan", "mag", "mark",
            "can");

    /** Lower-case words that happen to be names but in chat text are mostly ordinary words. */
    static final java.util.Set<String> LOWERCASE_WORDS = NameGazetteer.set("roos", "can", "sri", "li", "ad", "said",
            "bo", "jet", "leen", "eden", "ola", "cor", "nel", "dex", "mees", "pim", "job", "guus", "jens", "ivo",
            "mark", "bas", "wil", "kim", "max", "sam", "floor", "noor", "jan", "mei", "ben", "el", "al", "iris", "els",
            "joke", "rob", "ton", "tom", "leo", "post", "dam", "boom", "kok", "laan", "groen", "wit", "zwart", "mol",
            "vis", "schaap", "boon", "baan", "kamp", "hoek", "brink", "koning", "prins", "stam", "vink", "tol", "wal",
            "pol", "kroon", "vonk", "berg", "dijk", "bos", "veen", "beek", "meer", "ven", "ruiter", "maas", "haan",
            "graaf", "bruin", "vos", "molen", "poel", "sluis", "rijn", "doorn", "hulst", "leeuw", "groot", "jong",
            "klein", "lange", "bakker", "visser", "smit", "boer", "mulder", "kuiper", "koster", "schipper",
            "molenaar", "kramer", "dekker", "brouwer", "huisman", "jonker", "wagenaar", "schouten", "kurt", "ali",
            "amal", "adam", "gijs", "dirk", "klaas", "johannes", "peter", "paul", "frank", "richard", "martin",
            "david", "daniel", "michael", "samuel", "gabriel", "elias", "hans", "sander", "hassan", "omar", "ibrahim",
            "mohamed", "farah", "nour", "lara", "sara", "ines", "lina", "maria", "anna", "eva", "emma", "julia", "laura",
            "diana", "angela", "patricia", "sarah", "hannah", "dewi", "wei", "chen", "nguyen", "zahra", "ravi",
            "orlando", "glenn", "kevin", "mark", "thomas", "lucas", "noah", "liam", "tim", "levi", "jesse", "milan",
            "max", "sam", "julian", "vincent", "benjamin", "jonathan", "joshua", "elisabeth", "olga", "natalia",
            "amira", "amina", "salma", "sofia", "nina", "lisa", "linda", "sandra", "monique", "petra", "ingrid");

    private static final java.util.Set<String> ORG_PREFIXES = NameGazetteer.set("stichting", "gemeente", "ziekenhuis",
            "hogeschool", "universiteit", "basisschool", "school", "museum", "fort", "kasteel", "landgoed", "café",
            "cafe", "restaurant", "hotel", "camping", "zorgcentrum", "woonzorgcentrum", "verpleeghuis", "praktijk",
            "apotheek", "vereniging", "fonds", "sporthal", "zwembad", "stadion", "theater", "schouwburg", "kerk",
            "parochie", "college", "lyceum", "gymnasium", "academie", "instituut", "prijs", "tunnel", "brug",
            "sluis", "gemaal", "polder", "wijk", "buurt", "park", "plein", "station", "bv", "firma", "bedrijf");
}
