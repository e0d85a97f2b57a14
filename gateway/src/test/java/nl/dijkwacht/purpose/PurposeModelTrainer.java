package nl.dijkwacht.purpose;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the purpose classifier from {@link PurposeCorpus} and writes it to
 * {@code gateway/src/main/resources/purpose/purpose-doccat.bin} (the corpus to {@code gateway/target/purpose-corpus.tsv}
 * for inspection). From the repository root:
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile exec:exec@purpose-train
 * </pre>
 * Maximum entropy (GIS), 150 iterations, cutoff 2, one thread: deterministic, so a re-run gives the same weights.
 * {@code -Dpurpose.ordinary=N} and {@code -Dpurpose.hand=N} (both 0 for the shipped model) add ordinary traffic and the
 * development writers' prompts; the fifteenth round measured such models and kept none (docs/history/purpose-rounds.md).
 */
public final class PurposeModelTrainer {

    static final int ITERATIONS = 150;
    static final int CUTOFF = 2;
    /** The shipped feature generators ({@link #features}); {@code -Dpurpose.features=} tries others. */
    static final String FEATURES = "bow+ngram";

    private PurposeModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path gateway = Files.isDirectory(Path.of("gateway")) ? Path.of("gateway") : Path.of(".");
        List<PurposeCorpus.Sample> corpus = trainingSet();
        StringBuilder tsv = new StringBuilder();
        corpus.forEach(s -> tsv.append(s.category()).append('\t').append(s.text().replace("\n", "\\n")).append('\n'));
        Files.createDirectories(gateway.resolve("target"));
        Files.writeString(gateway.resolve("target/purpose-corpus.tsv"), tsv, StandardCharsets.UTF_8);
        DoccatModel model = train(corpus);
        Path out = gateway.resolve("src/main/resources/purpose/purpose-doccat.bin");
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.serialize(o);
        }
        System.out.println("trained on " + corpus.size() + " samples -> " + out + " (" + Files.size(out) + " bytes)");
    }

    /**
     * Ordinary-traffic samples ({@link OrdinaryTraffic}) next to the corpus; {@code -Dpurpose.ordinary=} tries others.
     */
    static final int ORDINARY = Integer.getInteger("purpose.ordinary", 0);
    /** How often each development writer's prompt is in the training set; {@code -Dpurpose.hand=} tries others. */
    static final int HAND = Integer.getInteger("purpose.hand", 0);
    /** The development writers whose prompts may be trained on (never an unseen part). */
    static final List<String> DEVELOPMENT_PARTS = PurposeCrossValidation.PARTS;

    /**
     * What the shipped model is trained on: the generated corpus, {@link #ORDINARY} ordinary-traffic samples and every
     * development writer's prompts {@link #HAND} times.
     */
    static List<PurposeCorpus.Sample> trainingSet() {
        List<PurposeCorpus.Sample> out = generated();
        if (HAND > 0) {
            List<EvalSet.Prompt> prompts = new java.util.ArrayList<>();
            DEVELOPMENT_PARTS.forEach(part -> prompts.addAll(EvalSet.load(part).prompts()));
            out.addAll(handWritten(prompts, HAND));
        }
        return out;
    }

    /** The generated part of the training set: the corpus and the ordinary traffic (no evaluation prompt). */
    static List<PurposeCorpus.Sample> generated() {
        List<PurposeCorpus.Sample> out = new java.util.ArrayList<>(PurposeCorpus.generate());
        out.addAll(OrdinaryTraffic.generate(ORDINARY));
        return out;
    }

    static DoccatModel train(List<PurposeCorpus.Sample> corpus) throws IOException {
        return train(corpus, System.getProperty("purpose.features", FEATURES));
    }

    static DoccatModel train(List<PurposeCorpus.Sample> corpus, String featureSpec) throws IOException {
        SpecialCategoryRecognizer terms = new SpecialCategoryRecognizer();
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, System.getProperty("purpose.algorithm", "MAXENT"));
        params.put(TrainingParameters.ITERATIONS_PARAM, Integer.getInteger("purpose.iterations", ITERATIONS));
        params.put(TrainingParameters.CUTOFF_PARAM, Integer.getInteger("purpose.cutoff", CUTOFF));
        params.put(TrainingParameters.THREADS_PARAM, 1);
        // MAXENT_QN only: L1/L2 regularisation (-Dpurpose.l1=, -Dpurpose.l2=)
        if (System.getProperty("purpose.l1") != null) {
            params.put("L1Cost", Double.parseDouble(System.getProperty("purpose.l1")));
        }
        if (System.getProperty("purpose.l2") != null) {
            params.put("L2Cost", Double.parseDouble(System.getProperty("purpose.l2")));
        }
        ObjectStream<DocumentSample> samples = new ObjectStream<>() {
            private Iterator<PurposeCorpus.Sample> it = corpus.iterator();

            @Override
            public DocumentSample read() {
                if (!it.hasNext()) {
                    return null;
                }
                PurposeCorpus.Sample s = it.next();
                return new DocumentSample(s.category(), PurposeTokens.of(s.text(), !terms.find(s.text()).isEmpty()));
            }

            @Override
            public void reset() {
                it = corpus.iterator();
            }
        };
        DoccatFactory factory = new DoccatFactory(features(featureSpec));
        return DocumentCategorizerME.train("nl", samples, params, factory);
    }

    /** Feature generators by name: {@code bow} words, {@code ngram} word bigrams, {@code stem} Dutch stems and their bigrams, {@code char} character 4-grams. */
    static FeatureGenerator[] features(String spec) throws IOException {
        List<FeatureGenerator> out = new java.util.ArrayList<>();
        for (String name : spec.split("\\+")) {
            out.add(switch (name.strip()) {
                case "bow" -> new BagOfWordsFeatureGenerator();
                case "ngram" -> new NGramFeatureGenerator();
                case "stem" -> new StemFeatureGenerator();
                case "char" -> new WordCharGramFeatureGenerator();
                default -> throw new IllegalArgumentException("unknown feature generator " + name);
            });
        }
        return out.toArray(FeatureGenerator[]::new);
    }

    /**
     * Hand-written evaluation prompts as training samples, each {@code weight} times: forbidden → its purpose id,
     * near-miss → toegestaan, personal-special → persoonlijk-bijzonder, generic-special → onderwerp-bijzonder.
     */
    static List<PurposeCorpus.Sample> handWritten(List<EvalSet.Prompt> prompts, int weight) {
        List<PurposeCorpus.Sample> out = new java.util.ArrayList<>();
        for (int w = 0; w < weight; w++) {
            for (EvalSet.Prompt p : prompts) {
                out.add(new PurposeCorpus.Sample(category(p), p.text()));
            }
        }
        return out;
    }

    static String category(EvalSet.Prompt p) {
        return switch (p.label()) {
            case FORBIDDEN -> p.detail();
            case NEAR_MISS -> PurposeClassifier.ALLOWED;
            case PERSONAL_SPECIAL -> PurposeClassifier.PERSONAL;
            case GENERIC_SPECIAL -> PurposeClassifier.TOPIC;
        };
    }
}
