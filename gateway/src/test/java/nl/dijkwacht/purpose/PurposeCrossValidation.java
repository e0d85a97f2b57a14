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
 * k-fold cross-validation of the layered guard over the development data (dev, the first held-out part, held-out-2,
 * held-out-3 … held-out-16: 3,252 hand-written prompts). The prompts are split into k folds stratified by class and detail (fixed
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
    /** The development data ({@link EvalSet#DEVELOPMENT}: held-out-16 joined it in the seventeenth round); never an unseen part. */
    static final List<String> PARTS = EvalSet.DEVELOPMENT;

    private PurposeCrossValidation() {
    }

    record Result(EvalSet all, Map<EvalSet.Prompt, Verdict> verdicts, Map<EvalSet.Prompt, String> source,
                  Map<EvalSet.Prompt, String> why) {
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
        Map<EvalSet.Prompt, String> why = new java.util.IdentityHashMap<>();
        StringBuilder scores = new StringBuilder("part\tclass\tdetail\trule\tterm\tforbidden\tpurpose\tpersonal\ttopic\tcue\ttext\n");
        PurposeClassifier corpusOnly = hand == 0 ? new PurposeClassifier(PurposeModelTrainer.train(corpus)) : null;
        for (int f = 0; f < k; f++) {
            List<EvalSet.Prompt> train = new ArrayList<>();
            List<EvalSet.Prompt> test = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                (fold[i] == f ? test : train).add(prompts.get(i));
            }
            PurposeClassifier classifier = corpusOnly;
            if (classifier == null) {
                List<PurposeCorpus.Sample> samples = new ArrayList<>(corpus);
                samples.addAll(PurposeModelTrainer.handWritten(train, hand));
                classifier = new PurposeClassifier(PurposeModelTrainer.train(samples));
            }
            LayeredPurposeGuard guard = new LayeredPurposeGuard(classifier, terms);
            for (EvalSet.Prompt p : test) {
                Judgement j = guard.judge(List.of(p.text()), rules, settings, null);
                verdicts.put(p, j.verdict());
                PurposeClassifier.Scores sc = classifier.classify(p.text(), j.specialTerm());
                boolean ruleHit = rules.stream().anyMatch(r -> r.matches(p.text()));
                scores.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%.4f\t%s\t%.4f\t%.4f\t%s\t%s%n", source.get(p),
                        p.label().tsvName, p.detail(), ruleHit, j.specialTerm(), sc.forbidden(), sc.purpose(),
                        sc.personalSpecial(), sc.topicSpecial(),
                        PurposeCues.of(PurposeTokens.fold(p.text())).specialWord, p.text().replace('\t', ' ')));
                why.put(p, String.format(Locale.ROOT, "%s [forbidden %.2f %s, personal %.2f, topic %.2f, term %s]",
                        j.summary(), sc.forbidden(), sc.purpose(), sc.personalSpecial(), sc.topicSpecial(), j.specialTerm()));
            }
            System.err.printf(Locale.ROOT, "fold %d/%d done%n", f + 1, k);
        }
        // every prompt's scores, for sweeping the thresholds without retraining
        String out = System.getProperty("purpose.cv.scores");
        if (out != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(out), scores);
        }
        return new Result(new EvalSet("cv" + k + "-hand" + hand, List.copyOf(prompts)), verdicts, source, why);
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

    /** The wrong verdicts, each with its part, the layer and score that decided it, and the prompt. */
    static String errors(Result r) {
        StringBuilder out = new StringBuilder();
        for (EvalSet.Prompt p : r.all().prompts()) {
            Verdict v = r.verdicts().get(p);
            if (v != p.label().expected) {
                out.append(String.format(Locale.ROOT, "%s %s/%s -> %s %s | %s%n", r.source().get(p), p.label().tsvName,
                        p.detail(), v, r.why().get(p), p.text()));
            }
        }
        return out.toString();
    }

    static String markdown(EvalSet set, Map<EvalSet.Prompt, Verdict> verdicts) {
        return new EvalReport("layered, cross-validated", set, verdictOf(new Result(set, verdicts, Map.of(), Map.of()), set.prompts())).markdown();
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
