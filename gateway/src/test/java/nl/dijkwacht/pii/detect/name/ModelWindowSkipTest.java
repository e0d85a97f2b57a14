package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.evalforms.FormsEvalSet;
import org.junit.jupiter.api.Test;

/**
 * The name model is not run on windows without a token that could anchor a name ({@code mayAnchorName}). That only
 * leaves the findings unchanged while {@code vet} keeps no span without such a token: checked here for every span of
 * up to eight tokens in the forms development texts and some written for this test.
 */
class ModelWindowSkipTest {

    private static final PersonNameRecognizer NAMES = PersonNameRecognizer.withModel();

    @Test
    void vetKeepsNoSpanWithoutAnAnchor() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "Gesprek met mevrouw J.P. de Vries en dhr. Van der Berg over de Kerkstraat 12a.",
                "naam;adres\nSanne Visser;Biltstraat 101-3\nmohamed bouzid;Oudegracht 5 hs\n",
                "Bent u het niet eens? Bel 14 030 of mail Liesbeth Kamphuis van Dimence.",
                "Met vriendelijke groet,\nHester Tromp\nTeamleider Wmo\nSTICHTING JAN PIETER HEIJE"));
        for (FormsEvalSet.Doc d : FormsEvalSet.load("dev")) {
            texts.add(d.text());
        }
        int kept = 0;
        for (String text : texts) {
            List<TextToken> tokens = TextToken.tokenize(text);
            for (int from = 0; from < tokens.size(); from++) {
                for (int to = from + 1; to <= Math.min(tokens.size(), from + 8); to++) {
                    if (NAMES.vet(text, tokens, new TokenRange(from, to)) == null) {
                        continue;
                    }
                    kept++;
                    boolean anchored = false;
                    for (int k = from; k < to; k++) {
                        anchored |= NAMES.mayAnchorName(tokens.get(k));
                    }
                    assertThat(anchored).as("kept span without an anchor token").isTrue();
                }
            }
        }
        assertThat(kept).isGreaterThan(1000);
    }

    @Test
    void streetsPlacesNumbersAndLowerCaseWordsAnchorNoName() {
        List<TextToken> tokens = TextToken.tokenize("Kerkstraat 12 a ; 3511 AB Utrecht J.P. Visser van");
        assertThat(tokens).filteredOn(NAMES::mayAnchorName).extracting(TextToken::text)
                .containsExactly("J.P.", "Visser");
    }
}
