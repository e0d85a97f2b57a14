package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import nl.dijkwacht.pii.PieceTexts;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import org.junit.jupiter.api.Test;

/**
 * fuzz26: each OCR repair edits a text the same wherever it stands — after a short opening and a paragraph break the
 * edits are those of the text alone, shifted. A search loop of the shape {@code for (at = indexOf(c); at > 0; …)} that
 * stops at a match at index 0 (pii25's defect) edits nothing after a text that opens with {@code c}, and fails here.
 */
class OcrRepairsPrefixPropertyTest {

    private static final Map<String, Function<String, List<Edit>>> REPAIRS = Map.of(
            "LetterSpacingRepair", LetterSpacingRepair::edits,
            "IbanLetterRepair", IbanLetterRepair::edits,
            "BoxRepair", BoxRepair::edits,
            "NumberLetterRepair", NumberLetterRepair::edits,
            "EightAndFiveRepair", EightAndFiveRepair::edits,
            "SpacedAddressRepair", SpacedAddressRepair::edits,
            "LineBreakRepair", LineBreakRepair::edits,
            "WordDigitRepair", WordDigitRepair::edits);

    /** Openings holding what the repairs search for, at index 0. */
    private static final String[] OPENINGS = {"", "|", "\n", "5", "0", "15", "NL", "  ", "B", "S", "O", "l", "x", "|a|",
        "\n\n", "555", "ë", "\u00A0", "\r\n", "\uD83D\uDE00", "\u0001"};

    private static final String[] PIECES = {"1|2|3|4|5|6|7|8|9", "0|6|1|2|3|4|5|6|7|8", "| 1|2|3|4|5|6|7|8|9 |", "|",
        "06 4755\n5810", "99996888\n9", "woon-\nachtig", "Gemeente-\nHuis", "\n", "\r\n", "Vrie5", "Jan5en", "Blok5b",
        "5", " 5 ", "0UATTARA", "Wi11em", "Roe11laan", "Kerke wijk  190", "Vlierstraat  21", "7131  PK", "  ",
        "NL91 ABNA O4l7 l643 00", "NL", "S i m o n e", "B e r g k a m p", "9 7 1 1 R S", "1B april", "ll maart l935",
        "06 l5 7B 2O 94", "O6-79406318", " ", " ", " ", "Jan", "de ", ", ", ".", "ë", "ß", "\u00A0", "x"};

    @Test
    void editsAfterAnOpeningAreThoseOfTheTextAlone() {
        Random random = new Random(2626);
        int edited = 0;
        for (int i = 0; i < 20_000; i++) {
            String s = PieceTexts.next(random, PIECES, 1, 8);
            String opening = OPENINGS[random.nextInt(OPENINGS.length)] + ".\n\n";
            String t = opening + s;
            int shift = opening.length();
            for (var repair : REPAIRS.entrySet()) {
                List<Edit> alone = repair.getValue().apply(s);
                List<Edit> after = repair.getValue().apply(t).stream().filter(e -> e.start() >= shift)
                        .map(e -> new Edit(e.start() - shift, e.end() - shift, e.text())).toList();
                edited += alone.size();
                assertThat(after).as("%s, case %d", repair.getKey(), i).isEqualTo(alone);
            }
        }
        assertThat(edited).isGreaterThan(5_000);
    }
}
