package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexedCategorizer} gives the categorizer's probabilities bit for bit, so no verdict of the purpose guard changes:
 * on every development prompt, on multi-turn conversations made of them, and through
 * the whole guard — with its weights laid out dense and from the token numbers alone (an unknown token is −1, with no
 * text to fall back on: a model where that could miss a pair's weights is declined).
 */
class IndexedCategorizerTest {

    private static DoccatModel model;
    private static List<String> prompts;
    private static final SpecialCategoryRecognizer TERMS = new SpecialCategoryRecognizer();

    @BeforeAll
    static void load() {
        model = PurposeClassifier.shippedModel();
        prompts = EvalSet.developmentTexts();
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

    @Test
    void theNumbersAloneGiveTheCategorizersProbabilities() {
        IndexedCategorizer indexed = IndexedCategorizer.of(model).orElseThrow();
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        int unknown = 0;
        int prefixes = 0;
        for (String text : texts()) {
            String[] tokens = PurposeTokens.of(text, !TERMS.find(text).isEmpty());
            int[] numbers = Arrays.stream(tokens).mapToInt(indexed::number).toArray();
            // a pair with an unknown token (−1) has no weights, and a known pair has its own number
            int[] pairs = indexed.pairs(numbers);
            for (int i = 0; i < pairs.length; i++) {
                if (numbers[i] < 0 || numbers[i + 1] < 0) {
                    assertThat(pairs[i]).isEqualTo(-1);
                }
            }
            assertThat(Arrays.equals(indexed.categorize(numbers, pairs), categorizer.categorize(tokens))).isTrue();
            unknown += (int) Arrays.stream(numbers).filter(n -> n < 0).count();
            prefixes += (int) Arrays.stream(tokens).filter(t -> t.startsWith("p:") && indexed.number(t) < 0).count();
        }
        // unknown tokens, and unknown prefix tokens (the ones holding a colon), are met
        assertThat(unknown).isPositive();
        assertThat(prefixes).isPositive();
    }

    @Test
    void aPairsSlotHoldsBothTokenNumbersAndItsNumberUpToTheirLimits() {
        // 2^20 token numbers (0 … 2^20 − 1) and 2^24 − 2 pair numbers: the largest slot is not the free mark (−1)
        assertThat(IndexedCategorizer.fitsPairSlots(1 << 20, (1 << 24) - 2)).isTrue();
        assertThat(IndexedCategorizer.fitsPairSlots((1 << 20) + 1, 10)).isFalse();
        assertThat(IndexedCategorizer.fitsPairSlots(10, (1 << 24) - 1)).isFalse();
        assertThat(IndexedCategorizer.TOKEN_BITS * 2 + IndexedCategorizer.PAIR_NUMBER_BITS).isEqualTo(Long.SIZE);
    }

    @Test
    void onlyTheTokensPurposeTokensMakesMayHoldAColon() {
        assertThat(IndexedCategorizer.tokenShaped("p:beoor")).isTrue();
        assertThat(IndexedCategorizer.tokenShaped("beoordeling")).isTrue();
        assertThat(IndexedCategorizer.tokenShaped("__titelnaam")).isTrue();
        assertThat(IndexedCategorizer.tokenShaped("p:beo")).isFalse();
        assertThat(IndexedCategorizer.tokenShaped("p:beoor:x")).isFalse();
        assertThat(IndexedCategorizer.tokenShaped("zz:p")).isFalse();
        assertThat(IndexedCategorizer.tokenShaped("")).isFalse();
        // every token of every development prompt has the shape
        for (String text : prompts) {
            assertThat(PurposeTokens.of(text, true)).allMatch(IndexedCategorizer::tokenShaped);
        }
    }

    @Test
    void aModelWhosePairCouldHoldAnUnknownTokenIsLeftToTheCategorizer() throws Exception {
        // "zz:p" + "abcde" makes the pair feature ng=:zz:p:abcde, which the tokens "zz" and "p:abcde" — neither known
        // to this model — would make too: their numbers (−1) cannot find its weights
        List<DocumentSample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(new DocumentSample(i % 2 == 0 ? "a" : "b", new String[] {"zz:p", "abcde", i % 2 == 0 ? "ja" : "nee"}));
        }
        DoccatModel odd = train(samples);
        assertThat(IndexedCategorizer.of(odd)).isEmpty();
        // the same without the colon is indexed
        List<DocumentSample> plain = samples.stream()
                .map(d -> new DocumentSample(d.getCategory(), new String[] {"zz", "abcde", d.getText()[2]})).toList();
        assertThat(IndexedCategorizer.of(train(plain))).isPresent();
    }

    @Test
    void aModelOfOtherThanSixOutcomesIsSummedAlike() throws Exception {
        // the shipped model's six outcomes are summed in locals; any other count by the general loop
        List<DocumentSample> samples = new ArrayList<>();
        String[] words = {"aanvraag", "bijstand", "sollicitant", "fraude", "vraag", "brief", "p:aanvr"};
        for (int i = 0; i < 60; i++) {
            samples.add(new DocumentSample(String.valueOf((char) ('a' + i % 3)),
                    new String[] {words[i % words.length], words[(i * 3 + 1) % words.length], words[(i / 3) % words.length]}));
        }
        DoccatModel three = train(samples);
        IndexedCategorizer indexed = IndexedCategorizer.of(three).orElseThrow();
        DocumentCategorizerME categorizer = new DocumentCategorizerME(three);
        for (int i = 0; i < words.length; i++) {
            String[] tokens = {words[i], words[(i + 2) % words.length], "onbekend", words[(i + 5) % words.length]};
            assertThat(categorizer.categorize(tokens)).hasSize(3);
            assertThat(Arrays.equals(indexed.categorize(tokens), categorizer.categorize(tokens))).as(String.join(" ", tokens)).isTrue();
        }
    }

    private static DoccatModel train(List<DocumentSample> samples) throws Exception {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, 20);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        return DocumentCategorizerME.train("nl", ObjectStreamUtils.createObjectStream(samples), params,
                new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator()}));
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
