package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.dijkwacht.pii.PieceTexts;
import org.junit.jupiter.api.Test;

/**
 * The per-text lookups made cheaper in pii22 answer as before: {@link AnalysedText#mayContain} (each char read once)
 * as a check of every pair of the word, and a field's names are still cut at an e-mail header's {@code <} and
 * {@code [mailto:} only within their own part.
 */
class StructureLookupsTest {

    private static final String[] PIECES = {"naam", "geb_datum", "bsn", "adres", ";", ";", ",", "\t", "|", "\n", "\n",
        "\n", "{\"", "\": ", "\"", "}", "[", "]", ", ", ": ", "Van: ", "Aan: ", "Jan de Wit", "Sanne Visser", "12-03-1981",
        "111222333", "Dorpsstraat 12", " ", "  ", "a", "é", "Ω", "x", "<", "[mailto:", "@"};

    @Test
    void mayContainIsTheCheckOfEveryAsciiPair() {
        Random random = new Random(22);
        String[] words = {"kvk", "bsn", "geboren", "paspoort", "Ω", "é", "a", "aa", "nr.", "de", " ", "jan"};
        for (int t = 0; t < 4_000; t++) {
            String text = PieceTexts.next(random, PIECES, 0, 12) + PieceTexts.next(random, words, 0, 4);
            AnalysedText analysed = AnalysedText.of(text);
            String lower = analysed.lower();
            for (int k = 0; k < 6; k++) {
                String word = PieceTexts.next(random, words, 1, 2).toLowerCase(java.util.Locale.ROOT);
                boolean everyPair = true;
                for (int i = 0; i + 1 < word.length(); i++) {
                    char a = word.charAt(i);
                    char b = word.charAt(i + 1);
                    everyPair &= a >= 128 || b >= 128 || lower.contains("" + a + b);
                }
                assertThat(analysed.mayContain(word)).as("%s in %s", word, text).isEqualTo(everyPair);
            }
        }
    }

    @Test
    void aRecipientsNameEndsAtItsOwnAddress() {
        FieldRecognizer fields = new FieldRecognizer();
        String header = "Aan: Sanne Visser; Jan de Wit <j.dewit@example.nl>; Microsoft Teams <noreply@example.com>\n"
                + "Van: Hendrika Lautenbach [mailto:h.l@example.nl]\nOnderwerp: overleg\n";
        assertThat(fields.find(AnalysedText.of(header))).extracting(f -> header.substring(f.start(), f.end()))
                .containsExactly("Sanne Visser", "Jan de Wit", "Hendrika Lautenbach");
    }
}
