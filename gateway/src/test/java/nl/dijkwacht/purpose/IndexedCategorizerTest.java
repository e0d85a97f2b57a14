package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexedCategorizer} gives the categorizer's probabilities bit for bit, so no verdict of the purpose guard changes:
 * on every development prompt (held-out-11 is never opened here), on multi-turn conversations made of them, and through
 * the whole guard.
 */
class IndexedCategorizerTest {

    /** Every evaluation part written so far except held-out-11, which only the lead runs, once. */
    private static final List<String> PARTS = List.of("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
            "heldout7", "heldout8", "heldout9", "heldout10");

    private static DoccatModel model;
    private static List<String> prompts;
    private static final SpecialCategoryRecognizer TERMS = new SpecialCategoryRecognizer();

    @BeforeAll
    static void load() {
        model = PurposeClassifier.shippedModel();
        prompts = PARTS.stream().flatMap(part -> EvalSet.load(part).prompts().stream()).map(EvalSet.Prompt::text).toList();
    }

    @Test
    void theShippedModelIsEvaluatedByTokenNumbers() {
        assertThat(IndexedCategorizer.of(model)).isPresent();
        assertThat(new PurposeClassifier(model).indexed()).isTrue();
        assertThat(new PurposeClassifier(model, false).indexed()).isFalse();
    }

    @Test
    void sameProbabilitiesAsTheCategorizerOnEveryEvaluationPromptAndConversation() {
        IndexedCategorizer indexed = IndexedCategorizer.of(model).orElseThrow();
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        int compared = 0;
        List<String> texts = texts();
        for (String text : texts) {
            for (boolean term : new boolean[] {false, true}) {
                String[] tokens = PurposeTokens.of(text, term);
                double[] expected = categorizer.categorize(tokens);
                double[] actual = indexed.categorize(tokens);
                // Arrays.equals on doubles compares the bits: the same rounding, not merely close
                assertThat(Arrays.equals(actual, expected)).as("probabilities for a text of %d characters", text.length()).isTrue();
                compared++;
            }
        }
        assertThat(compared).isEqualTo(2 * texts.size()).isGreaterThan(2 * prompts.size());
    }

    @Test
    void theGuardJudgesEveryPromptAndConversationAlike() {
        LayeredPurposeGuard before = new LayeredPurposeGuard(new PurposeClassifier(model, false), TERMS);
        LayeredPurposeGuard after = new LayeredPurposeGuard(new PurposeClassifier(model, true), TERMS);
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        int refused = 0;
        int judged = 0;
        for (List<String> messages : conversations()) {
            Judgement expected = before.judge(messages, rules, PurposeGuardPolicy.DEFAULTS, null);
            assertThat(after.judge(messages, rules, PurposeGuardPolicy.DEFAULTS, null)).isEqualTo(expected);
            refused += expected.refusesPurpose() ? 1 : 0;
            judged++;
        }
        // both sides of the guard are exercised
        assertThat(refused).isPositive().isLessThan(judged);
    }

    @Test
    void aModelWithOtherFeaturesIsLeftToTheCategorizer() throws Exception {
        List<PurposeCorpus.Sample> corpus = PurposeModelTrainer.trainingSet().subList(0, 300);
        DoccatModel stems = PurposeModelTrainer.train(corpus, "bow+ngram+stem");
        assertThat(IndexedCategorizer.of(stems)).isEmpty();
        assertThat(new PurposeClassifier(stems).indexed()).isFalse();
        DoccatModel wordsOnly = PurposeModelTrainer.train(corpus, "bow");
        assertThat(IndexedCategorizer.of(wordsOnly)).isEmpty();
        // a model made as the shipped one but trained afresh is indexed, with the same probabilities
        DoccatModel fresh = PurposeModelTrainer.train(corpus, "bow+ngram");
        IndexedCategorizer indexed = IndexedCategorizer.of(fresh).orElseThrow();
        DocumentCategorizerME categorizer = new DocumentCategorizerME(fresh);
        for (String text : prompts.subList(0, 300)) {
            String[] tokens = PurposeTokens.of(text, false);
            assertThat(Arrays.equals(indexed.categorize(tokens), categorizer.categorize(tokens))).isTrue();
        }
    }

    /** Each prompt alone, and runs of two to six prompts joined as the guard joins a conversation's messages. */
    private static List<String> texts() {
        return conversations().stream().map(messages -> String.join("\n", messages)).toList();
    }

    private static List<List<String>> conversations() {
        List<List<String>> out = new ArrayList<>();
        prompts.forEach(p -> out.add(List.of(p)));
        for (int turns = 2; turns <= 6; turns++) {
            for (int from = 0; from + turns <= prompts.size(); from += 7 * turns) {
                out.add(prompts.subList(from, from + turns));
            }
        }
        return out;
    }
}
