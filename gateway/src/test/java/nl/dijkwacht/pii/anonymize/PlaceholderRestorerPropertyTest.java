package nl.dijkwacht.pii.anonymize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.dijkwacht.pii.detect.EntityType;
import org.junit.jupiter.api.Test;

/**
 * fuzz26: a streamed answer cut into any number of chunks at any places is restored exactly as the whole answer, with
 * the same counts, on generated answers full of placeholders, mangled ones and look-alikes.
 */
class PlaceholderRestorerPropertyTest {

    private static final String[] PIECES = {
        "[PERSOON_1]", "[PERSOON_2]", "[BSN_1]", "[GEBOORTEDATUM_1]", "[IBAN_1]", "[PERSOON_9]", "[persoon_1]",
        "[PERSOON 1]", "[PERSOON-2]", "[Bsn_1]", "[PERSOON_1234567]", "[PERSOON_", "[BIJZONDER_1]", "[bijlage 2]",
        "[", "]", "[[", " ", "ë", "ß", "\u00A0", "\r\n", "\uD83D\uDE00", "\u0001", "Beste ", "uw BSN ", "_1]", "1]",
        "[ABCDEFGHIJKLMNOPQRSTU_123456]", "[ABCDEFGHIJKLMNOPQRST_123456]", "x".repeat(40),
    };

    private static PlaceholderVault vault() {
        PlaceholderVault v = new PlaceholderVault();
        v.placeholderFor(EntityType.PERSON, "Fatima el Amrani");
        v.placeholderFor(EntityType.PERSON, "Jan [de] Vries");
        v.placeholderFor(EntityType.BSN, "111222333");
        v.placeholderFor(EntityType.DATE_OF_BIRTH, "12 maart 1961");
        v.placeholderFor(EntityType.IBAN, "NL91ABNA0417164300");
        v.placeholderFor(EntityType.SPECIAL_CATEGORY, "diabetes");
        return v;
    }

    @Test
    void anyChunksGiveTheWholeTextsRestorationAndCounts() {
        Random random = new Random(2626);
        int restored = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(10); k > 0; k--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String answer = b.toString();
            PlaceholderRestorer whole = new PlaceholderRestorer(vault());
            String expected = whole.restoreAll(answer);
            restored += whole.restoredCount();

            PlaceholderRestorer streamed = new PlaceholderRestorer(vault());
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < answer.length()) {
                int next = Math.min(answer.length(), at + random.nextInt(random.nextBoolean() ? 3 : 15));
                streamed.onChunk(answer.substring(at, next), out::append);
                at = next;
            }
            streamed.onComplete(out::append);
            assertThat(out.toString()).as("case %d", i).isEqualTo(expected);
            assertThat(streamed.restoredCount()).as("case %d", i).isEqualTo(whole.restoredCount());
            assertThat(streamed.unknownCount()).as("case %d", i).isEqualTo(whole.unknownCount());
        }
        assertThat(restored).isGreaterThan(10_000);
    }
}
