package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The purpose classifier's maximum-entropy model evaluated over token numbers instead of feature strings: the same
 * probabilities as {@link DocumentCategorizerME#categorize(String[])}, bit for bit, at a third of the cost (issue 15:
 * the categorizer built a string for every word and every pair of neighbouring words and looked each up in a table
 * of 16,074 strings; here a token is looked up once and its pairs by two numbers).
 *
 * <p>It serves only models made as the shipped one is — a GIS model with the default bag-of-words and word-pair
 * features ({@code doccat.featureGenerators=BagOfWordsFeatureGenerator,NGramFeatureGenerator}) — and sums the
 * features' weights in the categorizer's order (every token's word feature, then every pair's, left to right), starting
 * from the same uniform prior and taking the same {@link StrictMath#exp}, so floating-point rounding is the same too.
 * {@link #of} declines any other model (other feature generators, a feature it cannot read back into tokens, or a
 * result that differs from the categorizer's on a probe), and the classifier then uses the categorizer as before.
 * Immutable and thread-safe.
 */
final class IndexedCategorizer {

    private static final String WORD = "bow=";
    private static final String PAIR = "ng=:";
    private static final long EMPTY = -1L;

    /** The model's own table, for the rare pair that holds a token the model does not know and a colon. */
    private final Map<String, Context> predicates;
    private final Map<String, Integer> tokenNumbers;
    /** The word feature's weights per token number. */
    private final Context[] words;
    /** Open addressing: key {@code first << 32 | second} of a word pair the model knows, {@link #EMPTY} when free. */
    private final long[] pairKeys;
    private final Context[] pairs;
    private final int pairMask;
    private final int outcomes;
    private final double logPrior;

    private IndexedCategorizer(Map<String, Context> predicates, Map<String, Integer> tokenNumbers, Context[] words, long[] pairKeys,
                               Context[] pairs, int outcomes) {
        this.predicates = predicates;
        this.tokenNumbers = tokenNumbers;
        this.words = words;
        this.pairKeys = pairKeys;
        this.pairs = pairs;
        this.pairMask = pairKeys.length - 1;
        this.outcomes = outcomes;
        // GISModel's UniformPrior
        this.logPrior = StrictMath.log(1.0 / outcomes);
    }

    /** The indexed form of {@code model}, or empty when the model is not made as the shipped one (see the class comment). */
    static Optional<IndexedCategorizer> of(DoccatModel model) {
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        // the manifest names classes and the factory builds them with their defaults: every token's word, pairs only
        if (generators.length != 2 || generators[0].getClass() != BagOfWordsFeatureGenerator.class
                || generators[1].getClass() != NGramFeatureGenerator.class || !(model.getMaxentModel() instanceof GISModel gis)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) ((AbstractModel) gis).getDataStructures()[1];
        Map<String, Integer> numbers = new HashMap<>();
        List<Context> wordWeights = new ArrayList<>();
        predicates.forEach((feature, weights) -> {
            if (feature.startsWith(WORD)) {
                numbers.put(feature.substring(WORD.length()), wordWeights.size());
                wordWeights.add(weights);
            }
        });
        Map<Long, Context> pairWeights = new HashMap<>();
        for (Map.Entry<String, Context> e : predicates.entrySet()) {
            String feature = e.getKey();
            if (feature.startsWith(WORD)) {
                continue;
            }
            if (!feature.startsWith(PAIR) || !addPair(feature.substring(PAIR.length()), e.getValue(), numbers, pairWeights)) {
                return Optional.empty();
            }
        }
        int capacity = Integer.highestOneBit(Math.max(2, pairWeights.size() * 2 - 1)) << 1;
        long[] keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        Context[] values = new Context[capacity];
        pairWeights.forEach((key, weights) -> {
            int slot = slot(key, capacity - 1);
            while (keys[slot] != EMPTY) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = key;
            values[slot] = weights;
        });
        IndexedCategorizer indexed = new IndexedCategorizer(predicates, Map.copyOf(numbers), wordWeights.toArray(Context[]::new), keys,
                values, gis.getNumOutcomes());
        return indexed.agreesWith(new DocumentCategorizerME(model), numbers.keySet()) ? Optional.of(indexed) : Optional.empty();
    }

    /**
     * A pair feature is {@code ng=:first:second}; tokens may hold a colon themselves ({@code p:beoor}), so every split
     * into two known tokens is kept (the categorizer builds the same string from each). False when none is; a split
     * with a token the model does not know is found at run time by its string ({@link #categorize}).
     */
    private static boolean addPair(String joined, Context weights, Map<String, Integer> numbers, Map<Long, Context> out) {
        boolean any = false;
        for (int colon = joined.indexOf(':'); colon >= 0; colon = joined.indexOf(':', colon + 1)) {
            Integer first = numbers.get(joined.substring(0, colon));
            Integer second = numbers.get(joined.substring(colon + 1));
            if (first != null && second != null) {
                out.put(key(first, second), weights);
                any = true;
            }
        }
        return any;
    }

    /** The categorizer's answer on the model's own tokens in a fixed order (every word and many known pairs). */
    private boolean agreesWith(DocumentCategorizerME categorizer, java.util.Set<String> tokens) {
        String[] probe = tokens.stream().sorted().toArray(String[]::new);
        for (int from = 0; from < probe.length; from += 64) {
            String[] part = Arrays.copyOfRange(probe, from, Math.min(probe.length, from + 64));
            if (!Arrays.equals(categorizer.categorize(part), categorize(part))) {
                return false;
            }
        }
        return true;
    }

    /** Probabilities per outcome, as {@link DocumentCategorizerME#categorize(String[])} gives them for {@code tokens}. */
    double[] categorize(String[] tokens) {
        double[] p = new double[outcomes];
        Arrays.fill(p, logPrior);
        int[] number = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            Integer n = tokenNumbers.get(tokens[i]);
            number[i] = n == null ? -1 : n;
            if (n != null) {
                add(p, words[n]);
            }
        }
        for (int i = 0; i + 1 < tokens.length; i++) {
            Context weights = number[i] >= 0 && number[i + 1] >= 0 ? pair(key(number[i], number[i + 1]))
                    : tokens[i].indexOf(':') >= 0 || tokens[i + 1].indexOf(':') >= 0 ? predicates.get(PAIR + tokens[i] + ":" + tokens[i + 1])
                    : null; // one colon, one split: the model has the pair only if it knows both tokens (checked in of)
            if (weights != null) {
                add(p, weights);
            }
        }
        double normal = 0;
        for (int o = 0; o < outcomes; o++) {
            p[o] = StrictMath.exp(p[o]);
            normal += p[o];
        }
        for (int o = 0; o < outcomes; o++) {
            p[o] /= normal;
        }
        return p;
    }

    private Context pair(long key) {
        for (int slot = slot(key, pairMask); ; slot = (slot + 1) & pairMask) {
            long k = pairKeys[slot];
            if (k == key) {
                return pairs[slot];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    /** {@code ArrayMath.sumFeatures} for one feature with value 1. */
    private static void add(double[] p, Context weights) {
        int[] active = weights.getOutcomes();
        double[] parameters = weights.getParameters();
        for (int k = 0; k < active.length; k++) {
            p[active[k]] += parameters[k] * 1.0;
        }
    }

    private static long key(int first, int second) {
        return (long) first << 32 | second;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
