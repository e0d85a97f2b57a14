package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pre-check before searching a context word never says no where the search would say yes. */
class AnalysedTextTest {

    @Test
    void mayContainIsFalseOnlyForWordsThatDoNotOccur() {
        AnalysedText text = AnalysedText.of("Kopie Paspoort (nr. NX1234567) en het RIJBEWIJS van Müller, KvK-nummer 12345678.");
        for (String present : List.of("paspoort", "rijbewijs", "kvk-nummer", "kvk", "müller", "nr.", "(nr", "p", "")) {
            assertThat(text.lower()).contains(present);
            assertThat(text.mayContain(present)).as(present).isTrue();
        }
        assertThat(text.mayContain("identiteitskaart")).isFalse();
        assertThat(text.mayContain("paspoortnummer")).isFalse();
        assertThat(text.mayContain("zz")).isFalse();
        // pairs are necessary, not sufficient: every pair of "rijs" occurs, the word does not
        assertThat(text.mayContain("rijs")).isTrue();
        assertThat(text.lower()).doesNotContain("rijs");
    }

    @Test
    void mayContainNeverContradictsContainsOnRandomTexts() {
        Random random = new Random(25);
        String alphabet = "abcdeklnrst KVX.-:()\n\t\r\u007f\u0001éëÉ€’İΣ12";
        int ruledOut = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random, alphabet, 1 + random.nextInt(60));
            AnalysedText analysed = AnalysedText.of(text);
            String lower = analysed.lower();
            for (int k = 0; k < 8; k++) {
                int from = random.nextInt(lower.length());
                String present = lower.substring(from, Math.min(lower.length(), from + random.nextInt(8)));
                assertThat(analysed.mayContain(present)).as("%s in %s", present, text).isTrue();
                String word = randomText(random, alphabet, 1 + random.nextInt(6)).toLowerCase(java.util.Locale.ROOT);
                if (!analysed.mayContain(word)) {
                    ruledOut++;
                    assertThat(lower).as("%s in %s", word, text).doesNotContain(word);
                }
            }
        }
        assertThat(ruledOut).isGreaterThan(50_000);
    }

    /**
     * Every pair of characters up to U+017F (controls, space, DEL, Latin-1 and Latin Extended-A: the edges of the pairs
     * kept since pii25, and where the kept range used to end), in a text and as a word: found where contains finds it.
     */
    @Test
    void everyPairOfCharactersUpToLatinExtendedA() {
        for (char a = 0; a < 0x180; a++) {
            for (char b = 0; b < 0x180; b++) {
                AnalysedText text = AnalysedText.of("q" + a + b + "q");
                String lower = text.lower();
                for (String word : List.of(lower.substring(1, 3), lower.substring(0, 3), lower.substring(1),
                        ("" + a + b).toLowerCase(java.util.Locale.ROOT))) {
                    if (lower.contains(word)) {
                        assertThat(text.mayContain(word)).as("U+%04X U+%04X: %s", (int) a, (int) b, word).isTrue();
                    }
                }
            }
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
