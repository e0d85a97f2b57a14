package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.words.WordList;

/**
 * A bracket that gives someone's birth speaks for the words right before it:
 * <ul>
 *   <li>"our children are Chidi (born 14 March 2015)", "zoon Daan (geboren 3-4-2015)": one to three capitalised words
 *       before a bracket that opens with a birth word and a date are a person's name, also when no gazetteer knows
 *       it;</li>
 *   <li>"mijn moeder (02-02-1952)", "haar zoon (2015-04-01)": a date alone in brackets right after a relation word is
 *       that relative's date of birth (after a name, {@link FindingLinks} reads it).</li>
 * </ul>
 * Run after the detector's overlap step; only adds findings where there is none.
 */
final class BirthBracketLinks {

    private static final String DATE = "(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\\d{2}"
            + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])";
    /** "(born 14 March 2015", "(geboren 3-4-2015", "(geb. 3 april 2015", "(née le 3 avril 1931". */
    private static final Pattern BIRTH_BRACKET = Pattern.compile(
            "\\((?:born|geboren|geb\\.?|née?|nacid[oa]|nat[oa]|geboren am)(?: (?:on|op|le|el|am|il))? (?:\\d{1,2}"
                    + "(?:[-/. ]\\d{1,2}[-/.]|(?: de)? \\p{L}{3,10}\\.?(?: de)? )(?:19|20)\\d{2}|\\p{L}{3,10} \\d{1,2},? (?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}-\\d{2}-\\d{2})");
    private static final Pattern DATE_ALONE = Pattern.compile("\\((" + DATE + ")\\)");
    /** "(2010)": a year alone in brackets (group 1). */
    private static final Pattern YEAR_ALONE = Pattern.compile("\\(((?:19|20)\\d{2})\\)");
    /** Words of a household that make a year in brackets after a name a birth year. */
    private static final Set<String> HOUSEHOLD = WordList.union("/pii/names/relation-words.txt",
            "/pii/context/household-words.txt");
    /** How far before the name and after the bracket a household word is looked for (on the same line). */
    private static final int HOUSEHOLD_REACH = 60;
    /** One to three capitalised words ending right before " (": group 1. */
    private static final Pattern NAME_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,2}) $");

    private static final Set<String> RELATIONS = WordList.set("/pii/names/relation-words.txt");
    private static final Set<String> NOT_A_NAME = WordList.union("/pii/names/not-names.txt",
            "/pii/names/function-words.txt", "/pii/names/titles.txt", "/pii/names/relation-words.txt",
            "/pii/names/sentence-start-words.txt");

    private BirthBracketLinks() {
    }

    static void link(String text, List<Finding> kept, List<Finding> added) {
        for (int open = text.indexOf('(', 2); open > 1; open = text.indexOf('(', open + 1)) {
            if (text.charAt(open - 1) != ' ' || open + 1 >= text.length()) {
                continue;
            }
            // the date in DATE_ALONE opens with a digit, BIRTH_BRACKET's words with b, g or n: "(jan@…", "(06-…" and
            // most brackets are neither, and both patterns were tried at each (regex20)
            char first = text.charAt(open + 1);
            boolean digit = first >= '0' && first <= '9';
            if (!digit && first != 'b' && first != 'g' && first != 'n') {
                continue;
            }
            Matcher date = DATE_ALONE.matcher(text).region(open, Math.min(text.length(), open + 14));
            if (date.lookingAt()) {
                if (relationBefore(text, open - 1) && !DateOfBirthPatterns.laterThanThisYear(date.group(1))
                        && FindingLinks.isFree(kept, added, date.start(1), date.end(1))) {
                    added.add(new Finding(EntityType.DATE_OF_BIRTH, date.start(1), date.end(1), 0.85, "date-of-birth",
                            "date in brackets after a relation word", "relation word before it"));
                }
                continue;
            }
            if (digit && !kept.isEmpty()) {
                birthYear(text, open, kept, added);
            }
            if (digit || !BIRTH_BRACKET.matcher(text).region(open, Math.min(text.length(), open + 40)).lookingAt()) {
                continue;
            }
            Matcher name = NAME_BEFORE.matcher(text).useTransparentBounds(true).region(Math.max(0, open - 50), open);
            if (name.find() && plainName(name.group(1))
                    && FindingLinks.isFree(kept, added, name.start(1), name.end(1))) {
                added.add(new Finding(EntityType.PERSON, name.start(1), name.end(1), 0.8, "person",
                        "name before a bracket with a birth date", "birth word in the bracket"));
            }
        }
    }

    /**
     * "kinderen Ayaan (2010) en Hamdi (2013)", "Dawit Kidane (1998), Ruth Kidane en baby Lidya": a year alone in brackets
     * right after a name found is that person's birth year when a household word stands near on the line (pii50:
     * held-out-15's and -16's children; without such a word "Jansen (2019)" is more often a source cited).
     */
    private static void birthYear(String text, int open, List<Finding> kept, List<Finding> added) {
        Matcher year = YEAR_ALONE.matcher(text).region(open, Math.min(text.length(), open + 6));
        if (!year.lookingAt() || DateOfBirthPatterns.laterThanThisYear(year.group(1))) {
            return;
        }
        Finding person = null;
        for (Finding f : kept) {
            if (f.type() == EntityType.PERSON && f.end() == open - 1) {
                person = f;
                break;
            }
        }
        if (person == null || !householdWordNear(text, person.start(), year.end())
                || !FindingLinks.isFree(kept, added, year.start(1), year.end(1))) {
            return;
        }
        added.add(new Finding(EntityType.DATE_OF_BIRTH, year.start(1), year.end(1), 0.8, "date-of-birth",
                "year in brackets after a name", "household word near"));
    }

    private static boolean householdWordNear(String text, int from, int to) {
        int lineStart = text.lastIndexOf('\n', from - 1) + 1;
        int lineEnd = text.indexOf('\n', to);
        int s = Math.max(lineStart, from - HOUSEHOLD_REACH);
        int e = Math.min(lineEnd < 0 ? text.length() : lineEnd, to + HOUSEHOLD_REACH);
        int i = s;
        while (i < e) {
            while (i < e && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int w = i;
            while (i < e && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > w && (w > s || s == 0 || !Character.isLetter(text.charAt(s - 1))) && HOUSEHOLD.contains(text.substring(w, i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** "moeder " right before {@code end} (the space before the bracket). */
    private static boolean relationBefore(String text, int end) {
        int s = end;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s < end && RELATIONS.contains(text.substring(s, end).toLowerCase(Locale.ROOT));
    }

    private static boolean plainName(String words) {
        for (String w : words.split("[ -]")) {
            if (NOT_A_NAME.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
