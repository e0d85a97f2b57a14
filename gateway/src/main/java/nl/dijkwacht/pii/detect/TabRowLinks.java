package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule family (pii45): a range copied from Excel without its header row — tab-separated (pii46: or semicolon-separated,
 * a CSV export without its header) lines that hold a person's
 * name or BSN. On such a line a cell that is wholly a date with a four-digit year is that person's date of birth, and
 * a cell that is wholly a capitalised name and a house number is the address ("Esdoorn 62", "Het Want 233-II"):
 * without the header nothing else says so. Only in a block whose first line is data too (holds a name or BSN): under
 * a header row the column names decide ({@link FieldRecognizer}), so a "Datum intake" column stays a date.
 */
final class TabRowLinks {

    private static final Pattern ADDRESS = Pattern.compile(
            "\\p{Lu}[\\p{L}'’.-]*(?: [\\p{L}'’.-]+){0,3} [1-9]\\d{0,3}(?:[a-z]| [A-Z]|-(?:I{1,3}|IV|\\d{1,2}|[a-zA-Z]))?");

    private static final String PARTICLE = "(?:van|de|der|den|ter|ten|te|het|in|op|'t|’t|VAN|DE|DER|DEN|TER|TEN)";
    private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’-]+";
    private static final String INITIALS = "(?:\\p{Lu}\\.){1,4}";
    /**
     * pii46: a cell written as a name is written: "Şahin, Elif", "Wijk, F. van", "ter Haar, Evert", "S.M. Korkmaz",
     * "Haar, C. ter" — surname first with a comma, or initials first. A town ("Den Ham") or an organisation has
     * neither; a cell led by a known given name ("Roos Prins", "NIELS DE WIT") is {@link #GIVEN_NAME_FIRST}.
     */
    private static final Pattern NAME_SHAPED = Pattern.compile(
            "(?:" + PARTICLE + " ){0,3}" + NAME_WORD + "(?: " + NAME_WORD + ")?, (?:" + INITIALS + "|" + NAME_WORD
                    + ")(?: " + PARTICLE + "){0,3}"
                    + "|" + INITIALS + " (?:" + PARTICLE + " ){0,3}" + NAME_WORD + "(?:[ -]" + NAME_WORD + ")?");
    private static final Pattern GIVEN_NAME_FIRST = Pattern.compile(
            "(" + NAME_WORD + ") (?:" + PARTICLE + " ){0,3}" + NAME_WORD + "(?:[ -]" + NAME_WORD + ")?");

    private static boolean nameCell(String cell) {
        if (cell.length() > 60) {
            return false;
        }
        if (NAME_SHAPED.matcher(cell).matches()) {
            return true;
        }
        Matcher m = GIVEN_NAME_FIRST.matcher(cell);
        return m.matches() && KnownNames.shared().firstNames().contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    private TabRowLinks() {
    }

    static void link(String text, List<Finding> kept, List<Finding> added) {
        boolean tabs = text.indexOf('\t') >= 0;
        boolean semicolons = text.indexOf(';') >= 0;
        if (!tabs && !semicolons) {
            return;
        }
        List<int[]> block = new ArrayList<>(); // the rows of the current block: {lineStart, lineEnd, anchor, separator}
        int lineStart = 0;
        int k = 0; // kept is sorted by start: the first finding not before the line
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            char sep = tabs && count(text, lineStart, lineEnd, '\t') >= 2 ? '\t'
                    : semicolons && count(text, lineStart, lineEnd, ';') >= 2 ? ';' : 0;
            if (sep != 0 && !block.isEmpty() && block.get(0)[3] != sep) {
                rows(text, block, kept, added);
                block.clear();
            }
            if (sep != 0) {
                while (k < kept.size() && kept.get(k).start() < lineStart) {
                    k++;
                }
                block.add(new int[] {lineStart, lineEnd, anchor(kept, k, lineEnd), sep});
            } else {
                rows(text, block, kept, added);
                block.clear();
            }
            lineStart = lineEnd + 1;
        }
        rows(text, block, kept, added);
    }

    /**
     * A block is headerless when its first line is data: it holds a finding or a cell with two digits (a header row
     * holds neither; pii47: a health word found in "Ziek sinds" and the digit of a numbered column name, "Partner 1",
     * do not make it data). pii46: then
     * every row is a person's when at least half of them hold a name or BSN (a row whose name no recognizer knew,
     * "Şahin, Elif", is still one of the list's people); otherwise only the rows that do.
     */
    private static void rows(String text, List<int[]> block, List<Finding> kept, List<Finding> added) {
        if (block.isEmpty() || block.get(0)[2] == NONE && !twoDigitCellIn(text, block.get(0)[0], block.get(0)[1],
                (char) block.get(0)[3])) {
            return; // a header row holds neither a finding nor a digit
        }
        int persons = 0;
        for (int[] row : block) {
            persons += row[2] == PERSON_OR_BSN ? 1 : 0;
        }
        boolean allRows = persons > 0 && persons * 2 >= block.size();
        List<List<int[]>> read = new ArrayList<>();
        List<int[]> days = new ArrayList<>();
        for (int[] row : block) {
            if (allRows || row[2] == PERSON_OR_BSN) {
                List<int[]> cells = cells(text, row[0], row[1], (char) row[3]);
                read.add(cells);
                days.add(days(text, cells));
            }
        }
        Set<Integer> eventColumns = RowEventDates.columns(text, read, days);
        for (int r = 0; r < read.size(); r++) {
            link(text, read.get(r), days.get(r), eventColumns, kept, added);
        }
    }

    /** Each cell's date as yyyymmdd ({@link RowDates#day}), -1 for a cell that is no date. */
    private static int[] days(String text, List<int[]> cells) {
        int[] days = new int[cells.size()];
        for (int i = 0; i < days.length; i++) {
            int[] c = cells.get(i);
            days[i] = c[1] - c[0] >= 6 && Character.isDigit(text.charAt(c[0]))
                    ? RowDates.day(text.substring(c[0], c[1])) : -1;
        }
        return days;
    }

    private static boolean twoDigitCellIn(String text, int from, int to, char sep) {
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == sep) {
                digits = 0;
            } else if (Character.isDigit(c) && ++digits == 2) {
                return true;
            }
        }
        return false;
    }

    private static final int NONE = 0;
    private static final int OTHER = 1;
    private static final int PERSON_OR_BSN = 2;

    /** Whether a person's name or a BSN lies on the line ({@link #PERSON_OR_BSN}), another finding, or none. */
    private static int anchor(List<Finding> kept, int first, int to) {
        int found = NONE;
        for (int i = first; i < kept.size(); i++) {
            Finding f = kept.get(i);
            if (f.start() >= to) {
                break;
            }
            if (f.type() == EntityType.PERSON || f.type() == EntityType.BSN) {
                return PERSON_OR_BSN;
            }
            if (f.type() != EntityType.SPECIAL_CATEGORY) {
                found = OTHER;
            }
        }
        return found;
    }

    private static int count(String text, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** The row's cells as {start, end} pairs without the spaces around them. */
    private static List<int[]> cells(String text, int from, int to, char sep) {
        List<int[]> cells = new ArrayList<>();
        int s = from;
        while (s <= to) {
            int e = text.indexOf(sep, s);
            if (e < 0 || e > to) {
                e = to;
            }
            int a = s;
            int b = e;
            while (a < b && text.charAt(a) == ' ') {
                a++;
            }
            while (b > a && text.charAt(b - 1) == ' ') {
                b--;
            }
            cells.add(new int[] {a, b});
            s = e + 1;
        }
        return cells;
    }

    /**
     * A date cell is a person's date of birth only as the earliest date of that person's part of the row (pii47: a
     * row's other dates, "ziek sinds 14-11-2026" beside "05-01-2027", happened after the birth) and outside an
     * {@link #eventColumns event column}. pii47b: a row naming two people (a couple, a parent and a child) has a part
     * per person, from their name cell to the next one, so each keeps their own birth date.
     */
    private static void link(String text, List<int[]> row, int[] days, Set<Integer> eventColumns, List<Finding> kept,
            List<Finding> added) {
        int[] part = personParts(text, row, kept);
        int[] firstName = part[row.size() - 1] > 0 ? firstNameCell(text, row, kept) : null;
        int[] earliest = new int[part[row.size() - 1] + 1];
        java.util.Arrays.fill(earliest, Integer.MAX_VALUE);
        for (int i = 0; i < days.length; i++) {
            if (days[i] > 0) {
                earliest[part[i]] = Math.min(earliest[part[i]], days[i]);
            }
        }
        for (int i = 0; i < row.size(); i++) {
            int a = row.get(i)[0];
            int b = row.get(i)[1];
            if (b - a < 6 || !FindingLinks.isFree(kept, added, a, b)) {
                continue;
            }
            String cell = text.substring(a, b);
            int day = days[i];
            if (day > 0) {
                if (day == earliest[part[i]] && !eventColumns.contains(i) && !DateOfBirthPatterns.laterThanThisYear(cell)
                        && !RowEventDates.recentForALaterPerson(text, part[i], day, nameCells(row, part, part[i]), firstName)) {
                    added.add(new Finding(EntityType.DATE_OF_BIRTH, a, b, 0.85, "date-of-birth",
                            "date on a spreadsheet row of a person", "name or BSN on the same row"));
                }
            } else if (ADDRESS.matcher(cell).matches()) {
                added.add(new Finding(EntityType.ADDRESS, a, b, 0.85, "address",
                        "street and house number on a spreadsheet row of a person", "name or BSN on the same row"));
            } else if (nameCell(cell)) {
                added.add(new Finding(EntityType.PERSON, a, b, 0.8, "person",
                        "name-shaped cell on a spreadsheet row of a person", "name or BSN on the same row"));
            }
        }
    }

    /**
     * The cells that open person {@code p}'s part of the row — its name cell and the cell before it ("kind" ⇥
     * "Bakker, Tim") — as one {start, end} range, or null for the first person's part.
     */
    private static int[] nameCells(List<int[]> row, int[] part, int p) {
        for (int i = 1; i < row.size(); i++) {
            if (part[i] == p && part[i - 1] != p) {
                return new int[] {row.get(i - 1)[0], row.get(i)[1]};
            }
        }
        return null;
    }

    /** The row's first name cell (as {@link #personParts} tells name cells), null when there is none. */
    private static int[] firstNameCell(String text, List<int[]> row, List<Finding> kept) {
        for (int[] cell : row) {
            if (cell[1] > cell[0] && (personIn(kept, cell[0], cell[1]) || nameCell(text.substring(cell[0], cell[1])))) {
                return cell;
            }
        }
        return null;
    }

    /**
     * Per cell, the number of the person whose part of the row it is: a new part starts at each name cell after the
     * first (a cell holding a found name, "kind: Bakker, Tim", or {@link #nameCell name-shaped}).
     */
    private static int[] personParts(String text, List<int[]> row, List<Finding> kept) {
        int[] part = new int[row.size()];
        int persons = 0;
        for (int i = 0; i < row.size(); i++) {
            int a = row.get(i)[0];
            int b = row.get(i)[1];
            if (b > a && (personIn(kept, a, b) || nameCell(text.substring(a, b))) && persons++ > 0) {
                part[i] = part[i - 1] + 1;
            } else {
                part[i] = i == 0 ? 0 : part[i - 1];
            }
        }
        return part;
    }

    private static boolean personIn(List<Finding> kept, int from, int to) {
        int lo = 0;
        int hi = kept.size();
        while (lo < hi) { // kept is sorted by start: the first finding starting at or after the cell
            int mid = (lo + hi) >>> 1;
            if (kept.get(mid).start() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < kept.size() && kept.get(i).start() < to; i++) {
            if (kept.get(i).type() == EntityType.PERSON) {
                return true;
            }
        }
        return false;
    }
}
