package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.PieceTexts;
import org.junit.jupiter.api.Test;

/**
 * {@link DateOfBirthListLinks#nextDate} tries its pattern only at a digit with no letter or digit before it (pii22);
 * on many generated texts of dates, digit runs, letters and separators, and on every region of them, it finds what
 * the pattern's {@code find()} over the region found.
 */
class DateListSearchTest {

    /** The pattern of {@link DateOfBirthListLinks} (pii48b: also compact dates and months in words). */
    private static final Pattern DATE = DateOfBirthListLinks.DATE;

    private static final String[] PIECES = {"0", "1", "2", "3", "9", "01", "12", "19", "20", "31", "1986", "2014",
        "1975", "2026", "19861211", " mei ", " okt. ", "4 mei 1963", "7.3.1986", "2.9.1984", "12/11/1975", "3-8-1981", "1-8-2016", "22-2-2014", "1990-03-12",
        "00-00-1999", "-", "-", ".", ".", "/", "/", " ", " ", ", ", " en ", "(", ")", "a", "é", "x", "Ω", "٣",
        "\uD835\uDC00", "\uD801\uDC00", "\uD835", "\uDC00", "_", "geboren op ", "Florian op ", "\n"};

    @Test
    void findsWhatTheRegionsFindFinds() {
        Random random = new Random(22);
        int found = 0;
        int regions = 0;
        for (int t = 0; t < 6_000; t++) {
            String text = PieceTexts.next(random, PIECES, 2, 24);
            for (int from = 0; from <= text.length(); from++) {
                int to = Math.min(text.length(), from + random.nextInt(text.length() - from + 1));
                for (int end : List.of(to, text.length())) {
                    Matcher expected = DATE.matcher(text).region(from, end);
                    Matcher actual = DateOfBirthListLinks.nextDate(text, from, end);
                    regions++;
                    if (expected.find()) {
                        found++;
                        assertThat(actual).as("%s [%d, %d)", text, from, end).isNotNull();
                        assertThat(new int[] {actual.start(1), actual.end(1)}).as("%s [%d, %d)", text, from, end)
                                .containsExactly(expected.start(1), expected.end(1));
                    } else {
                        assertThat(actual).as("%s [%d, %d)", text, from, end).isNull();
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(regions / 20);
    }

    @Test
    void continuesAListOfBirthDates() {
        String text = "geboren op 7.3.1986 in Innsbruck, Florian op 2.9.1984";
        List<Finding> kept = List.of(new Finding(EntityType.DATE_OF_BIRTH, 11, 19, 0.9, "date-of-birth", "date", ""));
        List<Finding> added = new java.util.ArrayList<>();
        DateOfBirthListLinks.link(text, kept, added);
        assertThat(added).extracting(f -> text.substring(f.start(), f.end())).containsExactly("2.9.1984");
    }
}
