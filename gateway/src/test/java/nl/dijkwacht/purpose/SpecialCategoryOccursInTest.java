package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import org.junit.jupiter.api.Test;

/**
 * The guard asks the PII engine's term list only whether a term occurs ({@link SpecialCategoryRecognizer#occursIn}):
 * the same answer as whether {@code find} finds one, on every development prompt and on every listed phrase written in
 * the ways the walk reads words and separators.
 */
class SpecialCategoryOccursInTest {

    private static final SpecialCategoryRecognizer TERMS = new SpecialCategoryRecognizer();

    @Test
    void asFindOnEveryDevelopmentPrompt() {
        int found = 0;
        int none = 0;
        for (String text : EvalSet.developmentTexts()) {
            boolean expected = !TERMS.find(text).isEmpty();
            assertThat(TERMS.occursIn(text)).as(text).isEqualTo(expected);
            found += expected ? 1 : 0;
            none += expected ? 0 : 1;
        }
        assertThat(found).isPositive();
        assertThat(none).isPositive();
    }

    @Test
    void asFindOnEveryPhraseWrittenInManyWays() {
        List<String> texts = new ArrayList<>();
        for (EvalSet.Prompt p : EvalSet.load("dev").prompts()) {
            texts.add(p.text().toUpperCase(java.util.Locale.ROOT));
        }
        // the phrases as the PII engine's list holds them, found in the development prompts' own words: every text's words
        // two and three at a time, joined by the separators a phrase allows and by some it does not
        for (EvalSet.Prompt p : EvalSet.load("dev").prompts()) {
            String[] words = p.text().split("[^\\p{L}\\p{N}']+");
            for (int k = 0; k + 1 < words.length; k++) {
                for (String separator : List.of(" ", "-", "  ", " - ", ", ", "'")) {
                    texts.add(words[k] + separator + words[k + 1] + (k + 2 < words.length ? separator + words[k + 2] : ""));
                }
            }
        }
        int found = 0;
        for (String text : texts) {
            boolean expected = !TERMS.find(text).isEmpty();
            assertThat(TERMS.occursIn(text)).as(text).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).isPositive().isLessThan(texts.size());
    }
}
