package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.dijkwacht.pii.PieceTexts;
import nl.dijkwacht.words.WordList;
import org.junit.jupiter.api.Test;

/**
 * fuzz26: {@code PlaceAndTitleFilter.insideKnownFirm} against the plain reading of what it does: some known firm, in
 * any case, stands as a whole word within 30 characters of the span and overlaps it. The reference compares character
 * by character at every offset, so its offsets are the text's own whatever the text's lower case does to its length.
 */
class KnownFirmPropertyTest {

    private static final List<String> FIRMS = WordList.list("/pii/names/known-firms.txt");

    @Test
    void insideKnownFirmAnswersAsTheCharacterByCharacterSearch() {
        String[] pieces = PieceTexts.pieces(FIRMS, (k, firm) -> k % 3 == 0 ? firm.toUpperCase(Locale.ROOT) : firm,
                " ", " ", "Jan ", "bij ", "-", "é", "ë", "ß", "İ", "İlker ", "\u212A", "\u00A0", "\r\n", "\t", "\u0001",
                "\uD83D\uDE00", "HEMA", "Heıjn", "Sanne Visser", ", ", "\n", "ĲSSELSTEIN ",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        Random random = new Random(2626);
        int found = 0;
        for (int i = 0; i < 40_000; i++) {
            String text = PieceTexts.next(random, pieces, 1, 7);
            int start = random.nextInt(text.length());
            int end = start + 1 + random.nextInt(text.length() - start);
            boolean expected = insideKnownFirmByComparingCharacters(text, start, end);
            found += expected ? 1 : 0;
            assertThat(PlaceAndTitleFilter.insideKnownFirm(text, start, end)).as("case %d [%d, %d)", i, start, end)
                    .isEqualTo(expected);
        }
        assertThat(found).isGreaterThan(2_000);
    }

    /** A dotted capital I lower-cases to two characters: the firm after it is still found where it stands. */
    @Test
    void aFirmAfterADottedCapitalIIsFoundWhereItStands() {
        String text = "İİİİ Albert Heijn";
        int start = text.indexOf("Heijn");
        assertThat(PlaceAndTitleFilter.insideKnownFirm(text, start, text.length())).isTrue();
        String far = "Mevrouw İpek Yılmaz en Sanne Visser, Albert";
        assertThat(PlaceAndTitleFilter.insideKnownFirm(far, far.indexOf("Sanne"), far.indexOf(","))).isFalse();
    }

    private static boolean insideKnownFirmByComparingCharacters(String text, int start, int end) {
        int from = Math.max(0, start - 30);
        int to = Math.min(text.length(), end + 30);
        for (String firm : FIRMS) {
            for (int s = from; s + firm.length() <= to; s++) {
                int e = s + firm.length();
                boolean same = true;
                for (int k = 0; k < firm.length() && same; k++) {
                    same = Character.toLowerCase(text.charAt(s + k)) == firm.charAt(k);
                }
                boolean wordEnds = (s == 0 || !Character.isLetter(text.charAt(s - 1)))
                        && (e == text.length() || !Character.isLetter(text.charAt(e)));
                if (same && wordEnds && s < end && e > start) {
                    return true;
                }
            }
        }
        return false;
    }
}
