package nl.dijkwacht.pii.detect.name;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/** Makes {@link FieldKeyFeatureGenerator} for a name model whose feature descriptor names this class. */
public final class FieldKeyFeatureGeneratorFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    @Override
    public AdaptiveFeatureGenerator create() {
        return new FieldKeyFeatureGenerator();
    }
}
