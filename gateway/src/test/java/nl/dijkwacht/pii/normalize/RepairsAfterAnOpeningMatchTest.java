package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import org.junit.jupiter.api.Test;

/**
 * fuzz26: three OCR repairs searched with {@code for (at = indexOf(c); at > 0; …)} (or {@code at >= 3}) and so stopped
 * at a {@code c} near the start of the text: nothing after it was repaired.
 */
class RepairsAfterAnOpeningMatchTest {

    @Test
    void boxesAreClosedInATextThatOpensWithABar() {
        String text = "| Naam | BSN |\nBSN: 1|2|3|4|5|6|7|8|2";
        int first = text.indexOf("1|");
        assertThat(BoxRepair.edits(text)).hasSize(8).first().isEqualTo(new Edit(first + 1, first + 2, ""));
    }

    @Test
    void aLineBreakInsideANumberIsBridgedInATextThatOpensWithALineBreak() {
        String text = "\nBel mij op 06 4755\n5810";
        int newline = text.lastIndexOf('\n');
        assertThat(LineBreakRepair.edits(text)).containsExactly(new Edit(newline, newline + 1, " "));
    }

    @Test
    void aFiveReadForAnSIsRepairedInATextWithAFiveInItsFirstThreeCharacters() {
        String text = "15 maart sprak ik mevrouw Jan5en";
        int five = text.indexOf("5en");
        assertThat(WordDigitRepair.edits(text)).containsExactly(new Edit(five, five + 1, "s"));
    }
}
