package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.detect.AnalysedText;
import nl.dijkwacht.pii.detect.LetterMask;
import nl.dijkwacht.pii.detect.ReadCounts;
import nl.dijkwacht.words.WordList;

/**
 * Name-like words that the surrounding text shows to be something else, checked on every person span (rules and
 * model): a place after a postcode ({@code 7721 CD Dalfsen}) or opening a dateline ({@code Dalfsen, 2 november}),
 * a royal title's bearer ({@code Koning Willem-Alexander}: harmless by the labelling convention), and well-known
 * firms that carry a person's name ({@code Albert Heijn}, list {@code pii/names/known-firms.txt}). The broad
 * gazetteer holds many toponymic surnames, so the place tests matter more since round 4.
 */
final class PlaceAndTitleFilter {

    private static final Pattern POSTCODE_BEFORE = Pattern.compile("[0-9lO]{4} ?[A-Za-z]{2}[ \\t]+$");
    private static final Pattern DATELINE_AFTER = Pattern.compile(
            "^,? [0-9lO]{1,2}(?: [a-z]{3,9}|[-./][0-9lO]{1,2}[-./])", Pattern.CASE_INSENSITIVE);
    /** ", 25 november 2026", ", 3-12-2026": a date with a month after a comma (not ", 5 uur"). */
    private static final Pattern COMMA_DATE_AFTER = Pattern.compile(
            "^, [0-9lO]{1,2}(?: (?:jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\\.? [0-9lO]{2,4}"
                    + "|[-./][0-9lO]{1,2}[-./])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROYAL_TITLE_BEFORE = Pattern.compile(
            "(?:^|[^\\p{L}])(?:Koning|Koningin|Prins|Prinses|Kroonprins|Kroonprinses|KONING|KONINGIN)[ \\t]+$");
    private static final List<String> KNOWN_FIRMS = WordList.list("/pii/names/known-firms.txt");
    /** Per firm of {@link #KNOWN_FIRMS}, its ASCII letters ({@link LetterMask}). */
    private static final long[] KNOWN_FIRM_LETTERS = KNOWN_FIRMS.stream().mapToLong(LetterMask::of).toArray();
    /** E-mail header lines whose value is a date: "Date: Mon, 30 Nov 2026", "Verzonden: dinsdag 1 december". */
    private static final Pattern DATE_HEADER = Pattern.compile(
            "^[ >\t]*(?:Date|Datum|Sent|Verzonden|Verstuurd|Gesendet|Envoy[ée]|Received)[ \t]*:", Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNIT_WORDS = WordList.set("/pii/names/unit-words.txt");

    private PlaceAndTitleFilter() {
    }

    /** Whether the person span [start, end) of {@code text} is a place, a royal's name or a known firm. */
    static boolean notAPerson(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        return notAPerson(text, lineStart, text.indexOf(':', lineStart), start, end);
    }

    /**
     * {@link #notAPerson(String, int, int)} with the start of the span's line and the first colon from there (or -1)
     * known ({@link LineStarts}: lin27, the walk back to the line start and on to a colon per span was quadratic on a
     * long line with many names).
     */
    static boolean notAPerson(String text, int lineStart, int colon, int start, int end) {
        String before = text.substring(Math.max(lineStart, start - 40), start);
        if (mayEndInPostcodeOrTitle(before)
                && (POSTCODE_BEFORE.matcher(before).find() || ROYAL_TITLE_BEFORE.matcher(before).find())
                || dateHeader(text, lineStart, colon, start) || afterUnitWord(before)) {
            return true;
        }
        if (oneWordAfterTe(text, start, end)) {
            return true; // "geboren 17 september 1939 te Hengelo": one word after "te" is a place
        }
        if (townAfterHouseNumber(text, before, start, end) || townAfterIn(text, before, start, end)) {
            return true;
        }
        if ((text.startsWith("in ", start) || text.startsWith("te ", start)) && start + 3 < end
                && Character.isUpperCase(text.charAt(start + 3)) && noSpaceIn(text, start + 3, end)
                && !NameWords.TITLES.contains(wordBefore(before))) {
            // "woont in Rotterdam-Zuid", "geboren te Winterswijk": a place ("in 't Veld" has its article,
            // "mevrouw te Kiefte" her title)
            return true;
        }
        if (before.endsWith(", ") && noSpaceIn(text, start, end)
                && COMMA_DATE_AFTER.matcher(text).region(end, Math.min(text.length(), end + 16)).lookingAt()) {
            return true; // "de ambtenaar van de burgerlijke stand, Hengelo, 25 november 2026": place and date
        }
        // both patterns start with ^: lookingAt() in the region is find() on that part of the text, without a copy
        if (before.isBlank() && DATELINE_AFTER.matcher(text).region(end, Math.min(text.length(), end + 16)).lookingAt()) {
            return true;
        }
        return insideKnownFirm(text, start, end);
    }

    /**
     * {@link #DATE_HEADER} at the start of {@code text[lineStart, start)}; the pattern is only tried when that part has
     * the colon it ends with (pii21: a matcher per person span, nearly always for nothing).
     */
    static boolean dateHeader(String text, int lineStart, int start) {
        return dateHeader(text, lineStart, text.indexOf(':', lineStart), start);
    }

    /** {@link #dateHeader(String, int, int)} with the first colon from {@code lineStart} on known (or -1). */
    static boolean dateHeader(String text, int lineStart, int colon, int start) {
        return colon >= 0 && colon < start && DATE_HEADER.matcher(text).region(lineStart, start).lookingAt();
    }

    /** Whether [from, to) holds no space; reads only there (lin27: {@code indexOf(' ', from)} read on past it). */
    static boolean noSpaceIn(String text, int from, int to) {
        ReadCounts.add(ReadCounts.SPAN, to - from);
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ' ') {
                return false;
            }
        }
        return true;
    }

    private static final List<String> ROYAL_TITLES = List.of("Koning", "Koningin", "Prins", "Prinses", "Kroonprins",
            "Kroonprinses", "KONING", "KONINGIN");

    /**
     * Whether {@code before} can end as {@link #POSTCODE_BEFORE} or {@link #ROYAL_TITLE_BEFORE} end: blanks after a
     * postcode ({@code [0-9lO]{4} ?[A-Za-z]{2}}) or after a royal title. Both patterns are searched with {@code find()},
     * which tries them at every character of the 40 before a name although a match can only end the text (regex20);
     * this looks at its end first. A text ending in a line terminator is left to the patterns ({@code $} may match
     * before it).
     */
    static boolean mayEndInPostcodeOrTitle(String before) {
        int k = before.length();
        if (k == 0) {
            return false;
        }
        char last = before.charAt(k - 1);
        if (last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029') {
            return true;
        }
        int e = k;
        while (e > 0 && (before.charAt(e - 1) == ' ' || before.charAt(e - 1) == '\t')) {
            e--;
        }
        if (e == k) {
            return false; // both patterns end in [ \t]+$
        }
        for (String title : ROYAL_TITLES) {
            if (e >= title.length() && before.startsWith(title, e - title.length())) {
                return true;
            }
        }
        if (e < 6 || !asciiLetter(before.charAt(e - 1)) || !asciiLetter(before.charAt(e - 2))) {
            return false;
        }
        int digitsEnd = before.charAt(e - 3) == ' ' ? e - 3 : e - 2;
        if (digitsEnd < 4) {
            return false;
        }
        for (int i = digitsEnd - 4; i < digitsEnd; i++) {
            char c = before.charAt(i);
            if (!(c >= '0' && c <= '9' || c == 'l' || c == 'O')) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String wordBefore(String before) {
        int e = before.length();
        while (e > 0 && !Character.isLetter(before.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > 0 && Character.isLetter(before.charAt(b - 1))) {
            b--;
        }
        return before.substring(b, e).toLowerCase(Locale.ROOT);
    }

    /** A single word right after the word "te" (compared without a regex: this runs for every person span). */
    private static boolean oneWordAfterTe(String text, int start, int end) {
        // a space in the span, read only there (pii28: indexOf(' ', start) read on to the text's end for every span)
        if (!noSpaceIn(text, start, end) || start < 3 || text.charAt(start - 1) != ' ') {
            return false;
        }
        int k = start - 1;
        while (k > 0 && text.charAt(k - 1) == ' ') {
            k--;
        }
        return k >= 2 && text.charAt(k - 1) == 'e' && text.charAt(k - 2) == 't'
                && (k == 2 || !Character.isLetter(text.charAt(k - 3)));
    }

    /** A street word (or words) and a house number with its addition, then a separator: what precedes a town. */
    private static final Pattern HOUSE_NUMBER_BEFORE = Pattern.compile(
            "\\p{L}\\.? ([1-9]\\d{0,4})(?:[a-z]| [A-Z]|-(?:I{1,3}|IV|\\d{1,3}|[a-zA-Z]))?[,;\\t ]{1,3}$");
    /** "in Haren en Borne", "in Ede, Epe en Olst": the next town of a list after "in". */
    private static final Pattern TOWN_LIST_BEFORE = Pattern.compile(
            "(?:^|[^\\p{L}])in \\p{Lu}[\\p{L}'’-]+(?:, \\p{Lu}[\\p{L}'’-]+)*(?: en|,) $");
    private static final Set<String> TOWN_ARTICLES = Set.of("De", "Den", "Ter", "Ten", "Het", "'t", "DE", "DEN", "TER",
            "TEN", "HET");

    /**
     * pii46: "Kievitsbloem 101-II Steenwijk", "De Kolk 19⇥Staphorst", "Ooievaar 241;Vollenhove": one word (or an
     * article and a word: "Den Ham", "Ten Boer") right after a house number is the town of that address, not a person.
     * A four-digit year is no house number ("12 maart 1980⇥Jansen").
     */
    private static boolean townAfterHouseNumber(String text, String before, int start, int end) {
        int k = before.length();
        if (k < 4 || ",;\t ".indexOf(before.charAt(k - 1)) < 0 || !townShaped(text, start, end)) {
            return false;
        }
        boolean digit = false;
        for (int i = Math.max(0, k - 9); i < k && !digit; i++) {
            digit = Character.isDigit(before.charAt(i));
        }
        if (!digit) {
            return false;
        }
        Matcher m = HOUSE_NUMBER_BEFORE.matcher(before);
        if (!m.find()) {
            return false;
        }
        String number = m.group(1);
        return !(number.length() == 4 && (number.startsWith("19") || number.startsWith("20")));
    }

    /** pii46: "het spreekuur is in Haren en Borne": one capitalised word right after "in", or after a town list's "en". */
    private static boolean townAfterIn(String text, String before, int start, int end) {
        if (!noSpaceIn(text, start, end) || !Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        int k = before.length();
        if (k >= 3 && before.endsWith("in ") && (k == 3 || !Character.isLetter(before.charAt(k - 4)))) {
            return true;
        }
        return (before.endsWith(" en ") || before.endsWith(", ")) && before.contains("in ")
                && TOWN_LIST_BEFORE.matcher(before).find();
    }

    /** One word, or an article and a word ("Den Ham"), starting with a capital. */
    private static boolean townShaped(String text, int start, int end) {
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        int space = -1;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (space >= 0) {
                    return false;
                }
                space = i;
            } else if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '’') {
                return false;
            }
        }
        return space < 0 || TOWN_ARTICLES.contains(text.substring(start, space));
    }

    /** "Wijkteam Schalkwijk", "Jeugdteam Noord", "afdeling Vergunningen": a unit named after its area. */
    private static boolean afterUnitWord(String before) {
        int end = before.length();
        while (end > 0 && before.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == before.length()) {
            return false;
        }
        int from = end;
        while (from > 0 && Character.isLetter(before.charAt(from - 1))) {
            from--;
        }
        String word = before.substring(from, end).toLowerCase(Locale.ROOT);
        return !word.isEmpty() && (UNIT_WORDS.contains(word) || word.length() > 6 && word.endsWith("team"));
    }

    static boolean insideKnownFirm(String text, int start, int end) {
        int from = Math.max(0, start - 30);
        int to = Math.min(text.length(), end + 30);
        long letters = LetterMask.afterLowerCase(text, from, to);
        String window = null; // lower-cased only when a firm may be in it
        for (int k = 0; k < KNOWN_FIRMS.size(); k++) {
            if (!LetterMask.holds(letters, KNOWN_FIRM_LETTERS[k])) {
                continue; // a letter of the firm is nowhere in the window
            }
            if (window == null) {
                // one char per char: offsets into the window are the text's ("İ" lower-cases to two chars, fuzz26)
                window = AnalysedText.lowerSameLength(text.substring(from, to));
            }
            String firm = KNOWN_FIRMS.get(k);
            for (int at = window.indexOf(firm); at >= 0; at = window.indexOf(firm, at + 1)) {
                int s = from + at;
                int e = s + firm.length();
                boolean wordEnds = (s == 0 || !Character.isLetter(text.charAt(s - 1)))
                        && (e == text.length() || !Character.isLetter(text.charAt(e)));
                if (wordEnds && s < end && e > start) {
                    return true;
                }
            }
        }
        return false;
    }
}
