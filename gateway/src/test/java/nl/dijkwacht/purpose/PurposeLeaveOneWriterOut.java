package nl.dijkwacht.purpose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;

/**
 * Leave-one-writer-out (seventh round; held-out-7 added in the eighth, held-out-8 in the ninth, held-out-9 in the tenth, held-out-10 in the eleventh, held-out-11 in the twelfth, held-out-12 in the thirteenth, held-out-13 in the fourteenth, held-out-14 in the fifteenth, held-out-15 in the sixteenth, held-out-16 in the seventeenth): what a new
 * writer would see. The development data comes from sixteen writers (dev and the first held-out part are one writer's
 * prompts, split once; held-out-2 … held-out-16 one writer each). For each
 * writer in turn, every decision that can be re-run is made without that writer's prompts: the classifier is trained on
 * the generated corpus plus the other writers' prompts ({@code hand} times each; {@code hand=0}: the corpus alone, which
 * contains no evaluation prompt), and the thresholds are chosen on the other writers' prompts only (coordinate descent
 * from the policy defaults over {@link #GRID}, minimising the sum of the four class error rates: forbidden missed, near
 * misses refused, personal missed, generic refused). Then the left-out writer is judged once. Prints, per writer, the
 * figures with the thresholds chosen without it and with the shipped defaults. Never reads an unseen part.
 *
 * <p>What cannot be re-run: the corpus sentences, token lists and cue words were written by tuners who had read earlier
 * sets' errors (held-out-4/5 for the round-6 cues, held-out-6 for the round-7 cues, held-out-7 for the round-8 cues, held-out-8 for the
 * round-9 cues, held-out-9 for the round-10 cues, held-out-10 for the round-11 cues, held-out-11 for the round-12 cues, held-out-12 for the round-13 cues, held-out-13 for the round-14 cues, held-out-14 for the round-15 cues, held-out-15 for the round-16 cues); only held-out-16 is clean of them before the seventeenth round's changes. See docs/pii-evaluation.md.
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile exec:exec@purpose-eval -Dguard=layered -Dopts=lowo,hand=0
 * </pre>
 */
final class PurposeLeaveOneWriterOut {

    /** Writer → its parts. */
    static final Map<String, List<String>> WRITERS = writers();

    /** Candidate values per threshold, searched one threshold at a time from the defaults. */
    static final Map<String, double[]> GRID = grid();

    private PurposeLeaveOneWriterOut() {
    }

    private static Map<String, List<String>> writers() {
        Map<String, List<String>> w = new LinkedHashMap<>();
        w.put("dev+heldout", List.of("dev", "heldout"));
        for (String part : EvalSet.DEVELOPMENT.subList(2, EvalSet.DEVELOPMENT.size())) { // dev and heldout are one writer
            w.put(part, List.of(part));
        }
        return w;
    }

    private static Map<String, double[]> grid() {
        Map<String, double[]> g = new LinkedHashMap<>();
        g.put("refuse-at", new double[] {0.70, 0.75, 0.80, 0.85, 0.90});
        g.put("allow-below", new double[] {0.10, 0.15, 0.20, 0.25, 0.30, 0.35});
        g.put("decide-at", new double[] {0.50, 0.55, 0.60, 0.65, 0.70, 0.75});
        g.put("verdict-on-cases-at", new double[] {0.30, 0.35, 0.40, 0.45, 0.50, 0.55});
        g.put("personal-at", new double[] {0.20, 0.25, 0.30, 0.35, 0.40});
        g.put("topic-below", new double[] {0.20, 0.25, 0.30, 0.35});
        g.put("personal-named-at", new double[] {0.10, 0.15, 0.20, 0.25, 0.30});
        g.put("topic-unnamed-below", new double[] {0.30, 0.35, 0.40, 0.45, 0.50, 0.55});
        return g;
    }

