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
