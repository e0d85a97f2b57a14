package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * fuzz26: {@link PurposeCues} (its stem table by first two characters, its word walk) against the walk before it
 * ({@link PurposeCuesBefore}) on generated folded texts built around the listed words: stems alone, stems with a tail,
 * a stem's first one or two characters, the decision words, and non-ASCII, digits and underscores next to them. The
 * "no stem opens with this pair" answer is a recall guard: it must never rule out a word that opens with a stem.
 */
class PurposeCuesDifferentialTest {

    @Test
    void sameCuesAsTheWalkBeforeOnGeneratedTexts() {
        List<String> pieces = new ArrayList<>();
        for (String stem : PurposeCues.SPECIAL_STEMS) {
            pieces.add(stem);
            pieces.add(stem + "en");
            pieces.add(stem.substring(0, 1));
            pieces.add(stem.substring(0, Math.min(2, stem.length())));
        }
        pieces.addAll(PurposeCues.SPECIAL_EXACT.stream().sorted().limit(200).toList());
        pieces.addAll(PurposeCues.DECISION_WORDS);
        pieces.addAll(PurposeCues.TAKEN_AUXILIARIES);
        pieces.addAll(List.of("de", "mevrouw", "is", "al", "genomen", "?", ".", "mw.", ";", "\n", "_", "1", "é", "ë", "ß",
                "\u00A0", "-", "'", "x", "sick leave", "mental health", "is afgewezen", "heeft al besloten",
                "we hebben de uitkering toegekend", "werd gisteren goedgekeurd", "is het afgewezen?"));
        String[] separators = {" ", " ", " ", "", "_", "-", ", ", "\n", "ë", "1"};
        Random random = new Random(2626);
        int special = 0;
        int decision = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                b.append(pieces.get(random.nextInt(pieces.size())));
                b.append(separators[random.nextInt(separators.length)]);
            }
            String folded = PurposeTokens.fold(b.toString());
            PurposeCues now = PurposeCues.of(folded);
            boolean[] before = PurposeCuesBefore.of(folded);
            assertThat(new boolean[] {now.specialWord, now.decisionTaken}).as("case %d", i).containsExactly(before);
            special += now.specialWord ? 1 : 0;
            decision += now.decisionTaken ? 1 : 0;
        }
        assertThat(special).isGreaterThan(5_000);
        assertThat(decision).isGreaterThan(500);
    }
}
