package nl.dijkwacht.pii.detect.name;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.Recognizer;
import nl.dijkwacht.pii.detect.StructuredIdentifiers;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * The Dutch engine as {@link nl.dijkwacht.pii.RecognizerRegistry#dutch} builds it, with another name model: the test
 * route for measuring a model trained elsewhere (NameModelWriterFolds). What ships is not touched. The minimum
 * probability is that of {@link PersonNameRecognizer#withModel(int)}; NameModelEnginesTest checks that this route
 * with the bundled model finds what {@link PiiEngine#dutchDefault()} finds.
 */
public final class NameModelEngines {

    static final double MIN_PROBABILITY = 0.6;

    private NameModelEngines() {
    }

    /** The engine with the model bundled in the gateway (pii/nl-person-maxent.bin). */
    public static PiiEngine shipped() {
        return with(shippedModel());
    }

    public static TokenNameFinderModel shippedModel() {
        return OpenNlpNameFinder.loadModel(OpenNlpNameFinder.MODEL_RESOURCE);
    }

    /** The engine without a name model: the name rules only. */
    public static PiiEngine rulesOnly() {
        List<Recognizer> all = new ArrayList<>(StructuredIdentifiers.all());
        all.add(PersonNameRecognizer.rulesOnly());
        return new PiiEngine(all);
    }

    /** The engine with a model read from a file. */
    public static PiiEngine fromFile(Path model) throws IOException {
        return with(new TokenNameFinderModel(model));
    }

    public static PiiEngine with(TokenNameFinderModel model) {
        List<Recognizer> all = new ArrayList<>(StructuredIdentifiers.all());
        all.add(new PersonNameRecognizer(new NameGazetteer(), new OpenNlpNameFinder(model, MIN_PROBABILITY, 0)));
        return new PiiEngine(all);
    }
}
