package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character 4-grams inside each word of {@link PurposeTokens}, with word boundaries ({@code c=<beo}, {@code c=oor>}):
 * compounds and misspellings ("gezichtsherkenning", "risicosocre") share most of their grams with known words. Named
 * in the model file (OpenNLP instantiates it by class name when the model loads): keep name and no-argument constructor.
 */
public final class WordCharGramFeatureGenerator implements FeatureGenerator {

    static final int N = 4;

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> out = new ArrayList<>(tokens.length * 6);
        for (String t : tokens) {
            if (StemFeatureGenerator.isMarkerOrPrefix(t) || t.length() < N - 1) {
                continue;
            }
            String w = "<" + t + ">";
            for (int i = 0; i + N <= w.length(); i++) {
                out.add("c=" + w.substring(i, i + N));
            }
        }
        return out;
    }
}
