package nl.dijkwacht.purpose;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import nl.dijkwacht.purpose.EvalSet.Label;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Eleventh round (task embed11): is a sentence-embedding layer (all-MiniLM-L6-v2, quantised, {@link SentenceEmbedder})
 * worth adding to the purpose guard? Every development prompt of ten writers (dev+heldout, held-out-2 … held-out-10;
 * never the unseen part) is embedded once (cached in {@code gateway/target/purpose-embeddings.bin}, keyed by the text's
 * SHA-256, no text stored), and a classifier on the embeddings is judged leave-one-writer-out: trained on the other
 * writers' prompts ({@code train=writers}), the generated corpus ({@code corpus}) or both ({@code both}); its thresholds
 * chosen on the other writers' prompts, each scored by a classifier that had not seen that writer either (nested), by
 * the same cost as {@link PurposeLeaveOneWriterOut}: the sum of the four class error rates. Classifiers
 * ({@code clf=}): {@code logreg} (OpenNLP maximum entropy, quasi-Newton, L2, on the 384 components split into positive
 * and negative parts), {@code knn} (cosine, k = 10, weighted by similarity) and {@code centroid} (cosine to each class's
 * mean).
 *
 * <p>Variants per writer: (a) the embedding classifier alone (argmax; and with two thresholds chosen without the
 * writer), (b) the shipped guard (shipped model and defaults), (c) the shipped guard with the embedding classifier
 * deciding its unsure band — in the guard-model slot (the rules and classifier unchanged, the factor steps off, as with
 * any guard model) and with the factor steps kept (the embedding decides only the prompts that reach the band); (d) as a
 * veto: a refusal is overturned when the embedding's allowed probability is at least {@code t}; (e) as an extra vote: an
 * allowed prompt is refused when the embedding's forbidden (or personal) probability is at least {@code t}. The veto and
 * vote thresholds start at "never" and move only when that lowers the cost on the other writers.
 * <p>Only in the Maven profile {@code embedding-eval}, which alone has the embedding model on the test class path:
 * <pre>
 * ./mvnw -q -B -o -Pembedding-eval -pl gateway test-compile exec:exec@purpose-embed -Dopts=embed,clf=logreg,train=writers
 * ./mvnw -q -B -o -Pembedding-eval -pl gateway test-compile exec:exec@purpose-embed -Dopts=embed-cost   # taskset -c 1
 * </pre>
 */
final class PurposeEmbeddingEvaluation {

    /**
     * Never embedded, loaded or judged here: the unseen parts ({@link EvalSet#UNSEEN}, run by the lead only). The writers
     * stay those of the eleventh round, whose record these figures are.
     */
    static final List<String> UNSEEN = EvalSet.UNSEEN;

    static final Map<String, List<String>> WRITERS = writers();
    /** The one writer no rule, cue or threshold of the shipped guard was tuned on (spent at the end of the tenth round). */
    static final String CLEAN = "heldout10";

    private static final Label[] LABELS = Label.values();
    private static final double NEVER = 1.01;
    private static final double[] OVERRIDE_GRID = {NEVER, 0.95, 0.90, 0.85, 0.80, 0.75, 0.70, 0.60, 0.50};
    private static final double[] BAND_GRID = {0.50, 0.45, 0.55, 0.40, 0.60, 0.35, 0.65, 0.30, 0.70};
    private static final double[] ALONE_GRID = {0.50, 0.30, 0.35, 0.40, 0.45, 0.55, 0.60, 0.65, 0.70};

    private PurposeEmbeddingEvaluation() {
    }

    /** {@code -Dopts=embed,clf=…,train=…} (the defaults: logreg, writers) or {@code -Dopts=embed-cost}. */
    public static void main(String[] args) throws IOException {
        if (PurposeEvaluation.opt("embed-cost") != null) {
            System.out.print(cost());
        } else {
            String clf = PurposeEvaluation.opt("clf");
            String train = PurposeEvaluation.opt("train");
            System.out.print(run(clf == null ? "logreg" : clf, train == null ? "writers" : train));
        }
    }

    private static Map<String, List<String>> writers() {
        Map<String, List<String>> w = new LinkedHashMap<>();
        w.put("dev+heldout", List.of("dev", "heldout"));
        for (int i = 2; i <= 10; i++) {
            w.put("heldout" + i, List.of("heldout" + i));
        }
        w.values().forEach(parts -> {
            parts.stream().filter(UNSEEN::contains).findFirst().ifPresent(part -> {
                throw new IllegalStateException(part + " is unseen");
            });
        });
        return w;
    }

