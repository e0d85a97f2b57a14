package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written tokenising (PurposeCues, fold without a regex) gives exactly the tokens of the regex version
 * ({@link RegexPurposeTokens}) the model was trained with, on every eval prompt, the whole training corpus and
 * accented, upper-case and combining-mark variants of them.
 */
class PurposeTokensEquivalenceTest {

    @Test
    void sameTokensAsTheRegexVersionOnEvalSetsAndCorpus() {
        List<String> texts = texts();
        assertThat(texts).hasSizeGreaterThan(9_000);
        int special = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            for (boolean term : new boolean[] {false, true}) {
                String[] expected = RegexPurposeTokens.of(text, term);
                assertThat(PurposeTokens.of(text, term)).as("text #%d", i).containsExactly(expected);
                special += List.of(expected).contains("__bijzonder-woord") ? 1 : 0;
            }
        }
        assertThat(special).as("texts with a special-category word").isGreaterThan(500);
    }

    @Test
    void sameTokensOnAccentedAndUpperCaseVariants() {
        List<String> variants = new ArrayList<>();
        for (String t : texts().subList(0, 1_500)) {
            variants.add(t.toUpperCase(Locale.ROOT));
            variants.add(t.replace("e", "é").replace("a", "ä").replace("i", "ï"));
            variants.add(t.replace("o", "o\u0308").replace("u", "u\u0301\u20DD").replace("k", "\u212A"));
        }
        for (int i = 0; i < variants.size(); i++) {
            String text = variants.get(i);
            assertThat(PurposeTokens.of(text, true)).as("variant #%d", i).containsExactly(RegexPurposeTokens.of(text, true));
        }
    }

    private static List<String> texts() {
        return Stream.concat(Stream.of("dev", "heldout", "heldout2").flatMap(p -> EvalSet.load(p).prompts().stream())
                        .map(EvalSet.Prompt::text),
                PurposeCorpus.generate().stream().map(PurposeCorpus.Sample::text)).toList();
    }
}