    static String run(int hand, List<ForbiddenPurpose> rules) throws IOException {
        Map<String, List<EvalSet.Prompt>> byWriter = new LinkedHashMap<>();
        for (var e : WRITERS.entrySet()) {
            List<EvalSet.Prompt> prompts = new ArrayList<>();
            e.getValue().forEach(part -> prompts.addAll(EvalSet.load(part).prompts()));
            byWriter.put(e.getKey(), prompts);
        }
        // the generated part of what the trainer ships (corpus + ordinary traffic, -Dpurpose.ordinary=)
        List<PurposeCorpus.Sample> corpus = PurposeModelTrainer.generated();
        SpecialCategoryRecognizer terms = new SpecialCategoryRecognizer();
        PurposeClassifier corpusOnly = hand == 0 ? new PurposeClassifier(PurposeModelTrainer.train(corpus)) : null;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "leave-one-writer-out, hand=%d: forbidden recall / near-miss refused / personal recall / generic refused (wrong)%n%n"
                        + "| left out (n) | thresholds chosen without it | shipped defaults | chosen thresholds (changed from defaults) |%n"
                        + "|---|---|---|---|%n", hand));
        int[] totals = new int[2];
        Map<String, int[]> pooled = new LinkedHashMap<>();
        for (String writer : WRITERS.keySet()) {
            List<EvalSet.Prompt> others = new ArrayList<>();
            byWriter.forEach((w, ps) -> {
                if (!w.equals(writer)) {
                    others.addAll(ps);
                }
            });
            PurposeClassifier classifier = corpusOnly;
            if (classifier == null) {
                List<PurposeCorpus.Sample> samples = new ArrayList<>(corpus);
                samples.addAll(PurposeModelTrainer.handWritten(others, hand));
                classifier = new PurposeClassifier(PurposeModelTrainer.train(samples));
            }
            LayeredPurposeGuard guard = new LayeredPurposeGuard(classifier, terms);
            Map<String, Double> chosen = choose(guard, rules, others);
            EvalSet left = new EvalSet(writer, byWriter.get(writer));
            EvalReport tuned = report(guard, rules, left, settings(chosen));
            EvalReport shipped = report(guard, rules, left, PurposeGuardPolicy.DEFAULTS);
            totals[0] += wrong(tuned, left);
            totals[1] += wrong(shipped, left);
            add(pooled, "tuned", tuned);
            add(pooled, "shipped", shipped);
            out.append(String.format(Locale.ROOT, "| %s (%d) | %s | %s | %s |%n", writer, left.prompts().size(),
                    figures(tuned, left), figures(shipped, left), changed(chosen)));
            System.err.printf(Locale.ROOT, "writer %s done%n", writer);
        }
        out.append(String.format(Locale.ROOT, "| pooled (%d) | %s | %s | |%n",
                byWriter.values().stream().mapToInt(List::size).sum(), pooledFigures(pooled.get("tuned"), totals[0]),
                pooledFigures(pooled.get("shipped"), totals[1])));
        return out.toString();
    }

    /** Coordinate descent from the defaults, two passes; ties keep the current value (the default first). */
    static Map<String, Double> choose(LayeredPurposeGuard guard, List<ForbiddenPurpose> rules, List<EvalSet.Prompt> train) {
        Map<String, Double> current = defaults();
        double best = cost(guard, rules, train, settings(current));
        for (int pass = 0; pass < 2; pass++) {
            for (var e : GRID.entrySet()) {
                for (double v : e.getValue()) {
                    Map<String, Double> trial = new LinkedHashMap<>(current);
                    trial.put(e.getKey(), v);
                    if (!valid(trial)) {
                        continue;
                    }
                    double c = cost(guard, rules, train, settings(trial));
                    if (c < best - 1e-9) {
                        best = c;
                        current = trial;
                    }
                }
            }
        }
        return current;
    }

    /** The sum of the four class error rates: each class counts alike, whatever its size. */
    static double cost(LayeredPurposeGuard guard, List<ForbiddenPurpose> rules, List<EvalSet.Prompt> prompts, PurposeGuardPolicy settings) {
        int[] n = new int[EvalSet.Label.values().length];
        int[] wrong = new int[n.length];
        for (EvalSet.Prompt p : prompts) {
            Verdict v = guard.judge(List.of(p.text()), rules, settings, null).verdict();
            n[p.label().ordinal()]++;
            if (v != p.label().expected) {
                wrong[p.label().ordinal()]++;
            }
        }
        double cost = 0;
        for (int i = 0; i < n.length; i++) {
            cost += n[i] == 0 ? 0 : (double) wrong[i] / n[i];
        }
        return cost;
    }

    private static boolean valid(Map<String, Double> t) {
        return t.get("allow-below") < t.get("refuse-at") && t.get("decide-at") < t.get("refuse-at")
                && t.get("topic-below") <= t.get("personal-at");
    }

    static Map<String, Double> defaults() {
        PurposeGuardPolicy d = PurposeGuardPolicy.DEFAULTS;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("refuse-at", d.refuseAt());
        m.put("allow-below", d.allowBelow());
        m.put("decide-at", d.decideAt());
        m.put("verdict-on-cases-at", d.verdictOnCasesAt());
        m.put("personal-at", d.personalAt());
        m.put("topic-below", d.topicBelow());
        m.put("personal-named-at", d.personalNamedAt());
        m.put("topic-unnamed-below", d.topicUnnamedBelow());
        return m;
    }

    static PurposeGuardPolicy settings(Map<String, Double> t) {
        PurposeGuardPolicy d = PurposeGuardPolicy.DEFAULTS;
        return d.withThresholds(t.get("refuse-at"), t.get("allow-below"), t.get("personal-at"), t.get("topic-below"),
                        t.get("decide-at"), d.personalWithoutTermAt())
                .withFactorThresholds(t.get("verdict-on-cases-at"), t.get("personal-named-at"), t.get("topic-unnamed-below"))
                .withDomainVerdictAt(d.domainVerdictAt());
    }

    private static String changed(Map<String, Double> chosen) {
        Map<String, Double> d = defaults();
        StringBuilder s = new StringBuilder();
        chosen.forEach((k, v) -> {
            if (Math.abs(v - d.get(k)) > 1e-9) {
                s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", k, v));
            }
        });
        return s.isEmpty() ? "defaults" : s.toString();
    }

    private static EvalReport report(LayeredPurposeGuard guard, List<ForbiddenPurpose> rules, EvalSet set, PurposeGuardPolicy settings) {
        Function<String, Verdict> judge = t -> guard.judge(List.of(t), rules, settings, null).verdict();
        return new EvalReport("layered", set, judge);
    }

    private static int wrong(EvalReport r, EvalSet set) {
        int wrong = 0;
        for (EvalSet.Label l : EvalSet.Label.values()) {
            long n = set.prompts().stream().filter(p -> p.label() == l).count();
            wrong += (int) Math.round(n * (1 - r.recall(l)));
        }
        return wrong;
    }

    /** Right verdicts and totals per class, pooled over the writers. */
    private static void add(Map<String, int[]> pooled, String key, EvalReport r) {
        int[] acc = pooled.computeIfAbsent(key, k -> new int[2 * EvalSet.Label.values().length]);
        for (EvalSet.Label l : EvalSet.Label.values()) {
            acc[2 * l.ordinal()] += r.confusion.get(l).get(l.expected);
            acc[2 * l.ordinal() + 1] += r.total(l);
        }
    }

    private static String pooledFigures(int[] acc, int wrong) {
        double[] rate = new double[EvalSet.Label.values().length];
        for (EvalSet.Label l : EvalSet.Label.values()) {
            rate[l.ordinal()] = acc[2 * l.ordinal() + 1] == 0 ? 1 : (double) acc[2 * l.ordinal()] / acc[2 * l.ordinal() + 1];
        }
        return String.format(Locale.ROOT, "%.3f / %.1f %% / %.3f / %.1f %% (%d)", rate[EvalSet.Label.FORBIDDEN.ordinal()],
                100 * (1 - rate[EvalSet.Label.NEAR_MISS.ordinal()]), rate[EvalSet.Label.PERSONAL_SPECIAL.ordinal()],
                100 * (1 - rate[EvalSet.Label.GENERIC_SPECIAL.ordinal()]), wrong);
    }

    private static String figures(EvalReport r, EvalSet set) {
        return String.format(Locale.ROOT, "%.2f / %.1f %% / %.2f / %.1f %% (%d)", r.recall(EvalSet.Label.FORBIDDEN),
                100 * r.falseRefusals(EvalSet.Label.NEAR_MISS), r.recall(EvalSet.Label.PERSONAL_SPECIAL),
                100 * r.falseRefusals(EvalSet.Label.GENERIC_SPECIAL), wrong(r, set));
    }
}