    /** One development prompt with its writer, embedding and the shipped guard's view of it. */
    record Row(String writer, EvalSet.Prompt prompt, float[] x, Verdict shipped, boolean band) {
    }

    interface Model {
        /** Probabilities per {@link Label} (ordinal order), summing to 1. */
        double[] probs(float[] x);
    }

    // ------------------------------------------------------------------ leave one writer out

    static String run(String clf, String train) throws IOException {
        SentenceEmbedder embedder = new SentenceEmbedder();
        EmbeddingCache cache = EmbeddingCache.open(embedder);
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
        PurposeGuardPolicy defaults = PurposeGuardPolicy.DEFAULTS;
        PurposeGuardPolicy withBand = defaults.withGuardModel("embedding", Duration.ofSeconds(1), PurposeGuardPolicy.FailureOutcome.REFUSE);

        List<Row> rows = new ArrayList<>();
        for (var e : WRITERS.entrySet()) {
            for (String part : e.getValue()) {
                for (EvalSet.Prompt p : EvalSet.load(part).prompts()) {
                    Verdict shipped = guard.judge(List.of(p.text()), rules, defaults, null).verdict();
                    boolean[] asked = new boolean[1];
                    guard.judge(List.of(p.text()), rules, withBand, (m, q, t, b) -> {
                        asked[0] = true;
                        return new GuardModel.No();
                    });
                    rows.add(new Row(e.getKey(), p, cache.get(p.text()), shipped, asked[0]));
                }
            }
        }
        List<float[]> corpusX = new ArrayList<>();
        List<Label> corpusY = new ArrayList<>();
        if (!train.equals("writers")) {
            for (PurposeCorpus.Sample s : PurposeCorpus.generate()) {
                corpusX.add(cache.get(s.text()));
                corpusY.add(corpusLabel(s.category()));
            }
        }
        cache.save();
        System.err.printf(Locale.ROOT, "%d prompts embedded (%d corpus samples)%n", rows.size(), corpusX.size());

        Map<String, List<Row>> byWriter = new LinkedHashMap<>();
        rows.forEach(r -> byWriter.computeIfAbsent(r.writer(), k -> new ArrayList<>()).add(r));
        boolean useWriters = !train.equals("corpus");
        // outer: every writer's prompts scored by a model that never saw that writer; inner: the same without a second writer too
        Map<String, Map<Row, double[]>> outer = new LinkedHashMap<>();
        Map<String, Map<String, Map<Row, double[]>>> inner = new LinkedHashMap<>();
        Model corpusOnly = train.equals("corpus") ? train(clf, corpusX, corpusY) : null;
        for (String f : byWriter.keySet()) {
            outer.put(f, score(model(clf, byWriter, List.of(f), useWriters, corpusX, corpusY, corpusOnly), byWriter.get(f)));
            Map<String, Map<Row, double[]>> in = new LinkedHashMap<>();
            for (String v : byWriter.keySet()) {
                if (!v.equals(f)) {
                    in.put(v, score(model(clf, byWriter, List.of(f, v), useWriters, corpusX, corpusY, corpusOnly), byWriter.get(v)));
                }
            }
            inner.put(f, in);
            System.err.printf(Locale.ROOT, "writer %s done%n", f);
        }

        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("(a) embedding alone, argmax", new Variant(new double[] {0}, (r, p, t) -> argmax(p)));
        variants.put("(a') embedding alone, thresholds chosen without the writer", new Variant(ALONE_GRID, (r, p, t) ->
                p[Label.FORBIDDEN.ordinal()] >= t ? Verdict.FORBIDDEN_PURPOSE
                        : p[Label.PERSONAL_SPECIAL.ordinal()] >= 0.5 ? Verdict.PERSONAL_SPECIAL_CATEGORY : Verdict.ALLOWED,
                ALONE_GRID, (r, p, t, u) -> p[Label.FORBIDDEN.ordinal()] >= t ? Verdict.FORBIDDEN_PURPOSE
                        : p[Label.PERSONAL_SPECIAL.ordinal()] >= u ? Verdict.PERSONAL_SPECIAL_CATEGORY : Verdict.ALLOWED));
        variants.put("(b) shipped guard (defaults)", new Variant(new double[] {0}, (r, p, t) -> r.shipped()));
        variants.put("(c1) unsure band: embedding in the guard-model slot", new Variant(BAND_GRID,
                (r, p, t) -> guard.judge(List.of(r.prompt().text()), rules, withBand, answering(p, t)).verdict()));
        variants.put("(c2) unsure band: embedding decides the band, factor steps kept", new Variant(BAND_GRID,
                (r, p, t) -> r.band() ? guard.judge(List.of(r.prompt().text()), rules, withBand, answering(p, t)).verdict() : r.shipped()));
        variants.put("(d) veto: refusal overturned at P(allowed) >= t", new Variant(OVERRIDE_GRID,
                (r, p, t) -> r.shipped() != Verdict.ALLOWED && allowed(p) >= t ? Verdict.ALLOWED : r.shipped()));
        variants.put("(e) extra vote: allowed refused at P(forbidden or personal) >= t", new Variant(OVERRIDE_GRID,
                (r, p, t) -> r.shipped() != Verdict.ALLOWED ? r.shipped()
                        : p[Label.FORBIDDEN.ordinal()] >= t ? Verdict.FORBIDDEN_PURPOSE
                        : p[Label.PERSONAL_SPECIAL.ordinal()] >= t ? Verdict.PERSONAL_SPECIAL_CATEGORY : Verdict.ALLOWED));
        variants.put("(f) veto and vote, unsure band only", new Variant(OVERRIDE_GRID,
                (r, p, t) -> !r.band() ? r.shipped()
                        : r.shipped() != Verdict.ALLOWED ? (allowed(p) >= t ? Verdict.ALLOWED : r.shipped())
                        : p[Label.FORBIDDEN.ordinal()] >= t ? Verdict.FORBIDDEN_PURPOSE
                        : p[Label.PERSONAL_SPECIAL.ordinal()] >= t ? Verdict.PERSONAL_SPECIAL_CATEGORY : Verdict.ALLOWED));

        long band = rows.stream().filter(Row::band).count();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "embedding layer, leave one writer out: clf=%s, train=%s; %d prompts, %d writers; %d (%.1f %%) reach the shipped guard's unsure band%n"
                        + "figures: forbidden recall / near-miss refused / personal recall / generic refused (wrong)%n",
                clf, train, rows.size(), byWriter.size(), band, 100.0 * band / rows.size()));
        for (var v : variants.entrySet()) {
            out.append("\n### ").append(v.getKey()).append("\n\n| left out (n) | figures | t chosen without it |\n|---|---|---|\n");
            int[] pooled = new int[2 * LABELS.length];
            for (String f : byWriter.keySet()) {
                double[] t = v.getValue().choose(inner.get(f));
                int[] acc = counts(outer.get(f), v.getValue(), t);
                for (int i = 0; i < acc.length; i++) {
                    pooled[i] += acc[i];
                }
                out.append(String.format(Locale.ROOT, "| %s (%d) | %s | %s |%n", f, byWriter.get(f).size(), figures(acc),
                        v.getValue().describe(t)));
            }
            out.append(String.format(Locale.ROOT, "| pooled (%d) | %s | |%n", rows.size(), figures(pooled)));
            if (v.getValue().grid().length > 1 && v.getValue().two() == null) {
                // the sweep on the clean writer: whether any threshold would have helped it (read, not chosen on)
                out.append("\n").append(CLEAN).append(" at each t:");
                for (double t : v.getValue().grid()) {
                    out.append(String.format(Locale.ROOT, " %s → %s;", t >= NEVER ? "never" : String.format(Locale.ROOT, "%.2f", t),
                            figures(counts(outer.get(CLEAN), v.getValue(), new double[] {t}))));
                }
                out.append("\nthe other writers pooled at each t:");
                for (double t : v.getValue().grid()) {
                    int[] acc = new int[2 * LABELS.length];
                    outer.forEach((w, scored) -> {
                        if (!w.equals(CLEAN)) {
                            int[] a = counts(scored, v.getValue(), new double[] {t});
                            for (int i = 0; i < a.length; i++) {
                                acc[i] += a[i];
                            }
                        }
                    });
                    out.append(String.format(Locale.ROOT, " %s → %s;", t >= NEVER ? "never" : String.format(Locale.ROOT, "%.2f", t), figures(acc)));
                }
                out.append("\n");
            }
        }
        return out.toString();
    }

    private static GuardModel answering(double[] p, double t) {
        return (model, question, text, budget) -> {
            double yes = question == GuardModel.Question.FORBIDDEN_PURPOSE ? p[Label.FORBIDDEN.ordinal()]
                    : p[Label.PERSONAL_SPECIAL.ordinal()];
            return yes >= t ? new GuardModel.Yes() : new GuardModel.No();
        };
    }

    private static double allowed(double[] p) {
        return p[Label.NEAR_MISS.ordinal()] + p[Label.GENERIC_SPECIAL.ordinal()];
    }

    private static Verdict argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return LABELS[best].expected;
    }

    interface Decision {
        Verdict decide(Row r, double[] p, double t);
    }

    interface Decision2 {
        Verdict decide(Row r, double[] p, double t, double u);
    }

    /** A decision with one threshold (or two, searched one after the other), chosen by the sum of the class error rates. */
    record Variant(double[] grid, Decision one, double[] grid2, Decision2 two) {

        Variant(double[] grid, Decision one) {
            this(grid, one, null, null);
        }

        Variant(double[] grid, Decision one, double[] grid2, Decision2 two) {
            this.grid = grid;
            this.one = one;
            this.grid2 = grid2;
            this.two = two;
        }

        Verdict decide(Row r, double[] p, double[] t) {
            return two == null ? one.decide(r, p, t[0]) : two.decide(r, p, t[0], t[1]);
        }

        double[] choose(Map<String, Map<Row, double[]>> others) {
            double[] best = two == null ? new double[] {grid[0]} : new double[] {grid[0], grid2[0]};
            double bestCost = cost(others, best);
            for (int axis = 0; axis < best.length; axis++) {
                for (double g : axis == 0 ? grid : grid2) {
                    double[] trial = best.clone();
                    trial[axis] = g;
                    double c = cost(others, trial);
                    if (c < bestCost - 1e-9) {
                        bestCost = c;
                        best = trial;
                    }
                }
            }
            return best;
        }

        private double cost(Map<String, Map<Row, double[]>> others, double[] t) {
            int[] acc = new int[2 * LABELS.length];
            others.values().forEach(scored -> {
                int[] a = counts(scored, this, t);
                for (int i = 0; i < a.length; i++) {
                    acc[i] += a[i];
                }
            });
            double c = 0;
            for (Label l : LABELS) {
                int n = acc[2 * l.ordinal() + 1];
                c += n == 0 ? 0 : 1.0 - (double) acc[2 * l.ordinal()] / n;
            }
            return c;
        }

        String describe(double[] t) {
            if (grid.length == 1) {
                return "—";
            }
            StringBuilder s = new StringBuilder();
            for (double v : t) {
                s.append(s.isEmpty() ? "" : ", ").append(v >= NEVER ? "never" : String.format(Locale.ROOT, "%.2f", v));
            }
            return s.toString();
        }
    }

    /** Right and total per class: {right(l0), n(l0), right(l1), n(l1), …}. */
    static int[] counts(Map<Row, double[]> scored, Variant v, double[] t) {
        int[] acc = new int[2 * LABELS.length];
        scored.forEach((r, p) -> {
            Label l = r.prompt().label();
            acc[2 * l.ordinal() + 1]++;
            if (v.decide(r, p, t) == l.expected) {
                acc[2 * l.ordinal()]++;
            }
        });
        return acc;
    }

    private static String figures(int[] acc) {
        int wrong = 0;
        double[] rate = new double[LABELS.length];
        for (Label l : LABELS) {
            int n = acc[2 * l.ordinal() + 1];
            rate[l.ordinal()] = n == 0 ? 1 : (double) acc[2 * l.ordinal()] / n;
            wrong += n - acc[2 * l.ordinal()];
        }
        return String.format(Locale.ROOT, "%.3f / %.1f %% / %.3f / %.1f %% (%d)", rate[Label.FORBIDDEN.ordinal()],
                100 * (1 - rate[Label.NEAR_MISS.ordinal()]), rate[Label.PERSONAL_SPECIAL.ordinal()],
                100 * (1 - rate[Label.GENERIC_SPECIAL.ordinal()]), wrong);
    }

    private static Map<Row, double[]> score(Model m, List<Row> rows) {
        Map<Row, double[]> out = new java.util.IdentityHashMap<>();
        rows.forEach(r -> out.put(r, m.probs(r.x())));
        return out;
    }

    private static Model model(String clf, Map<String, List<Row>> byWriter, List<String> without, boolean useWriters,
                               List<float[]> corpusX, List<Label> corpusY, Model corpusOnly) throws IOException {
        if (corpusOnly != null) {
            return corpusOnly;
        }
        List<float[]> xs = new ArrayList<>(corpusX);
        List<Label> ys = new ArrayList<>(corpusY);
        if (useWriters) {
            byWriter.forEach((w, rs) -> {
                if (!without.contains(w)) {
                    rs.forEach(r -> {
                        xs.add(r.x());
                        ys.add(r.prompt().label());
                    });
                }
            });
        }
        return train(clf, xs, ys);
    }

    static Label corpusLabel(String category) {
        return switch (category) {
            case PurposeClassifier.PERSONAL -> Label.PERSONAL_SPECIAL;
            case PurposeClassifier.TOPIC -> Label.GENERIC_SPECIAL;
            case PurposeClassifier.ALLOWED -> Label.NEAR_MISS;
            default -> Label.FORBIDDEN;
        };
    }

    // ------------------------------------------------------------------ classifiers on the embeddings

    static Model train(String clf, List<float[]> xs, List<Label> ys) throws IOException {
        return switch (clf) {
            case "knn" -> knn(xs, ys, 10);
            case "centroid" -> centroid(xs, ys);
            case "logreg" -> logreg(xs, ys);
            default -> throw new IllegalArgumentException("unknown classifier " + clf);
        };
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The k most similar training prompts vote, each with its cosine similarity (the vectors have length 1). */
    static Model knn(List<float[]> xs, List<Label> ys, int k) {
        float[][] train = xs.toArray(float[][]::new);
        Label[] labels = ys.toArray(Label[]::new);
        return x -> {
            double[] sims = new double[train.length];
            Integer[] order = new Integer[train.length];
            for (int i = 0; i < train.length; i++) {
                sims[i] = dot(x, train[i]);
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
            double[] p = new double[LABELS.length];
            double sum = 0;
            for (int i = 0; i < Math.min(k, order.length); i++) {
                double w = Math.max(1e-6, sims[order[i]]);
                p[labels[order[i]].ordinal()] += w;
                sum += w;
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
            return p;
        };
    }

    /** Cosine similarity to each class's mean vector, turned into probabilities by a softmax (temperature 1/20). */
    static Model centroid(List<float[]> xs, List<Label> ys) {
        int dim = xs.getFirst().length;
        float[][] mean = new float[LABELS.length][dim];
        for (int i = 0; i < xs.size(); i++) {
            float[] m = mean[ys.get(i).ordinal()];
            for (int d = 0; d < dim; d++) {
                m[d] += xs.get(i)[d];
            }
        }
        for (float[] m : mean) {
            double norm = Math.sqrt(dot(m, m));
            for (int d = 0; d < dim; d++) {
                m[d] /= (float) Math.max(norm, 1e-9);
            }
        }
        return x -> {
            double[] p = new double[LABELS.length];
            double sum = 0;
            for (int c = 0; c < p.length; c++) {
                p[c] = Math.exp(20 * dot(x, mean[c]));
                sum += p[c];
            }
            for (int c = 0; c < p.length; c++) {
                p[c] /= sum;
            }
            return p;
        };
    }

    /** Multinomial logistic regression: OpenNLP maximum entropy, quasi-Newton with L2, real-valued features. */
    static Model logreg(List<float[]> xs, List<Label> ys) throws IOException {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, Integer.getInteger("embed.iterations", 200));
        params.put(TrainingParameters.CUTOFF_PARAM, 0);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        params.put("L2Cost", Double.parseDouble(System.getProperty("embed.l2", "0.5")));
        params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
        params.put("PrintMessages", false);
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        String[] context = names(xs.getFirst().length);
        ObjectStream<Event> events = new ObjectStream<>() {
            private int i;

            @Override
            public Event read() {
                if (i >= xs.size()) {
                    return null;
                }
                Event e = new Event(ys.get(i).name(), context, values(xs.get(i)));
                i++;
                return e;
            }

            @Override
            public void reset() {
                i = 0;
            }
        };
        MaxentModel m = trainer.train(events);
        int[] index = new int[LABELS.length];
        for (Label l : LABELS) {
            index[l.ordinal()] = m.getIndex(l.name());
        }
        return x -> {
            double[] raw = m.eval(context, values(x));
            double[] p = new double[LABELS.length];
            for (Label l : LABELS) {
                p[l.ordinal()] = index[l.ordinal()] < 0 ? 0 : raw[index[l.ordinal()]];
            }
            return p;
        };
    }

    /** Each component as two non-negative features (its positive and negative part), scaled to about ±1. */
    private static float[] values(float[] x) {
        float[] v = new float[2 * x.length];
        for (int d = 0; d < x.length; d++) {
            v[2 * d] = Math.max(0, x[d]) * 10;
            v[2 * d + 1] = Math.max(0, -x[d]) * 10;
        }
        return v;
    }

    private static String[] names(int dim) {
        String[] n = new String[2 * dim];
        for (int d = 0; d < dim; d++) {
            n[2 * d] = "d" + d + "+";
            n[2 * d + 1] = "d" + d + "-";
        }
        return n;
    }

    // ------------------------------------------------------------------ cost

    /**
     * The cost of the layer on one core (run pinned: {@code taskset -c 1}): start-up (model load and session), heap held
     * by the model, and per call the embedding interleaved with the shipped guard's {@code judge}, over every prompt of
     * the dev part, 3 warm-up rounds and 10 measured rounds.
     */
    static String cost() {
        Runtime rt = Runtime.getRuntime();
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
        List<String> texts = EvalSet.load("dev").prompts().stream().map(EvalSet.Prompt::text).toList();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long rssBefore = rssKb();
        long start = System.nanoTime();
        SentenceEmbedder embedder = new SentenceEmbedder();
        embedder.vector("Hallo");
        double startupMs = (System.nanoTime() - start) / 1e6;
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        long rssAfter = rssKb();
        for (int round = 0; round < 3; round++) {
            for (String t : texts) {
                embedder.vector(t);
                guard.judge(List.of(t), rules, PurposeGuardPolicy.DEFAULTS, null);
            }
        }
        int rounds = Integer.getInteger("embed.rounds", 10);
        long[] embed = new long[texts.size() * rounds];
        long[] judge = new long[texts.size() * rounds];
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (String t : texts) {
                long a = System.nanoTime();
                embedder.vector(t);
                long b = System.nanoTime();
                guard.judge(List.of(t), rules, PurposeGuardPolicy.DEFAULTS, null);
                long c = System.nanoTime();
                embed[k] = b - a;
                judge[k++] = c - b;
            }
        }
        Arrays.sort(embed);
        Arrays.sort(judge);
        return String.format(Locale.ROOT,
                "start-up (load + first call) %.0f ms; Java heap held after GC %+.1f MB; resident set %+.0f MB (ONNX Runtime and tokenizer native memory)%n"
                        + "%d calls each, interleaved: embedding p50 %.2f ms, p99 %.2f ms, max %.2f ms; shipped judge p50 %.3f ms, p99 %.3f ms%n",
                startupMs, (heapAfter - heapBefore) / 1e6, (rssAfter - rssBefore) / 1024.0, embed.length, pct(embed, 0.5), pct(embed, 0.99),
                embed[embed.length - 1] / 1e6, pct(judge, 0.5), pct(judge, 0.99));
    }

    /** The process's resident set (Linux), in kB; 0 elsewhere. */
    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static double pct(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, sorted.length * q)] / 1e6;
    }

    // ------------------------------------------------------------------ the embedding cache

    /** Embeddings by the SHA-256 of the text (no text stored), kept in gateway/target between runs. */
    static final class EmbeddingCache {
        private final SentenceEmbedder embedder;
        private final Path file;
        private final Map<String, float[]> vectors;
        private int added;

        private EmbeddingCache(SentenceEmbedder embedder, Path file, Map<String, float[]> vectors) {
            this.embedder = embedder;
            this.file = file;
            this.vectors = vectors;
        }

        static EmbeddingCache open(SentenceEmbedder embedder) throws IOException {
            Path target = Files.isDirectory(Path.of("gateway")) ? Path.of("gateway/target") : Path.of("target");
            Path file = target.resolve("purpose-embeddings.bin");
            Map<String, float[]> vectors = new HashMap<>();
            if (Files.exists(file)) {
                try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                    int n = in.readInt();
                    int dim = in.readInt();
                    for (int i = 0; i < n; i++) {
                        String key = in.readUTF();
                        float[] v = new float[dim];
                        for (int d = 0; d < dim; d++) {
                            v[d] = in.readFloat();
                        }
                        vectors.put(key, v);
                    }
                }
            }
            return new EmbeddingCache(embedder, file, vectors);
        }

        float[] get(String text) {
            return vectors.computeIfAbsent(key(text), k -> {
                added++;
                if (added % 500 == 0) {
                    System.err.printf(Locale.ROOT, "%d embedded%n", added);
                }
                return embedder.vector(text);
            });
        }

        void save() throws IOException {
            if (added == 0) {
                return;
            }
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(vectors.size());
                out.writeInt(384);
                for (var e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        private static String key(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
