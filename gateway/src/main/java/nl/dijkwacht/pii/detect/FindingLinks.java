package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.words.WordList;

/**
 * Rules that use what the recognizers already found in the same text: a name found once ("Aan: Giovanni Russo")
 * marks its other occurrences ("Giovanni, schuif jij aan"), and a date in brackets right after a name
 * ("Abdi Hirsi (04-04-2010)", also before the person's BSN: "(2014-06-21, 999922610)", "(12-04-1973, BSN …)") is that
 * person's date of birth. Run by the detector after overlaps are resolved; they
 * only add findings where there is none.
 */
final class FindingLinks {

    /**
     * A date in brackets after a name; pii48b: also with the month in words ("Mohammed Karimi (8 augustus 1991)") and
     * followed by another identifier's label ("(15-02-1936, clientnr …"); after a date of birth the same date again in
     * figures ("tweeëntwintig mei negentienhonderd achtenzestig (22-05-1968)").
     */
    private static final Pattern DATE_IN_BRACKETS = Pattern.compile(
            "\\s?\\((?:(?!overl|gest|sterf|dood|died)\\p{L}{3,12}, ?)?((?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
                    + "|(?:0?[1-9]|[12]\\d|3[01]) (?i:januari|februari|maart|april|mei|juni|juli|augustus|september"
                    + "|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.? (?:19|20)\\d{2})"
                    + "(?:\\)|, ?(?:bsn|BSN|\\d|\\p{L}{2,16}(?:nr|nummer)\\.?(?![\\p{L}])))");

    /** Parts of a name that are too common to mark elsewhere on their own. */
    private static final Set<String> NOT_ON_THEIR_OWN = WordList.union(
            "/pii/names/particles.txt",
            "/pii/names/titles.txt",
            "/pii/names/not-names.txt",
            "/pii/names/ambiguous.txt",
            "/pii/names/function-words.txt");

    /** Lower-case words that are mostly ordinary words; a lower-case name part among them is not echoed. */
    private static final Set<String> ORDINARY_LOWER = WordList.union(
            "/pii/names/lowercase-words.txt",
            "/pii/names/common-lower.txt",
            "/pii/names/follows-a-name.txt");

    private static final String[] LIST_SEPARATORS = {", ", " en ", " of ", " and ", " & "};

    private FindingLinks() {
    }

