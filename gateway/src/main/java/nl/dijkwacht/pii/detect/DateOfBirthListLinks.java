package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.words.WordList;

/**
 * Rule family (tenth round): the further dates of a list whose first date is a date of birth are dates of birth too —
 * "geboren op 7.3.1986 in Innsbruck, Florian op 2.9.1984", "12/11/1975 voor de eerste en 3-8-1981 voor Iñaki",
 * "Pinas (1-8-2016), Xiomara Sint Jago (22-2-2014)". The birth word stands only before the first date, farther than
 * the recognizer's context window from the next. A following date counts when it is in the same sentence, near the
 * previous one, after a list joiner, and nothing between says it is another kind of date
 * ({@code /pii/context/date-list-breaks.txt}: "ingediend", "overleden", "sinds" …). Chains along the list.
 */
final class DateOfBirthListLinks {

    private static final int MAX_GAP = 70;
    /**
     * pii48b: also compact ({@code 20010930}, {@code 19551103}) and with the month in words ({@code 22 okt 1995}), so
     * that "Ilse Veenstra 4 mei 1963 …; Bogdan Ionescu 22 okt 1995 …" and a column of compact dates pasted in a
     * sentence continue the list as well.
     */
    static final Pattern DATE = Pattern.compile(
            "(?<![\\p{L}\\d])((?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
                    + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
                    + "|(?:0?[1-9]|[12]\\d|3[01]) (?i:januari|februari|maart|april|mei|juni|juli|augustus|september"
                    + "|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.? (?:19|20)\\d{2})"
                    + "(?![\\p{L}\\d])");
    /** pii48b: "Omar (04-05-2009)  Lina (": the next bracketed date after a one-word name. */
    private static final Pattern NEXT_BRACKET = Pattern.compile("\\),?\\s{1,3}\\p{Lu}\\p{Ll}{1,20} \\(");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}/]+");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    private static final String[] JOINERS = {", ", " en ", " and ", "; ", " und ", " et ", " y "};
    private static final Set<String> BREAKS = WordList.set("/pii/context/date-list-breaks.txt");

    private DateOfBirthListLinks() {
    }

    /** Adds to {@code added} the dates that continue a list opened by a date of birth in {@code kept} or {@code added}. */
    static void link(String text, List<Finding> kept, List<Finding> added) {
        int n = kept.size();
        for (int k = 0; k < n + added.size() && k < n + 64; k++) {
            Finding f = k < n ? kept.get(k) : added.get(k - n);
            if (f.type() != EntityType.DATE_OF_BIRTH) {
                continue;
            }
            int from = f.end();
            Matcher m = nextDate(text, from, Math.min(text.length(), from + MAX_GAP));
            if (m != null && continuesList(text, from, m.start(1))
                    && FindingLinks.isFree(kept, added, m.start(1), m.end(1)) && !laterThanThisYear(m.group(1))) {
                // the added date is visited in turn and continues the list
                added.add(new Finding(EntityType.DATE_OF_BIRTH, m.start(1), m.end(1), 0.85, "date-of-birth",
                        "next date in a list of dates of birth", "date of birth before it"));
            }
        }
    }

    /**
     * The first date in [from, to), as {@code DATE.matcher(text).region(from, to).find()} finds it (null: none), but
     * tried only where it can start: at a digit with no letter or digit before it (the pattern's look-behind and first
     * character; at {@code from} the region's bounds hide what precedes). A table's every date of birth searched the
     * 70 characters after it position by position, running the look-behind at each (pii22: 5 % of a 10 KB table).
     */
    static Matcher nextDate(String text, int from, int to) {
        Matcher m = null;
        for (int i = from; i < to; i++) {
            if (!asciiDigit(text.charAt(i)) || i > from && letterOrAsciiDigit(text.charAt(i - 1))) {
                continue;
            }
            if (m == null) {
                m = DATE.matcher(text); // opaque bounds, as the region's find(): nothing before i or after to is seen
            }
            if (m.region(i, to).lookingAt()) {
                return m;
            }
        }
        return null;
    }

    private static boolean asciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The look-behind's {@code [\p{L}\d]}: a letter (of any script) or an ASCII digit. */
    private static boolean letterOrAsciiDigit(char c) {
        return asciiDigit(c) || Character.isLetter(c);
    }

    /** Whether the text between two dates joins them in one list: one sentence, a joiner, no break word. */
    private static boolean continuesList(String text, int from, int to) {
        if (NEXT_BRACKET.matcher(text).region(from, to).matches()) {
            return true;
        }
        String gap = text.substring(from, to).toLowerCase(Locale.ROOT);
        if (gap.indexOf('\n') >= 0 || gap.indexOf('†') >= 0 || gap.indexOf('✝') >= 0 || gap.contains(". ") || gap.contains("? ") || gap.contains("! ")) {
            return false;
        }
        boolean joined = false;
        for (String j : JOINERS) {
            joined |= gap.contains(j);
        }
        if (!joined) {
            return false;
        }
        for (String word : NOT_A_WORD.split(gap)) {
            if (BREAKS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean laterThanThisYear(String date) {
        Matcher y = YEAR.matcher(date);
        int year = 0;
        while (y.find()) {
            year = Integer.parseInt(y.group());
        }
        return year > java.time.Year.now().getValue();
    }
}
