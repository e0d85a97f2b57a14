package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Dutch Snowball stems of the words in {@link PurposeTokens} ({@code s=beoordel}) and of each pair of neighbouring
 * words ({@code sb=aanvrag_afwijz}), so "wijs de aanvragen af" and "afwijzing van de aanvraag" share features the
 * five-letter prefixes miss. Named in the model file (OpenNLP instantiates it by class name when the model loads), so
 * it must keep its name and no-argument constructor. The stemmer keeps state per call, hence one per thread.
 */
public final class StemFeatureGenerator implements FeatureGenerator {

    private static final ThreadLocal<SnowballStemmer> STEMMER =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.DUTCH));

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        SnowballStemmer stemmer = STEMMER.get();
        List<String> out = new ArrayList<>(tokens.length * 2);
        String previous = null;
        for (String t : tokens) {
            if (isMarkerOrPrefix(t)) {
                continue;
            }
            String stem = stemmer.stem(t).toString();
            out.add("s=" + stem);
            if (previous != null) {
                out.add("sb=" + previous + "_" + stem);
            }
            previous = stem;
        }
        return out;
    }

    /** The shape markers ({@code __naam}) and five-letter prefixes ({@code p:beoor}) are not words. */
    static boolean isMarkerOrPrefix(String token) {
        return token.startsWith("__") || (token.length() > 2 && token.charAt(1) == ':');
    }
}