    /** New findings (not overlapping {@code kept}, which is sorted and free of overlaps). */
    static List<Finding> link(String text, List<Finding> keptAsGiven) {
        List<Finding> kept = DisjointFindings.of(keptAsGiven);
        List<Finding> added = new DisjointFindings();
        Set<String> parts = new HashSet<>();
        for (Finding f : kept) {
            if (f.type() != EntityType.PERSON && f.type() != EntityType.DATE_OF_BIRTH) {
                continue;
            }
            Matcher m = DATE_IN_BRACKETS.matcher(text).region(f.end(), Math.min(text.length(), f.end() + 30));
            if (m.lookingAt() && free(kept, added, m.start(1), m.end(1))
                    && !DateOfBirthPatterns.laterThanThisYear(m.group(1))) {
                added.add(new Finding(EntityType.DATE_OF_BIRTH, m.start(1), m.end(1), 0.85, "date-of-birth",
                        "date in brackets after a name", "person found before it"));
            }
            if (f.type() == EntityType.PERSON) {
                collectParts(text, f, parts);
            }
        }
        for (String part : parts) {
            for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
                int e = i + part.length();
                if (wholeWord(text, i, e) && free(kept, added, i, e) && !inOrganisationName(text, i, e)
                        && !NamedThings.partOfNamedThing(text, i, e) && !NamedAfterPersonFilter.namesAThing(text, i, e)) {
                    added.add(new Finding(EntityType.PERSON, i, e, 0.8, "person",
                            "same name as a person found elsewhere in the text", ""));
                }
            }
        }
        listNeighbours(text, kept, added);
        EnumerationLinks.link(text, kept, added);
        DateBeforeIdentifierLinks.link(text, kept, added);
        DateOfBirthListLinks.link(text, kept, added);
        TabRowLinks.link(text, kept, added);
        PersonAddressLinks.link(text, kept, added);
        return added;
    }

    /**
     * "Kevin, Jamal, Chayenne en Mohammed", "Hamza en Ifrah", "gijs en femke": a single word written like a one-word
     * name found next to it in a list is a name too, also when no gazetteer knows it. Chains along the list.
     */
    private static void listNeighbours(String text, List<Finding> kept, List<Finding> added) {
        List<Finding> anchors = new ArrayList<>();
        for (Finding f : kept) {
            if (f.type() == EntityType.PERSON && oneWord(text, f.start(), f.end())) {
                anchors.add(f);
            }
        }
        for (int k = 0; k < anchors.size() && k < 64; k++) {
            Finding a = anchors.get(k);
            boolean capital = Character.isUpperCase(text.charAt(a.start()));
            for (String sep : LIST_SEPARATORS) {
                if (!capital && !(sep.equals(" en ") || sep.equals(" of "))) {
                    continue; // "kun je helpen, marieke": in lower case a comma does not make a list
                }
                if (text.startsWith(sep, a.end())) {
                    int s = a.end() + sep.length();
                    int e = wordEnd(text, s);
                    addListName(text, s, e, capital, kept, added, anchors);
                }
                int sepStart = a.start() - sep.length();
                if (sepStart > 0 && text.startsWith(sep, sepStart)) {
                    int s = wordStart(text, sepStart);
                    addListName(text, s, sepStart, capital, kept, added, anchors);
                }
            }
        }
    }

    private static void addListName(String text, int s, int e, boolean capital, List<Finding> kept,
            List<Finding> added, List<Finding> anchors) {
        if (e - s < 3 || Character.isUpperCase(text.charAt(s)) != capital || !oneWord(text, s, e)
                || NOT_ON_THEIR_OWN.contains(text.substring(s, e).toLowerCase(java.util.Locale.ROOT))
                || !wholeWord(text, s, e) || nextWordCapitalised(text, e) || !free(kept, added, s, e)
                || organisationWordBeside(text, s, e) || NamedThings.partOfNamedThing(text, s, e)
                || NamedAfterPersonFilter.namesAThing(text, s, e)) {
            return;
        }
        for (int i = s + 1; i < e; i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return; // "WhatsApp", "McDonalds": not written like a given name
            }
        }
        Finding f = new Finding(EntityType.PERSON, s, e, 0.75, "person", "in a list with a name found beside it", "");
        added.add(f);
        anchors.add(f);
    }

    private static boolean oneWord(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetter(c) || c == '-')) {
                return false;
            }
        }
        return e > s;
    }

    private static int wordEnd(String text, int s) {
        int e = s;
        while (e < text.length() && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-')) {
            e++;
        }
        return e;
    }

    private static int wordStart(String text, int e) {
        int s = e;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '-')) {
            s--;
        }
        return s;
    }

    /** "Jan en Piet Hein": the list item goes on, so it is not one word. */
    private static boolean nextWordCapitalised(String text, int e) {
        return e + 1 < text.length() && text.charAt(e) == ' ' && Character.isUpperCase(text.charAt(e + 1));
    }

    private static final Set<String> ORGANISATION_WORDS = WordList.union(
            "/pii/names/organisation-words.txt",
            "/pii/names/legal-forms.txt");

    /**
     * "Stichting Jan Pieter Heije", "Bakkerij Bakker", "De Vries Bouw": an echo of a name inside an organisation's
     * name (an organisation word up to two words before it, or right after it) is not the person.
     */
    private static boolean inOrganisationName(String text, int s, int e) {
        // "Lindeman & Kroon Advocaten", "Kroon & Lindeman": names joined by '&' are a firm
        if (text.startsWith(" & ", e) && e + 3 < text.length() && Character.isUpperCase(text.charAt(e + 3))
                || s >= 4 && text.startsWith(" & ", s - 3) && capitalisedWordEndsAt(text, s - 3)) {
            return true;
        }
        return organisationWordBeside(text, s, e);
    }

    /** "Sportpark Abe [Lenstra]", "[Kroon] Advocaten": an organisation word up to two words before, or right after. */
    private static boolean organisationWordBeside(String text, int s, int e) {
        int at = s;
        for (int back = 0; back < 3; back++) {
            int we = at - 1;
            if (we <= 0 || text.charAt(we) != ' ') {
                break;
            }
            int ws = we;
            while (ws > 0 && Character.isLetter(text.charAt(ws - 1))) {
                ws--;
            }
            if (ws == we || !Character.isUpperCase(text.charAt(ws)) && back > 0) {
                break;
            }
            if (OrganisationOpeners.opens(text.substring(ws, we).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
            at = ws;
        }
        int ws = e + 1;
        if (e < text.length() && text.charAt(e) == ' ') {
            int we = ws;
            while (we < text.length() && (Character.isLetter(text.charAt(we)) || text.charAt(we) == '.')) {
                we++;
            }
            String next = text.substring(ws, we).toLowerCase(java.util.Locale.ROOT);
            return ORGANISATION_WORDS.contains(next) || ORGANISATION_WORDS.contains(next.replace(".", ""));
        }
        return false;
    }

    private static boolean capitalisedWordEndsAt(String text, int end) {
        int s = end;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s < end && Character.isUpperCase(text.charAt(s));
    }


    /** Capitalised parts of a found name, three letters or more, that are not common words. */
    private static void collectParts(String text, Finding f, Set<String> parts) {
        boolean lowerCaseName = true;
        for (int k = f.start(); k < f.end(); k++) {
            if (Character.isUpperCase(text.charAt(k))) {
                lowerCaseName = false;
                break;
            }
        }
        int i = f.start();
        while (i < f.end()) {
            while (i < f.end() && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < f.end() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-' || text.charAt(i) == '\'')) {
                i++;
            }
            if (i - s >= 3 && Character.isUpperCase(text.charAt(s)) && Character.isLowerCase(text.charAt(s + 1))
                    && (i >= f.end() || text.charAt(i) != '.')) {
                String part = text.substring(s, i);
                if (!NOT_ON_THEIR_OWN.contains(part.toLowerCase(java.util.Locale.ROOT))) {
                    parts.add(part);
                    String plain = withoutDiacritics(part); // "Çakır" is also written "Cakir"
                    if (!plain.equals(part)) {
                        parts.add(plain);
                    }
                }
            } else if (i - s >= 4 && lowerCaseName && Character.isLowerCase(text.charAt(s))) {
                // "dhr chen wei (chen is de achternaam)": in a name typed in lower case, its rarer parts
                String part = text.substring(s, i);
                if (!NOT_ON_THEIR_OWN.contains(part) && !ORDINARY_LOWER.contains(part)) {
                    parts.add(part);
                }
            }
        }
    }

    /** "Oğuzhan Çakır" → "Oguzhan Cakir": the name as written without its diacritics. */
    static String withoutDiacritics(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 128;
        }
        if (ascii) {
            return s;
        }
        String plain = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.replace('ı', 'i').replace('ł', 'l').replace('Ł', 'L').replace('ø', 'o').replace('Ø', 'O')
                .replace('đ', 'd').replace('ß', 's');
    }

    private static boolean wholeWord(String text, int s, int e) {
        return (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)) && text.charAt(s - 1) != '@'
                && text.charAt(s - 1) != '.')
                && (e >= text.length() || !Character.isLetterOrDigit(text.charAt(e)) && text.charAt(e) != '@'
                && text.charAt(e) != '-');
    }

    static boolean isFree(List<Finding> kept, List<Finding> added, int s, int e) {
        return free(kept, added, s, e);
    }

    private static boolean free(List<Finding> kept, List<Finding> added, int s, int e) {
        if (kept instanceof DisjointFindings k && added instanceof DisjointFindings a) {
            return !k.overlaps(s, e) && !a.overlaps(s, e);
        }
        for (Finding f : kept) {
            if (f.start() < e && s < f.end()) {
                return false;
            }
        }
        for (Finding f : added) {
            if (f.start() < e && s < f.end()) {
                return false;
            }
        }
        return true;
    }
}
