package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.PieceTexts;
import nl.dijkwacht.words.WordList;
import org.junit.jupiter.api.Test;

/**
 * The place-and-title filter's known-firm search and date-header pattern, now behind a letter mask and a colon
 * (pii21), answer as they did without them, on generated texts around a span.
 */
class KnownFirmAndDateHeaderPrefilterTest {

    private static final List<String> FIRMS = WordList.list("/pii/names/known-firms.txt");

    @Test
    void knownFirmsFoundAsByTheFullSearch() {
        String[] pieces = PieceTexts.pieces(FIRMS, (k, firm) -> k % 2 == 0 ? firm.toUpperCase(Locale.ROOT) : firm,
                " ", " ", "Jan ", "bij ", "-", "é", "İ", "\u212A", "\u212APMG", "HEMA", "Heıjn", "Sanne Visser", ", ", "\n");
        Random random = new Random(23);
        int found = 0;
        for (int i = 0; i < 40_000; i++) {
            String text = PieceTexts.next(random, pieces, 1, 6);
            int start = random.nextInt(text.length());
            int end = start + 1 + random.nextInt(text.length() - start);
            if (text.toLowerCase(Locale.ROOT).length() != text.length()) {
                continue; // "İ": the old search's offsets were not the text's (fuzz26); KnownFirmPropertyTest
            }
            boolean expected = insideKnownFirmByFullSearch(text, start, end);
            found += expected ? 1 : 0;
            assertThat(PlaceAndTitleFilter.insideKnownFirm(text, start, end)).as("%s [%d, %d)", text, start, end)
                    .isEqualTo(expected);
        }
        assertThat(found).isGreaterThan(2_000);
    }

    /** {@code PlaceAndTitleFilter.insideKnownFirm} before pii21: the window lower-cased, every firm looked for. */
    private static boolean insideKnownFirmByFullSearch(String text, int start, int end) {
        int from = Math.max(0, start - 30);
        String window = text.substring(from, Math.min(text.length(), end + 30)).toLowerCase(Locale.ROOT);
        for (String firm : FIRMS) {
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

    @Test
    void dateHeadersFoundAsByThePattern() throws ReflectiveOperationException {
        Field f = PlaceAndTitleFilter.class.getDeclaredField("DATE_HEADER");
        f.setAccessible(true);
        Pattern header = (Pattern) f.get(null);
        String[] pieces = {"Date", "DATUM", "Sent", "verzonden", "Envoyé", "Envoye", "Received", "Gesendet", ":", ":",
            " ", "\t", ">", "\n", "Jan", "x", "Mon, 30 Nov"};
        Random random = new Random(24);
        int found = 0;
        for (int i = 0; i < 40_000; i++) {
            String text = PieceTexts.next(random, pieces, 1, 7);
            int start = random.nextInt(text.length() + 1);
            int lineStart = text.lastIndexOf('\n', start - 1) + 1;
            boolean expected = header.matcher(text).region(lineStart, start).lookingAt();
            found += expected ? 1 : 0;
            assertThat(PlaceAndTitleFilter.dateHeader(text, lineStart, start)).as("%s at %d", text, start)
                    .isEqualTo(expected);
        }
        assertThat(found).isGreaterThan(1_000);
    }
}
