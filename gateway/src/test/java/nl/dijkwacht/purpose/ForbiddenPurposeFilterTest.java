package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PolicyLoader;
import nl.dijkwacht.policy.TestPack;
import org.junit.jupiter.api.Test;

/**
 * The literal pre-check of {@link ForbiddenPurpose#matches} only saves work: on every eval prompt and every training
 * corpus text, each default-pack pattern that finds a match passes its pre-check, and every rule decides exactly
 * as running all its patterns would.
 */
class ForbiddenPurposeFilterTest {

    private static final List<ForbiddenPurpose> RULES = new PolicyLoader().load(TestPack.DEFAULT_POLICIES, TestPack.DEFAULT_MODELS)
            .governance().forbiddenPurposes();

    @Test
    void everyDefaultPatternHasAPreCheck() {
        for (ForbiddenPurpose rule : RULES) {
            assertThat(rule.required()).as(rule.id()).allSatisfy(group -> assertThat(group).doesNotContainNull());
        }
    }

    @Test
    void sameDecisionsAsRunningEveryPatternOnAllEvalAndCorpusTexts() {
        List<String> texts = texts();
        assertThat(texts).hasSizeGreaterThan(9_000);
        int hits = 0;
        for (ForbiddenPurpose rule : RULES) {
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                boolean expected = allPatterns(rule, text);
                assertThat(rule.matches(text)).as("%s on eval/corpus text #%d", rule.id(), i).isEqualTo(expected);
                hits += expected ? 1 : 0;
                assertPreChecksPass(rule, text);
            }
        }
        assertThat(hits).as("texts the rules refuse").isGreaterThan(200);
    }

    @Test
    void caseAndUnicodeVariantsDecideTheSame() {
        List<String> texts = new ArrayList<>();
        for (String t : texts().subList(0, 600)) {
            texts.add(t.toUpperCase(java.util.Locale.ROOT));
            texts.add(t.replace('s', 'ſ').replace('k', '\u212A').replace('i', 'ı'));
            texts.add(t.replace("client", "CLIËNT").replace(" ", "\u00A0"));
        }
        for (ForbiddenPurpose rule : RULES) {
            for (String text : texts) {
                assertThat(rule.matches(text)).as(rule.id()).isEqualTo(allPatterns(rule, text));
                assertPreChecksPass(rule, text);
            }
        }
    }

    private static void assertPreChecksPass(ForbiddenPurpose rule, String text) {
        String lower = null;
        for (int g = 0; g < rule.match().size(); g++) {
            for (int p = 0; p < rule.match().get(g).size(); p++) {
                Pattern pattern = rule.match().get(g).get(p);
                List<String> literals = rule.required().get(g).get(p);
                if (literals != null && pattern.matcher(text).find()) {
                    String folded = fold(text);
                    assertThat(literals).as("%s: pre-check of %s", rule.id(), pattern).anyMatch(folded::contains);
                }
            }
        }
    }

    /** The decision before the pre-check: every pattern of every group runs. */
    private static boolean allPatterns(ForbiddenPurpose rule, String text) {
        for (List<Pattern> group : rule.match()) {
            if (group.stream().noneMatch(p -> p.matcher(text).find())) {
                return false;
            }
        }
        return true;
    }

    private static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.chars().forEach(c -> b.append(Character.toLowerCase(Character.toUpperCase((char) c))));
        return b.toString();
    }

    private static List<String> texts() {
        return Stream.concat(Stream.of("dev", "heldout", "heldout2").flatMap(p -> EvalSet.load(p).prompts().stream())
                        .map(EvalSet.Prompt::text),
                PurposeCorpus.generate().stream().map(PurposeCorpus.Sample::text)).toList();
    }
}
