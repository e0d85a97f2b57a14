package nl.dijkwacht.pii.detect;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of a spreadsheet row ({@link TabRowLinks}) as a day number, so that the row's dates can be compared: a
 * person is born before anything else a row says about them happened.
 */
final class RowDates {

    private static final Pattern NUMERIC = Pattern.compile(
            "(0?[1-9]|[12]\\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.]((?:19|20)\\d{2})"
                    + "|((?:19|20)\\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");

    /** "15 maart 1983" (pii46). */
    private static final Pattern IN_WORDS = Pattern.compile(
            "(0?[1-9]|[12]\\d|3[01]) (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
                    + "|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.? ((?:19|20)\\d{2})",
            Pattern.CASE_INSENSITIVE);

    private static final String MONTHS = "jan feb mrt apr mei jun jul aug sep okt nov dec";

    private RowDates() {
    }

    /** The cell's date as yyyymmdd, or -1 when the cell is not wholly a date. */
    static int day(String cell) {
        if (cell.length() < 6 || !Character.isDigit(cell.charAt(0))) {
            return -1; // both forms open with a digit: most cells are asked no pattern
        }
        Matcher m = NUMERIC.matcher(cell);
        if (m.matches()) {
            return m.group(1) != null
                    ? number(m.group(3)) * 10000 + number(m.group(2)) * 100 + number(m.group(1))
                    : number(m.group(4)) * 10000 + number(m.group(5)) * 100 + number(m.group(6));
        }
        m = IN_WORDS.matcher(cell);
        if (m.matches()) {
            String month = m.group(2).toLowerCase(Locale.ROOT);
            int index = month.equals("maart") ? 2 : MONTHS.indexOf(month.substring(0, 3)) / 4 + 1;
            return number(m.group(3)) * 10000 + index * 100 + number(m.group(1));
        }
        return -1;
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }
}
