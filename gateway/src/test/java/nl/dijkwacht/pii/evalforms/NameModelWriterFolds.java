package nl.dijkwacht.pii.evalforms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.name.FormsNameSamples;
import nl.dijkwacht.pii.detect.name.NameModelAlone;
import nl.dijkwacht.pii.detect.name.NameModelEngines;
import nl.dijkwacht.pii.detect.name.NameModelTrainer;
import nl.dijkwacht.pii.evalforms.FormsEvalSet.Doc;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Leave-one-writer-out for the name model: does training on the hand-written forms' PERSON spans (besides the
 * generated template sentences) keep more names of a writer the model has not seen, without redacting more harmless
 * look-alikes? For each left-out writer: train on the templates plus every part by other writers, write the model to
 * {@code target/name-folds/}, and score the engine with it on the left-out part beside the engine with the shipped
 * model (same measures as {@link FormsEvaluation}; only figures, no mismatches).
 *
 * <pre>
 * ./mvnw -q -B -o -pl gateway test-compile exec:exec@pii-name-folds -Dfolds="heldout10 heldout11 heldout12"
 * ./mvnw -q -B -o -pl gateway exec:exec@pii-name-folds -Dfolds="--reuse heldout12"   # score a fold's model again
 * ./mvnw -q -B -o -pl gateway exec:exec@pii-name-folds -Dfolds="--plain heldout15"   # also learn12's model
 * ./mvnw -q -B -o -pl gateway exec:exec@pii-name-folds -Dfolds="--only-plain --templates=2 heldout15"
 * </pre>
 *
 * Per fold it trains the templates + other writers' forms model with the field-key features
 * ({@code NameModelTrainer.Features.FORM}, names49) and, with {@code --plain}, also with the template features
 * (learn12's; {@code --only-plain}: that one only); {@code --templates=N} puts the template sentences in N times
 * (their weight against the forms); one tab-separated line per fold and model goes to {@code target/name-model-writer-folds.tsv} for
 * pooled figures.
 *
 * A fold is named by a part; {@code dev} and {@code heldout} were written by one writer and are left out together.
 * Appends one table per fold to {@code target/name-model-writer-folds.md}. The shipped model is not changed.
 */
public final class NameModelWriterFolds {

    /** The parts by writer. */
    static final Map<String, List<String>> WRITERS = writers();

    private static Map<String, List<String>> writers() {
        Map<String, List<String>> w = new LinkedHashMap<>();
        w.put("dev", List.of("dev", "heldout"));
        for (String split : FormsEvalSet.SPLITS) {
            if (!split.equals("dev") && !split.equals("heldout")) {
                w.put(split, List.of(split));
            }
        }
        return w;
    }

    static String writerOf(String part) {
        return part.equals("heldout") ? "dev" : part;
    }

    private static final List<String> LOOK_ALIKES = List.of("organisation", "street", "role");

    public static void main(String[] args) throws IOException {
        List<String> folds = new ArrayList<>();
        boolean reuse = false;
        boolean plain = false; // also the templates + forms model with the template features (learn12's)
        boolean fieldKeys = true; // the model with the field-key features
        int templateCopies = 1; // how often the template sentences go into the training data
        for (String a : args) {
            for (String f : a.trim().split("\\s+")) {
                if (f.equals("--reuse")) {
                    reuse = true; // a model already in target/name-folds/ is scored again, not trained again
                } else if (f.equals("--plain")) {
                    plain = true;
                } else if (f.equals("--only-plain")) {
                    plain = true;
                    fieldKeys = false;
                } else if (f.startsWith("--templates=")) {
                    templateCopies = Integer.parseInt(f.substring("--templates=".length()));
                } else if (!f.isEmpty()) {
                    if (!WRITERS.containsKey(writerOf(f))) {
                        throw new IllegalArgumentException("no such part: " + f + " (" + FormsEvalSet.SPLITS + ")");
                    }
                    folds.add(writerOf(f));
                }
            }
        }
        if (folds.isEmpty()) {
            folds = List.of("heldout10", "heldout11", "heldout12");
        }
        Path target = Files.isDirectory(Path.of("src/test/resources")) ? Path.of("target") : Path.of("gateway/target");
        Path models = target.resolve("name-folds");
        Files.createDirectories(models);
        Path report = target.resolve("name-model-writer-folds.md");
        Path rows = target.resolve("name-model-writer-folds.tsv");
        Map<String, List<Doc>> parts = new LinkedHashMap<>();
        for (String split : FormsEvalSet.SPLITS) {
            parts.put(split, FormsEvalSet.load(split));
        }
        List<NameSample> templates = NameModelTrainer.templateSamples();
        PiiEngine shipped = NameModelEngines.shipped();
        PiiEngine rulesOnly = NameModelEngines.rulesOnly();
        List<Doc> letters = FormsEvaluation.letterSet();
        for (String fold : folds) {
            long t0 = System.nanoTime();
            List<Doc> training = new ArrayList<>();
            List<Doc> leftOut = new ArrayList<>();
            parts.forEach((split, docs) -> (writerOf(split).equals(fold) ? leftOut : training).addAll(docs));
            int[] counts = new int[3];
            List<NameSample> samples = new ArrayList<>();
            for (int c = 0; c < templateCopies; c++) {
                samples.addAll(templates);
            }
            samples.addAll(FormsNameSamples.of(training, counts));
            String copies = templateCopies == 1 ? "" : " (templates x" + templateCopies + ")";
            String suffix = templateCopies == 1 ? "" : "-t" + templateCopies;
            List<Variant> variants = new ArrayList<>();
            if (plain) {
                variants.add(new Variant("templates + other writers' forms" + copies,
                        NameModelTrainer.Features.TEMPLATE, models.resolve("nl-person-without-" + fold + suffix + ".bin")));
            }
            if (fieldKeys) {
                variants.add(new Variant("templates + other writers' forms, field-key features" + copies,
                        NameModelTrainer.Features.FORM,
                        models.resolve("nl-person-form-without-" + fold + suffix + ".bin")));
            }
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "%n#### Fold: writer of %s left out (%d documents)%n%nTrained on %d template sentences%s + %d form "
                            + "sentences (%d PERSON spans) from %d documents of the other writers; %d sentences left out "
                            + "(a label not on whole tokens).%n",
                    String.join("+", WRITERS.get(fold)), leftOut.size(), templates.size(), copies, counts[0],
                    counts[2], training.size(), counts[1]));
            for (Variant v : variants) {
                long started = System.nanoTime();
                if (!(reuse && Files.exists(v.file()))) {
                    NameModelTrainer.write(NameModelTrainer.train(samples, v.features()), v.file());
                }
                b.append(String.format(Locale.ROOT, "Model %s: %s (%d bytes), training %.0f s%s.%n", v.name(), v.file(),
                        Files.size(v.file()), (System.nanoTime() - started) / 1e9,
                        reuse ? " (--reuse: an existing model file is not trained again)" : ""));
            }
            b.append('\n');
            b.append("| model | names kept | harmless intact | precision | exact precision | identifiers kept | ");
            LOOK_ALIKES.forEach(k -> b.append(k).append(" intact | "));
            b.append("letter-like names kept | letter-like PERSON precision |\n|---|---|---|---|---|---|");
            LOOK_ALIKES.forEach(k -> b.append("---|"));
            b.append("---|---|\n");
            row(b, fold, "no model (name rules only)", rulesOnly, leftOut, letters, rows);
            row(b, fold, "shipped", shipped, leftOut, letters, rows);
            List<TokenNameFinderModel> learnedModels = new ArrayList<>();
            List<PiiEngine> learnedEngines = new ArrayList<>();
            for (Variant v : variants) {
                TokenNameFinderModel m = new TokenNameFinderModel(v.file());
                learnedModels.add(m);
                learnedEngines.add(NameModelEngines.with(m));
                row(b, fold, v.name(), learnedEngines.getLast(), leftOut, letters, rows);
            }
            int[] leftOutCounts = new int[3];
            List<NameSample> leftOutSentences = FormsNameSamples.of(leftOut, leftOutCounts);
            b.append("\nThe model alone (no rules, no vetting) on the left-out writer's ").append(leftOutCounts[0])
                    .append(" sentences (").append(leftOutCounts[2]).append(" names), and the names the engine missed "
                            + "by how they are written:\n\n| model | model alone: same tokens | model alone: covered | "
                            + "model alone: spans on a name | engine missed: lower-case | engine missed: ALL CAPS | "
                            + "engine missed: other | engine missed, model alone covers |\n|---|---|---|---|---|---|---|---|\n");
            diagnosis(b, "shipped", NameModelEngines.shippedModel(), shipped, leftOutSentences, leftOut);
            for (int v = 0; v < variants.size(); v++) {
                diagnosis(b, variants.get(v).name(), learnedModels.get(v), learnedEngines.get(v), leftOutSentences,
                        leftOut);
            }
            b.append(String.format(Locale.ROOT, "%nFold time %.0f s.%n", (System.nanoTime() - t0) / 1e9));
            Files.writeString(report, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.print(b);
        }
        System.out.println("appended to " + report.toAbsolutePath());
    }

    /** A model trained for a fold: its name in the report, its features, its file. */
    private record Variant(String name, NameModelTrainer.Features features, Path file) {
    }

    private static void row(StringBuilder b, String fold, String name, PiiEngine engine, List<Doc> docs,
            List<Doc> letters, Path rows) throws IOException {
        FormsEvaluation forms = new FormsEvaluation(engine);
        FormsEvaluation.Tally t = forms.scoreAll(docs, Doc::form).get("all");
        FormsEvaluation letterEval = new FormsEvaluation(engine);
        letterEval.scoreAll(letters, d -> "letters");
        FormsEvaluation.TypeTally letterNames = letterEval.byType.getOrDefault(FormsEvalSet.PERSON,
                new FormsEvaluation.TypeTally());
        b.append("| ").append(name).append(" | ").append(rate(t.nameKept, t.nameGold)).append(" | ")
                .append(rate(t.intact, t.harmless)).append(" | ").append(rate(t.findingsOnGold, t.findings))
                .append(" | ").append(rate(t.findingsExact, t.findings)).append(" | ")
                .append(rate(t.idKept, t.idGold)).append(" | ");
        for (String kind : LOOK_ALIKES) {
            int[] k = forms.byHarmlessKind.getOrDefault(kind, new int[2]);
            b.append(rate(k[1], k[0])).append(" | ");
        }
        b.append(rate(letterNames.kept, letterNames.gold)).append(" | ")
                .append(rate(letterNames.findingsOnGold, letterNames.findings)).append(" |\n");
        // one tab-separated line per fold and model, for the pooled figures (summed over folds)
        Files.writeString(rows, String.join("\t", fold, name, "" + t.nameKept, "" + t.nameGold, "" + t.intact,
                "" + t.harmless, "" + t.findingsOnGold, "" + t.findings, "" + t.idKept, "" + t.idGold,
                "" + letterNames.kept, "" + letterNames.gold, "" + letterNames.findingsOnGold,
                "" + letterNames.findings) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static void diagnosis(StringBuilder b, String name, TokenNameFinderModel model, PiiEngine engine,
            List<NameSample> sentences, List<Doc> docs) {
        NameModelAlone.Score alone = NameModelAlone.score(model, sentences);
        int[] missed = new int[4]; // by shape, then how many of them the model by itself covers
        for (Doc d : docs) {
            List<int[]> modelSpans = NameModelAlone.spans(model, d.text());
            boolean[] covered = new boolean[d.text().length()];
            for (Finding f : engine.detect(d.text())) {
                for (int i = f.start(); i < f.end(); i++) {
                    covered[i] = true;
                }
            }
            for (FormsEvalSet.Span g : d.entities()) {
                if (!g.type().equals(FormsEvalSet.PERSON)) {
                    continue;
                }
                boolean kept = true;
                for (int i = g.start(); i < g.end(); i++) {
                    kept &= !Character.isLetterOrDigit(d.text().charAt(i)) || covered[i];
                }
                if (!kept) {
                    missed[shape(g.value())]++;
                    missed[3] += modelSpans.stream().anyMatch(m -> m[0] <= g.start() && g.end() <= m[1]) ? 1 : 0;
                }
            }
        }
        b.append("| ").append(name).append(" | ").append(rate(alone.exact(), alone.gold())).append(" | ")
                .append(rate(alone.covered(), alone.gold())).append(" | ")
                .append(rate(alone.predictedOnGold(), alone.predicted())).append(" | ").append(missed[0]).append(" | ")
                .append(missed[1]).append(" | ").append(missed[2]).append(" | ").append(missed[3]).append(" |\n");
    }

    /** 0: no capital letter, 1: two or more letters and all capitals, 2: anything else. */
    private static int shape(String value) {
        boolean upper = false;
        boolean lower = false;
        int letters = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                upper |= Character.isUpperCase(c);
                lower |= Character.isLowerCase(c);
            }
        }
        return !upper ? 0 : !lower && letters >= 2 ? 1 : 2;
    }

    private static String rate(int num, int den) {
        return den == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) num / den, num, den);
    }
}
