package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.WorstCaseInputs;
import org.junit.jupiter.api.Test;

/**
 * lin27: {@code NamedThings.compoundAtEnd} looked for a hyphen with {@code lastIndexOf('-', end - 1)}, per person span,
 * back to the text's start when it had none ("Naam: Jan⏎BSN: 1⏎" × n: quadratic). Checked by the characters read.
 */
class HyphenLookBackTest {

    @Test
    void eachSpanReadsOnlyItsOwnLastWord() {
        String text = WorstCaseInputs.fill("Naam: Jan\nBSN: 1\n", 60_000);
        long before = NamedThings.HYPHEN_READS.sum();
        assertThat(PiiEngine.dutchDefault().detect(text)).isNotEmpty();
        assertThat(NamedThings.HYPHEN_READS.sum() - before).isLessThanOrEqualTo(text.length()); // was ~ spans × text
    }

    @Test
    void answersAsLastIndexOfWhereThatLiesAfterTheWordStart() {
        Random random = new Random(27);
        for (int round = 0; round < 5_000; round++) {
            int n = random.nextInt(25);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append("a-B ".charAt(random.nextInt(4)));
            }
            String text = b.toString();
            int end = random.nextInt(text.length() + 1);
            int after = end == 0 ? 0 : random.nextInt(end);
            int old = end == 0 ? -1 : text.lastIndexOf('-', end - 1);
            int found = NamedThings.lastHyphenAfter(text, after, end);
            assertThat(found > after).isEqualTo(old > after);
            if (old > after) {
                assertThat(found).isEqualTo(old);
            }
        }
    }
}
