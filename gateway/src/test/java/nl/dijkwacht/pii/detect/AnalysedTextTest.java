package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
