package nl.dijkwacht.pii.detect;

import java.util.regex.Pattern;

/**
 * pii48b: values under a birth-date key that are a birth date in a shape the common forms ({@link FieldRecognizer})
 * do not cover: the year alone ({@code 1990}, a register that knows no more), an American date
 * ({@code 06/21/1990}, month first where the second number cannot be a month) and the serial number Excel shows for a
 * date cell formatted as a number ({@code 32134} = 22-12-1987; days since 1900, 1927–2031 taken).
 */
final class BirthDateFieldShapes {

    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    private static final Pattern MONTH_FIRST = Pattern.compile("(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\\d|3[01])/(?:19|20)\\d{2}");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("[1-4]\\d{4}");

    private BirthDateFieldShapes() {
    }

    /** Parts of a date split over keys ({@code "jaar": 1984} beside {@code "datum": "1984-03-07"}): no year alone. */
    private static final java.util.Set<String> DATE_PART_KEYS = java.util.Set.of("jaar", "year", "dag", "day", "maand",
            "month");

    static boolean shaped(String value, String key) {
        if (value.length() < 4 || value.length() > 10 || !Character.isDigit(value.charAt(0))) {
            return false;
        }
        if (YEAR.matcher(value).matches()) {
            return !DATE_PART_KEYS.contains(key) && Integer.parseInt(value) <= DateOfBirthPatterns.currentYear();
        }
        if (EXCEL_SERIAL.matcher(value).matches()) {
            int serial = Integer.parseInt(value);
            return serial >= 10_000 && serial < 48_000;
        }
        return MONTH_FIRST.matcher(value).matches() && !DateOfBirthPatterns.laterThanThisYear(value);
    }
}
