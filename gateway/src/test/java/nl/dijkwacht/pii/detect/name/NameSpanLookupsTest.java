package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.ReadCounts;
import nl.dijkwacht.pii.WorstCaseInputs;
import org.junit.jupiter.api.Test;

/**
 * lin27: look-ups per name span that read on to the end of the text (or back to its start) — quadratic on a long list
 * of names or one endless line — checked by the work they do and against the scans they replace, not by time.
 */
class NameSpanLookupsTest {

    /** "- Jan" × n: every span was tested as a "Surname, Given" item by {@code indexOf(", ")} over the rest of the text. */
    @Test
    void commaOrderItemsReadOnlyTheirOwnCharacters() {
        String text = WorstCaseInputs.fill("- Jan\n", 60_000) + "Jansen, Piet\n";
        PiiEngine engine = PiiEngine.dutchDefault();
        assertThat(ReadCounts.ON).as("run with -Ddijkwacht.pii.count-reads=true (surefire's argLine sets it)").isTrue();
        long before = ReadCounts.COMMA.sum();
        engine.detect(text);
        long read = ReadCounts.COMMA.sum() - before;
        assertThat(read).isLessThanOrEqualTo(2L * text.length()); // quadratic was ~ 10,000 spans × 60 KB
    }

    @Test
    void commaInFindsWhatIndexOfFoundInsideTheItem() {
        Random random = new Random(27);
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random, ", aJ;\n", 30);
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            int comma = text.indexOf(", ", from);
            int expected = comma < 0 || comma + 2 > to ? -1 : comma;
            assertThat(CommaOrderListRules.commaIn(text, from, to)).as("%s [%d,%d)", text, from, to).isEqualTo(expected);
        }
        assertThat(CommaOrderListRules.item("Jansen Piet; Bakker, Els", 0, 11)).isFalse(); // the comma after the item
    }

    @Test
    void lineStartsAndColonsAnswerAsTheScans() {
        Random random = new Random(43);
        for (int round = 0; round < 300; round++) {
            String text = randomText(random, "a:\n ", 40);
            LineStarts lines = new LineStarts(text);
            for (int p = 0; p <= text.length(); p++) {
                assertThat(lines.lineStart(p)).isEqualTo(text.lastIndexOf('\n', p - 1) + 1);
                assertThat(lines.firstColonFrom(p)).isEqualTo(text.indexOf(':', p));
            }
        }
    }

    @Test
    void spacesAreLookedForInsideTheSpanOnly() {
        String text = "te Winterswijk en verder";
        assertThat(PlaceAndTitleFilter.noSpaceIn(text, 3, 14)).isTrue();
        assertThat(PlaceAndTitleFilter.noSpaceIn(text, 3, 15)).isFalse();
        assertThat(PlaceAndTitleFilter.notAPerson(text, 0, 14)).isTrue(); // one word after "te": a place, as before
        assertThat(PlaceAndTitleFilter.dateHeader("Datum: Jan", 0, 5, 7)).isTrue();
        assertThat(PlaceAndTitleFilter.dateHeader("Datum: Jan", 0, -1, 7)).isFalse();
    }

    private static String randomText(Random random, String alphabet, int max) {
        int n = random.nextInt(max + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
