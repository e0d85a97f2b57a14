package nl.dijkwacht.pii.detect;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which dates of a headerless spreadsheet range ({@link TabRowLinks}) record an event rather than a birth:
 * <ul>
 *   <li>pii47: a column holding a date later than this year ("Verwachte terugkeer");</li>
 *   <li>pii48b: a column that on some row holds a date with a weekday ("vrijdag 6 november") — an appointment
 *       column; nobody's birth date is written so — or without a year ("14 december"), unless the column also holds a
 *       date from before last year (review48: a birthday list where one person's year is not known is no column of
 *       appointments, and its other dates are birth dates);</li>
 *   <li>pii48b: in the part of a second or later person on a row, a date of this year or the last — a handling
 *       official and an intake date, {@code Yilmaz, Elif⇥15-03-1983⇥Jansen, P.⇥02-09-2025} — unless that person's
 *       cell names a child ({@code kind: Bakker, Tim}) or shares a surname with the row's first person (review48:
 *       {@code Visser, Eva⇥11-03-1990⇥Visser, Mees⇥30-06-2025}, a baby on its parent's row).</li>
 * </ul>
 */
final class RowEventDates {

    private static final String MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
            + "|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";
    private static final String WEEKDAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
            + "|ma|di|wo|do|vr|za|zo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun";
    /** "vrijdag 6 november", "di 3 maart 2026", "vr 06-11": a date with a weekday. */
    private static final Pattern WITH_WEEKDAY = Pattern.compile(
            "(?i)(?:" + WEEKDAYS + ")\\.?,? (?:\\d{1,2}\\.? (?:" + MONTHS + ")\\.?(?: \\d{4})?|\\d{1,2}[-/.]\\d{1,2}"
                    + "(?:[-/.]\\d{2,4})?)");
    /** "14 december": a day and month without year (an appointment, or a birthday whose year is not known). */
    private static final Pattern WITHOUT_YEAR = Pattern.compile("(?i)\\d{1,2}\\.? (?:" + MONTHS + ")\\.?");
    /** Particles that two unrelated surnames share ("de Vries", "de Boer"): no sign of one family. */
    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "het", "ter", "ten", "te", "la", "le",
            "du", "da", "di", "el", "al", "von", "op", "in", "'t");
    /** Words that name a child on a row ("kind: Bakker, Tim"): their recent date is a birth date. */
    private static final Set<String> CHILD_WORDS = Set.of("kind", "kinderen", "zoon", "dochter", "baby", "pasgeborene",
            "pleegkind", "kleinkind", "child", "son", "daughter", "tweeling");

    private RowEventDates() {
    }

    /**
     * The columns of event dates: a date later than this year on any row, or an appointment-style cell on any row.
     * {@code days} are the rows' cell dates ({@link RowDates#day}, -1 for no date).
     */
    static Set<Integer> columns(String text, List<List<int[]>> rows, List<int[]> days) {
        Set<Integer> columns = new HashSet<>();
        Set<Integer> withoutYear = null;
        Set<Integer> old = null;
        int later = (DateOfBirthPatterns.currentYear() + 1) * 10000;
        int lastYear = (DateOfBirthPatterns.currentYear() - 1) * 10000;
        for (int r = 0; r < rows.size(); r++) {
            int[] row = days.get(r);
            List<int[]> cells = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                if (row[i] >= later || row[i] < 0 && appointment(text, cells.get(i), WITH_WEEKDAY)) {
                    columns.add(i);
                } else if (row[i] < 0 && appointment(text, cells.get(i), WITHOUT_YEAR)) {
                    (withoutYear == null ? withoutYear = new HashSet<>() : withoutYear).add(i);
                } else if (row[i] > 0 && row[i] < lastYear) {
                    (old == null ? old = new HashSet<>() : old).add(i);
                }
            }
        }
        if (withoutYear != null) {
            for (int column : withoutYear) {
                if (old == null || !old.contains(column)) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    private static boolean appointment(String text, int[] cell, Pattern shape) {
        int length = cell[1] - cell[0];
        return length >= 5 && length <= 30 && Character.isLetterOrDigit(text.charAt(cell[0]))
                && shape.matcher(text).region(cell[0], cell[1]).matches();
    }

    /**
     * Whether the date {@code day} (yyyymmdd) in the part of person {@code part} (0 = the row's first) is an event
     * date: a later person's date of this year or the last, when that person's name cell does not name a child and
     * shares no surname with the row's first person ({@code firstName}, the first name cell; null when unknown).
     */
    static boolean recentForALaterPerson(String text, int part, int day, int[] nameCells, int[] firstName) {
        if (part == 0 || day / 10000 < DateOfBirthPatterns.currentYear() - 1) {
            return false;
        }
        return nameCells == null || !namesAChild(text, nameCells[0], nameCells[1])
                && (firstName == null || !sharesAName(text, firstName, nameCells));
    }

    /** Whether a capitalised word of three letters or more, no particle, stands in both ranges ("Visser, Eva" / "Visser, Mees"). */
    private static boolean sharesAName(String text, int[] first, int[] later) {
        int i = first[0];
        while (i < first[1]) {
            while (i < first[1] && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < first[1] && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i - s >= 3 && Character.isUpperCase(text.charAt(s))) {
                String word = text.substring(s, i);
                if (!PARTICLES.contains(word.toLowerCase(Locale.ROOT)) && containsWord(text, later[0], later[1], word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsWord(String text, int from, int to, String word) {
        for (int at = text.indexOf(word, from); at >= 0 && at + word.length() <= to; at = text.indexOf(word, at + 1)) {
            if ((at == from || !Character.isLetter(text.charAt(at - 1)))
                    && (at + word.length() == to || !Character.isLetter(text.charAt(at + word.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesAChild(String text, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < to && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > s && CHILD_WORDS.contains(text.substring(s, i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
