package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.dijkwacht.pii.PieceTexts;
import org.junit.jupiter.api.Test;

/** The look for letters where a Dutch IBAN has digits skips the pattern only where it would change nothing (regex20). */
class IbanLetterRepairGateTest {

    private static final String[] PIECES = {"NL", "NL", "91", "9I", "O1", "ABNA", "RABO", "INGB", "NLAB", " ", " ",
        "0417", "O417", "04l7", "1643", "00", "0", "I", "l", "O", "x", "al", ".", "-", "1", "23", "NL12ABNA23O4856O47"};

    @Test
    void sameEditsAsThePatternEverywhere() {
        Random random = new Random(20);
        int edited = 0;
        for (int i = 0; i < 50_000; i++) {
            String s = PieceTexts.next(random, PIECES, 1, 14);
            var expected = IbanLetterRepair.editsByPattern(s);
            edited += expected.isEmpty() ? 0 : 1;
            assertThat(IbanLetterRepair.edits(s)).as(s).isEqualTo(expected);
        }
        assertThat(edited).isGreaterThan(500);
        assertThat(IbanLetterRepair.mayNeedEdits("rekening NL91ABNA0417164300. Kunt u de")).isFalse();
    }
}
