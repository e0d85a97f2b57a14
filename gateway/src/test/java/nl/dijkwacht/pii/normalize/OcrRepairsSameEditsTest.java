package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.dijkwacht.pii.PieceTexts;
import org.junit.jupiter.api.Test;

/**
 * The B/S and O/o/I/l repairs give the same edits as before pii23 (their next B/S kept instead of searched again, the
 * groups of a number in one array, ASCII letters without the JDK's tables), on texts glued from what they read.
 */
class OcrRepairsSameEditsTest {

    private static final String[] PIECES = {"B", "S", "B", "S", "O", "o", "I", "l", "ll", "0", "1", "2", "5", "8", "9",
        "36", "21", "45", "06", "123", " ", " ", " ", "-", "-", ".", "/", " - ", "x", "X", "ab", "Bob", "STOP", "é", "É",
        "ß", "١", "２", " april", " maart", " mrt", "\n", ",", "2B4", "B2B", "06 l5 7B 2O 94", "+3l 6 44 O3 ll 82",
        "O6-79406318", "l-l-l99l", "24l6 3741 l1", "1B april", "ll maart l935", "20-I"};

    @Test
    void sameEditsAsBeforeOnGluedTexts() {
        Random random = new Random(23);
        int eightOrFive = 0;
        int numberLetter = 0;
        for (int i = 0; i < 120_000; i++) {
            String s = PieceTexts.next(random, PIECES, 1, i % 10 == 0 ? 120 : 16);
            var before = EightAndFiveRepairBefore.edits(s);
            eightOrFive += before.isEmpty() ? 0 : 1;
            assertThat(EightAndFiveRepair.edits(s)).as(s).isEqualTo(before);
            var numberBefore = NumberLetterRepairBefore.edits(s);
            numberLetter += numberBefore.isEmpty() ? 0 : 1;
            assertThat(NumberLetterRepair.edits(s)).as(s).isEqualTo(numberBefore);
        }
        assertThat(eightOrFive).isGreaterThan(2_000);
        assertThat(numberLetter).isGreaterThan(2_000);
    }

    @Test
    void nextEightOrFiveIsTheFirstOfEitherFromEveryGrowingOffset() {
        Random random = new Random(5);
        String[] pieces = {"B", "S", "BB", "SSS", "x", " ", "1", "Bx", "xS"};
        for (int i = 0; i < 20_000; i++) {
            String s = PieceTexts.next(random, pieces, 0, 40);
            var next = new EightAndFiveRepair.NextEightOrFive(s);
            for (int from = 0; from <= s.length() + 1; from += 1 + random.nextInt(3)) {
                int b = s.indexOf('B', from);
                int f = s.indexOf('S', from);
                assertThat(next.from(from)).as("%s from %d", s, from).isEqualTo(b < 0 ? f : f < 0 ? b : Math.min(b, f));
            }
        }
    }
}
