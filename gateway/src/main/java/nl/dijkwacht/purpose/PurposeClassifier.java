package nl.dijkwacht.purpose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * The in-process text classifier of the purpose guard: an Apache OpenNLP document categorizer (maximum entropy)
 * trained by {@code PurposeModelTrainer} from a generated corpus (docs/pii-evaluation.md, "Purpose guard") and
 * shipped as {@code purpose/purpose-doccat.bin}. Immutable and thread-safe: the categorizer keeps no state between
 * calls. Scores are probabilities over the model's categories, summed per question.
 */
public final class PurposeClassifier {

    public static final String RESOURCE = "/purpose/purpose-doccat.bin";
    public static final String BENEFITS = "besluit-uitkering";
    public static final String APPLICANTS = "selectie-sollicitanten";
    public static final String FRAUD = "fraude-risicoscore";
    public static final String PERSONAL = "persoonlijk-bijzonder";
    public static final String TOPIC = "onderwerp-bijzonder";
    public static final String ALLOWED = "toegestaan";
    private static final String[] FORBIDDEN = {BENEFITS, APPLICANTS, FRAUD};

    private final DocumentCategorizerME categorizer;
    /** The same probabilities at a third of the cost; null when the model is not made as the shipped one. */
    private final IndexedCategorizer indexed;
    private final int[] forbidden = new int[FORBIDDEN.length];
    private final int personal;
    private final int topic;

    public PurposeClassifier(DoccatModel model) {
        this(model, true);
    }

    /**
     * @param indexed whether to evaluate the model by {@link IndexedCategorizer} when it can (else the categorizer;
     *                setting {@code dijkwacht.purpose.indexed-classifier}, {@code false} for comparisons)
     */
    PurposeClassifier(DoccatModel model, boolean indexed) {
        this.categorizer = new DocumentCategorizerME(model);
        this.indexed = indexed ? IndexedCategorizer.of(model).orElse(null) : null;
        for (int i = 0; i < FORBIDDEN.length; i++) {
            forbidden[i] = index(FORBIDDEN[i]);
        }
        this.personal = index(PERSONAL);
        this.topic = index(TOPIC);
    }

    /** The shipped model; throws when it is missing or unreadable (the gateway then does not start). */
    public static PurposeClassifier shipped() {
        return shipped(true);
    }

    /** @param indexed see {@link #PurposeClassifier(DoccatModel, boolean)} */
    public static PurposeClassifier shipped(boolean indexed) {
        return new PurposeClassifier(shippedModel(), indexed);
    }

    static DoccatModel shippedModel() {
        try (InputStream in = PurposeClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("purpose classifier model missing: " + RESOURCE);
            }
            return new DoccatModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("purpose classifier model unreadable: " + RESOURCE, e);
        }
    }

    private int index(String category) {
        int i = categorizer.getIndex(category);
        if (i < 0) {
            throw new IllegalStateException("purpose classifier model lacks category " + category);
        }
        return i;
    }

    /**
     * @param specialTerm whether the special-category term list matched the text (a feature of the model)
     */
    public Scores classify(String text, boolean specialTerm) {
        return classify(PurposeTokens.of(text, specialTerm));
    }

    /** Whether the model is evaluated by {@link IndexedCategorizer} (same probabilities as the categorizer). */
    public boolean indexed() {
        return indexed != null;
    }

    /** The model's token numbers ({@link MessageTokens}); null when the model is evaluated by the categorizer. */
    IndexedCategorizer numbers() {
        return indexed;
    }

    /** @param tokens the text's {@link PurposeTokens} (when the caller needs them too) */
    Scores classify(String[] tokens) {
        double[] p = indexed != null ? indexed.categorize(tokens) : null;
        return scores(p != null ? p : categorizer.categorize(tokens));
    }

    /** @param tokens a conversation's input as numbers, from {@link #numbers()} */
    Scores classify(MessageTokens.Joined tokens) {
        return scores(indexed.categorize(tokens.numbers(), tokens.pairs()));
    }

    private Scores scores(double[] p) {
        double f = 0;
        int best = 0;
        for (int i = 0; i < forbidden.length; i++) {
            f += p[forbidden[i]];
            if (p[forbidden[i]] > p[forbidden[best]]) {
                best = i;
            }
        }
        return new Scores(f, FORBIDDEN[best], p[personal], p[topic]);
    }

    /**
     * @param forbidden       probability that the text asks for one of the forbidden purposes (the three summed)
     * @param purpose         the most likely of those purposes (its policy id)
     * @param personalSpecial probability that it holds special-category data of an identifiable person
     * @param topicSpecial    probability that it names a special category only as a topic
     */
    public record Scores(double forbidden, String purpose, double personalSpecial, double topicSpecial) {
    }
}
