package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.WorstCaseInputs;
import org.junit.jupiter.api.Test;

/**
 * lin27: {@code NamedThings.compoundAtEnd} looked for a hyphen with {@code lastIndexOf('-', end - 1)}, per person span,
 * back to the text's start when it had none ("Naam: Jan⏎BSN: 1⏎" × n: quadratic), and {@code legalForm} for a dot
 * with {@code indexOf('.', s)} on to the text's end. Checked by the characters read.
 */
class HyphenLookBackTest {

    static long counted(java.util.concurrent.atomic.LongAdder counter) {
        assertThat(ReadCounts.ON).as("run with -Ddijkwacht.pii.count-reads=true (surefire's argLine sets it)").isTrue();
        return counter.sum();
    }

    @Test
    void eachSpanReadsOnlyItsOwnLastWord() {
        String text = WorstCaseInputs.fill("Naam: Jan\nBSN: 1\n", 60_000);
        long before = counted(ReadCounts.HYPHEN);
        assertThat(PiiEngine.dutchDefault().detect(text)).isNotEmpty();
        assertThat(counted(ReadCounts.HYPHEN) - before).isLessThanOrEqualTo(text.length()); // was ~ spans × text
    }

    /** "Jan Piet Klaas Willem " × n: every capitalised word was tested as "B.V." by {@code indexOf('.')} to the end. */
    @Test
    void aLegalFormWithDotsIsLookedForInsideTheWord() {
        String text = WorstCaseInputs.fill("Jan Piet Klaas Willem ", 60_000);
        long before = counted(ReadCounts.DOT);
        PiiEngine.dutchDefault().detect(text);
        assertThat(counted(ReadCounts.DOT) - before).isLessThanOrEqualTo(4L * text.length()); // was ~ words × text
        Random random = new Random(43);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder b = new StringBuilder("B");
            for (int i = random.nextInt(12); i > 0; i--) {
                b.append("B.v ".charAt(random.nextInt(4)));
            }
            String t = b.toString();
            int e = 1 + random.nextInt(t.length());
            int dot = t.indexOf('.', 0);
            assertThat(NamedThings.dotIn(t, 1, e)).as("%s to %d", t, e).isEqualTo(dot > 0 && dot < e);
        }
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
