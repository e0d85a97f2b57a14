package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import org.junit.jupiter.api.Test;

/**
 * The shipped purpose classifier is exactly what the training command makes from its training set
 * ({@link PurposeModelTrainer#trainingSet}): retraining gives the same scores on every development prompt (the model
 * file's bytes differ only in the manifest timestamp). Also checks the layered guard on a few clear cases, and that the
 * generated part of the training set (corpus and ordinary traffic) shares no prompt with the evaluation set.
 */
class PurposeModelReproducibilityTest {

    @Test
    void retrainingFromTheCorpusGivesTheShippedModel() throws Exception {
        PurposeClassifier shipped = PurposeClassifier.shipped();
        PurposeClassifier retrained = new PurposeClassifier(PurposeModelTrainer.train(PurposeModelTrainer.trainingSet()));
        SpecialCategoryRecognizer terms = new SpecialCategoryRecognizer();
        for (EvalSet.Prompt p : EvalSet.load("dev").prompts()) {
            boolean term = !terms.find(p.text()).isEmpty();
            assertThat(retrained.classify(p.text(), term)).as("scores of a development prompt").isEqualTo(shipped.classify(p.text(), term));
        }
    }

    @Test
    void corpusSharesNoPromptWithTheEvaluationSet() {
        List<String> eval = new java.util.ArrayList<>();
        int parts = 0;
        for (String part : EvalSet.all()) {
            List<EvalSet.Prompt> prompts = EvalSet.load(part).prompts();
            assertThat(prompts.isEmpty()).as("%s is empty", part).isFalse();
            prompts.forEach(p -> eval.add(p.text().toLowerCase(java.util.Locale.ROOT).strip()));
            parts++;
        }
        java.util.Set<String> corpus = new java.util.HashSet<>();
        // the generated part of the training set: the corpus and the ordinary traffic, the latter as many samples as any
        // trial drew (the development writers' prompts, when the trainer adds them, are evaluation prompts by design)
        PurposeModelTrainer.generated().forEach(s -> corpus.add(s.text().toLowerCase(java.util.Locale.ROOT).strip()));
        OrdinaryTraffic.generate(OrdinaryTraffic.CHECKED).forEach(s -> corpus.add(s.text().toLowerCase(java.util.Locale.ROOT).strip()));
        // sizes and counts only: a failing hasSize / noneMatch on the list would print held-out prompts
        // each part's own size is asserted by its counts test in EvalSetFormatTest
        assertThat(parts).as("evaluation parts read").isEqualTo(EvalSet.PARTS.size());
        assertThat(eval.stream().filter(corpus::contains).count()).as("evaluation prompts also in the training corpus").isZero();
    }

    @Test
    void layeredGuardDecidesClearCases() {
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
        var rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        Judgement fraud = guard.judge(List.of("Zet deze twintig huishoudens op volgorde van kans dat ze frauderen."), rules,
                PurposeGuardPolicy.DEFAULTS, null);
        assertThat(fraud.verdict()).isEqualTo(Verdict.FORBIDDEN_PURPOSE);
        assertThat(fraud.purposeId()).isEqualTo("fraude-risicoscore");
        assertThat(fraud.summary()).startsWith("forbidden-purpose:fraude-risicoscore/");
        Judgement topic = guard.judge(List.of("Schrijf een nieuwsbericht over de griepprik voor zestigplussers."), rules,
                PurposeGuardPolicy.DEFAULTS, null);
        assertThat(topic.verdict()).isEqualTo(Verdict.ALLOWED);
        Judgement personal = guard.judge(List.of("Maak een verslag: mevrouw Brouwer heeft borstkanker en kan niet komen."), rules,
                PurposeGuardPolicy.DEFAULTS, null);
        assertThat(personal.verdict()).isEqualTo(Verdict.PERSONAL_SPECIAL_CATEGORY);
    }
}
