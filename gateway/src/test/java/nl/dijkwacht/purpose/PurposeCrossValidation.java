package nl.dijkwacht.purpose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;

/**
 * k-fold cross-validation of the layered guard over the development data (dev, the first held-out part, held-out-2
 * and held-out-3: 680 hand-written prompts). The prompts are split into k folds stratified by class and detail (fixed
 * seed); for each fold a classifier is trained on the generated corpus plus the hand-written prompts of the other
 * folds (each {@code hand} times; {@code hand=0}: the corpus alone, one model for all folds) and judges the prompts of
 * the held fold. Every prompt is judged once, by a model that never saw it: an estimate of how the guard does on
 * staff phrasings it was not trained on. Feature generators: {@code -Dpurpose.features=bow+ngram+stem}. From the
 * repository root:
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile exec:exec@purpose-eval -Dguard=layered -Dopts=cv=5,hand=1
 * </pre>
 */
final class PurposeCrossValidation {

    static final long SEED = 20261202L;
    /** The development data of the fourth round; held-out-4 is never part of it. */
    static final List<String> PARTS = List.of("dev", "heldout", "heldout2", "heldout3");

    private PurposeCrossValidation() {
    }

    record Result(EvalSet all, Map<EvalSet.Prompt, Verdict> verdicts, Map<EvalSet.Prompt, String> source) {
    }

    static Result run(int k, int hand, PurposeGuardPolicy settings, List<ForbiddenPurpose> rules) throws IOException {
        List<EvalSet.Prompt> prompts = new ArrayList<>();
        Map<EvalSet.Prompt, String> source = new java.util.IdentityHashMap<>();
        for (String part : PARTS) {
            for (EvalSet.Prompt p : EvalSet.load(part).prompts()) {
                prompts.add(p);
                source.put(p, part);
            }
        }
        int[] fold = folds(prompts, k);
        List<PurposeCorpus.Sample> corpus = PurposeCorpus.generate();
        SpecialCategoryRecognizer terms = new SpecialCategoryRecognizer();
        Map<EvalSet.Prompt, Verdict> verdicts = new java.util.IdentityHashMap<>();
        LayeredPurposeGuard corpusOnly = hand == 0
                ? new LayeredPurposeGuard(new PurposeClassifier(PurposeModelTrainer.train(corpus)), terms) : null;
        for (int f = 0; f < k; f++) {
            List<EvalSet.Prompt> train = new ArrayList<>();
            List<EvalSet.Prompt> test = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                (fold[i] == f ? test : train).add(prompts.get(i));
            }
            LayeredPurposeGuard guard = corpusOnly;
            if (guard == null) {
                List<PurposeCorpus.Sample> samples = new ArrayList<>(corpus);
                samples.addAll(PurposeModelTrainer.handWritten(train, hand));
                guard = new LayeredPurposeGuard(new PurposeClassifier(PurposeModelTrainer.train(samples)), terms);
            }
            for (EvalSet.Prompt p : test) {
                verdicts.put(p, guard.judge(List.of(p.text()), rules, settings, null).verdict());
            }
            System.err.printf(Locale.ROOT, "fold %d/%d done%n", f + 1, k);
        }
        return new Result(new EvalSet("cv" + k + "-hand" + hand, List.copyOf(prompts)), verdicts, source);
    }

    /** Stratified by class/detail: each group shuffled with a fixed seed and dealt round-robin over the folds. */
    static int[] folds(List<EvalSet.Prompt> prompts, int k) {
        Map<String, List<Integer>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < prompts.size(); i++) {
            EvalSet.Prompt p = prompts.get(i);
            groups.computeIfAbsent(p.label().tsvName + "/" + p.detail(), g -> new ArrayList<>()).add(i);
        }
        Random random = new Random(SEED);
        int[] fold = new int[prompts.size()];
        int next = 0;
        for (List<Integer> group : groups.values()) {
            java.util.Collections.shuffle(group, random);
            for (int i : group) {
                fold[i] = next++ % k;
            }
        }
        return fold;
    }

    /** The confusion table over all prompts, then recall / false refusals per source part. */
    static String report(Result r) {
        StringBuilder out = new StringBuilder(markdown(r.all(), r.verdicts()));
        out.append("\n| part | forbidden recall | near-miss refused | personal recall | generic refused |\n|---|---:|---:|---:|---:|\n");
        for (String part : PARTS) {
            List<EvalSet.Prompt> in = r.all().prompts().stream().filter(p -> r.source().get(p).equals(part)).toList();
            EvalReport rep = new EvalReport("cv", new EvalSet(part, in), verdictOf(r, in));
            out.append(String.format(Locale.ROOT, "| %s (%d) | %.2f | %.1f %% | %.2f | %.1f %% |%n", part, in.size(),
                    rep.recall(EvalSet.Label.FORBIDDEN), 100 * rep.falseRefusals(EvalSet.Label.NEAR_MISS),
                    rep.recall(EvalSet.Label.PERSONAL_SPECIAL), 100 * rep.falseRefusals(EvalSet.Label.GENERIC_SPECIAL)));
        }
        return out.toString();
    }

    static String markdown(EvalSet set, Map<EvalSet.Prompt, Verdict> verdicts) {
        return new EvalReport("layered, cross-validated", set, verdictOf(new Result(set, verdicts, Map.of()), set.prompts())).markdown();
    }

    /** EvalReport judges by text; the prompts are walked in order, so hand out the verdicts in that order. */
    private static java.util.function.Function<String, Verdict> verdictOf(Result r, List<EvalSet.Prompt> order) {
        java.util.Iterator<EvalSet.Prompt> it = order.iterator();
        return text -> {
            EvalSet.Prompt p = it.next();
            if (!p.text().equals(text)) {
                throw new IllegalStateException("prompts out of order");
            }
            return r.verdicts().get(p);
        };
    }
}
