package nl.dijkwacht.purpose;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;

/**
 * Fifth-round validation on "new writers": the classifier trained on the corpus of the class path (an earlier round's
 * {@code PurposeCorpus} compiled ahead of this one, see docs/bench/purpose-clean-pairs.sh) judges the hand-written
 * parts that corpus was never shaped by, with the real {@link LayeredPurposeGuard} and the thresholds of
 * {@code -Dopts} (as {@link PurposeEvaluation}). Prints recall / false refusals per part; never lists prompts and
 * never reads an unseen part ({@link EvalSet#UNSEEN}).
 * <pre>
 * java -cp OLD_CORPUS_CLASSES:target/test-classes:target/classes:CP -Dopts=... nl.dijkwacht.purpose.PurposeCleanPairs heldout2 heldout3
 * </pre>
 */
final class PurposeCleanPairs {

    private PurposeCleanPairs() {
    }

    /** An unseen part ({@link EvalSet#UNSEEN}) is run once, by the lead, with {@link PurposeEvaluation}. */
    static void refuseUnseen(String part) {
        if (EvalSet.UNSEEN.contains(part)) {
            throw new IllegalArgumentException(part + " is unseen: run once, by the lead, with PurposeEvaluation");
        }
    }

    public static void main(String[] parts) throws IOException {
        PurposeClassifier classifier = new PurposeClassifier(PurposeModelTrainer.train(PurposeCorpus.generate()));
        LayeredPurposeGuard guard = new LayeredPurposeGuard(classifier, new SpecialCategoryRecognizer());
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        PurposeGuardPolicy settings = PurposeEvaluation.thresholds();
        for (String part : parts) {
            refuseUnseen(part);
            EvalSet set = EvalSet.load(part);
            EvalReport report = new EvalReport("layered", set, t -> guard.judge(List.of(t), rules, settings, null).verdict());
            long wrong = set.prompts().stream()
                    .filter(p -> guard.judge(List.of(p.text()), rules, settings, null).verdict() != p.label().expected).count();
            System.out.printf(Locale.ROOT, "| %s (%d) | %.2f | %.1f %% | %.2f | %.1f %% | %d |%n", part, set.prompts().size(),
                    report.recall(EvalSet.Label.FORBIDDEN), 100 * report.falseRefusals(EvalSet.Label.NEAR_MISS),
                    report.recall(EvalSet.Label.PERSONAL_SPECIAL), 100 * report.falseRefusals(EvalSet.Label.GENERIC_SPECIAL), wrong);
        }
    }
}
