package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 * probabilities as {@link DocumentCategorizerME#categorize(String[])}, bit for bit, at a fraction of the cost (issue 15:
 * the categorizer built a string for every word and every pair of neighbouring words and looked each up in a table
 * of 16,074 strings; here a token is looked up once and its pairs by two numbers).
 *
 * <p>It serves only models made as the shipped one is — a GIS model with the default bag-of-words and word-pair
 * features ({@code doccat.featureGenerators=BagOfWordsFeatureGenerator,NGramFeatureGenerator}) — and sums the
 * features' weights in the categorizer's order (every token's word feature, then every pair's, left to right), starting
 * from the same uniform prior and taking the same {@link StrictMath#exp}, so floating-point rounding is the same too.
 * The weights lie dense, one row of all outcomes per token number and per pair (perf11: the model's {@link Context}
 * objects, two arrays each, were scattered over the heap); an outcome a feature lacks adds 0.0, which changes no sum —
 * a sum that starts at the log prior is never −0.0, the one value adding +0.0 would change.
 *
 * <p>A token the model does not know is number −1, and a pair holding one has no weights: {@link #of} declines a model
 * where a pair feature could also be read as a pair with an unknown token of the shape {@link PurposeTokens} makes (a
 * colon only in a five-letter prefix, {@code p:beoor}), so the numbers alone decide, without the tokens' text. It also
 * declines any other model (other feature generators, a feature it cannot read back into known tokens, more tokens or
 * pairs than its pair table's slots hold ({@link #fitsPairSlots}), or a result that differs from the categorizer's on
 * a probe), and the classifier then uses the categorizer as before. Immutable
 * and thread-safe.
 */
final class IndexedCategorizer {

    private static final String WORD = "bow=";
    private static final String PAIR = "ng=:";
    private static final long EMPTY = -1L;
    /** A pair's slot: its first token number, its second, its pair number, in these many bits each (see {@link #pairSlot}). */
    static final int TOKEN_BITS = 20;
    static final int PAIR_NUMBER_BITS = Long.SIZE - 2 * TOKEN_BITS;
    /** {@link PurposeTokens}' five-letter prefix token: {@code p:} and five characters. */
    private static final String PREFIX = "p:";
    private static final int PREFIX_LENGTH = PREFIX.length() + 5;

    private final WordNumbers tokenNumbers;
    /** Row {@code n} ({@code outcomes} weights from {@code n * outcomes}): the word feature of token number {@code n}. */
    private final double[] wordRows;
    /**
     * Open addressing over the word pairs the model knows: each slot the pair's two token numbers and its number (its
     * row in {@link #pairRows}) in one {@code long} ({@link #pairSlot}), {@link #EMPTY} when free — one array, so a
     * probe that finds its pair reads one line, not a key line and a number line (issue 15, guard23: in the gateway
     * the table is not in the core's caches between requests).
     */
    private final long[] pairSlots;
    private final double[] pairRows;
    private final int pairMask;
    private final int outcomes;
    private final double logPrior;

    private IndexedCategorizer(WordNumbers tokenNumbers, double[] wordRows, long[] pairSlots, double[] pairRows, int outcomes) {
        this.tokenNumbers = tokenNumbers;
        this.wordRows = wordRows;
        this.pairSlots = pairSlots;
        this.pairRows = pairRows;
        this.pairMask = pairSlots.length - 1;
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
        int outcomes = gis.getNumOutcomes();
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
        Map<Long, Integer> pairOf = new HashMap<>();
        Map<Context, Integer> pairNumber = new IdentityHashMap<>();
        for (Map.Entry<String, Context> e : predicates.entrySet()) {
            String feature = e.getKey();
            if (feature.startsWith(WORD)) {
                continue;
            }
            if (!feature.startsWith(PAIR) || !addPair(feature.substring(PAIR.length()), e.getValue(), numbers, pairOf, pairNumber)) {
                return Optional.empty();
            }
        }
        double[] wordRows = new double[wordWeights.size() * outcomes];
        for (int n = 0; n < wordWeights.size(); n++) {
            fill(wordRows, n * outcomes, wordWeights.get(n));
        }
        if (!fitsPairSlots(wordWeights.size(), pairNumber.size())) {
            return Optional.empty();
        }
        double[] pairRows = new double[pairNumber.size() * outcomes];
        pairNumber.forEach((weights, n) -> fill(pairRows, n * outcomes, weights));
        int capacity = Integer.highestOneBit(Math.max(2, pairOf.size() * 2 - 1)) << 1;
        long[] slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        pairOf.forEach((key, n) -> {
            int slot = slot(key, capacity - 1);
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & (capacity - 1);
            }
            slots[slot] = key | n;
        });
        IndexedCategorizer indexed = new IndexedCategorizer(new WordNumbers(numbers), wordRows, slots, pairRows, outcomes);
        return indexed.agreesWith(new DocumentCategorizerME(model), numbers.keySet()) ? Optional.of(indexed) : Optional.empty();
    }

    /**
     * A pair feature is {@code ng=:first:second}; tokens may hold a colon themselves ({@code p:beoor}), so every split
     * into two known tokens is kept (the categorizer builds the same string from each). False when none is, or when a
     * split into two tokens of {@link PurposeTokens}' shape holds one the model does not know: such a pair would have
     * weights that its numbers (−1) cannot find.
     */
    private static boolean addPair(String joined, Context weights, Map<String, Integer> numbers, Map<Long, Integer> out,
                                   Map<Context, Integer> pairNumber) {
        boolean any = false;
        for (int colon = joined.indexOf(':'); colon >= 0; colon = joined.indexOf(':', colon + 1)) {
            String firstToken = joined.substring(0, colon);
            String secondToken = joined.substring(colon + 1);
            Integer first = numbers.get(firstToken);
            Integer second = numbers.get(secondToken);
            if (first != null && second != null) {
                out.put(key(first, second), pairNumber.computeIfAbsent(weights, w -> pairNumber.size()));
                any = true;
            } else if (tokenShaped(firstToken) && tokenShaped(secondToken)) {
                return false;
            }
        }
        return any;
    }

    /** Whether {@link PurposeTokens} can make {@code token}: no colon, or the five-letter prefix {@code p:xxxxx}. */
    static boolean tokenShaped(String token) {
        int colon = token.indexOf(':');
        if (colon < 0) {
            return !token.isEmpty();
        }
        return token.length() == PREFIX_LENGTH && token.startsWith(PREFIX) && token.indexOf(':', PREFIX.length()) < 0;
    }

    /** {@code ArrayMath.sumFeatures}' additions for one feature with value 1, laid out dense (0.0 where it has none). */
    private static void fill(double[] rows, int from, Context weights) {
        int[] active = weights.getOutcomes();
        double[] parameters = weights.getParameters();
        for (int k = 0; k < active.length; k++) {
            rows[from + active[k]] = parameters[k] * 1.0;
        }
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

    /** The token's number, −1 when the model does not know it. */
    int number(String token) {
        return tokenNumbers.number(token);
    }

    /** The number of the token {@code text.substring(from, to)}, whose {@link WordNumbers#hash} is {@code hash}; −1 when unknown. */
    int number(int hash, String text, int from, int to) {
        return tokenNumbers.number(hash, text, from, to);
    }

    /** The number of the five-letter prefix token of {@code word} ({@code "p:" + word.substring(0, 5)}), −1 when unknown. */
    int prefixNumber(String word) {
        return tokenNumbers.prefixNumber(word);
    }

    /** The number of the token {@code "p:" + text.substring(from, from + 5)}, −1 when unknown. */
    int prefixNumber(String text, int from) {
        return tokenNumbers.prefixNumber(text, from);
    }

    /** The number of the pair feature of two neighbouring tokens, −1 when the model has none (or a token is unknown). */
    int pair(int first, int second) {
        if (first < 0 || second < 0) {
            return -1;
        }
        long key = key(first, second);
        for (int slot = slot(key, pairMask); ; slot = (slot + 1) & pairMask) {
            long s = pairSlots[slot];
            if (s == EMPTY) {
                return -1;
            }
            if ((s & KEY_MASK) == key) {
                return (int) (s & ~KEY_MASK);
            }
        }
    }

    /**
     * Probabilities per outcome, as {@link DocumentCategorizerME#categorize(String[])} gives them for {@code tokens};
     * null when a token the model does not know holds a colon outside {@link PurposeTokens}' shape (the numbers cannot
     * tell whether its pairs have weights: the caller asks the categorizer).
     */
    double[] categorize(String[] tokens) {
        int[] numbers = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            numbers[i] = number(tokens[i]);
            if (numbers[i] < 0 && !tokenShaped(tokens[i])) {
                return null;
            }
        }
        return categorize(numbers, pairs(numbers));
    }

    /** The pair numbers of neighbouring tokens: entry {@code i} for tokens {@code i} and {@code i + 1}. */
    int[] pairs(int[] numbers) {
        int[] pairs = new int[Math.max(0, numbers.length - 1)];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = pair(numbers[i], numbers[i + 1]);
        }
        return pairs;
    }

    /**
     * Probabilities per outcome for tokens given by their numbers ({@link #number}) and the numbers of their neighbouring
     * pairs ({@link #pairs}): the categorizer's sums in its order — every token's word feature, then every pair's.
     */
    double[] categorize(int[] numbers, int[] pairs) {
        if (outcomes == SIX) {
            return probabilities(sixSums(numbers, pairs));
        }
        double[] p = new double[outcomes];
        Arrays.fill(p, logPrior);
        for (int n : numbers) {
            if (n >= 0) {
                add(p, wordRows, n * outcomes);
            }
        }
        for (int n : pairs) {
            if (n >= 0) {
                add(p, pairRows, n * outcomes);
            }
        }
        return probabilities(p);
    }

    /** The shipped model's outcomes: the three forbidden purposes, allowed, a person's special-category data, a topic. */
    private static final int SIX = 6;

    /**
     * {@link #categorize}'s sums for a model of six outcomes, each in a local instead of an array element the loop stores
     * back after every addition (issue 15: the sums in a quarter of the time); the same additions in the same order, so
     * the same bits.
     */
    private double[] sixSums(int[] numbers, int[] pairs) {
        double p0 = logPrior;
        double p1 = logPrior;
        double p2 = logPrior;
        double p3 = logPrior;
        double p4 = logPrior;
        double p5 = logPrior;
        for (int n : numbers) {
            if (n >= 0) {
                int row = n * SIX;
                p0 += wordRows[row];
                p1 += wordRows[row + 1];
                p2 += wordRows[row + 2];
                p3 += wordRows[row + 3];
                p4 += wordRows[row + 4];
                p5 += wordRows[row + 5];
            }
        }
        for (int n : pairs) {
            if (n >= 0) {
                int row = n * SIX;
                p0 += pairRows[row];
                p1 += pairRows[row + 1];
                p2 += pairRows[row + 2];
                p3 += pairRows[row + 3];
                p4 += pairRows[row + 4];
                p5 += pairRows[row + 5];
            }
        }
        return new double[] {p0, p1, p2, p3, p4, p5};
    }

    /** The categorizer's normalisation of the sums (in place). */
    private double[] probabilities(double[] p) {
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

    private void add(double[] p, double[] rows, int from) {
        for (int o = 0; o < outcomes; o++) {
            p[o] += rows[from + o];
        }
    }

    /** The token numbers' part of a pair's slot. */
    private static final long KEY_MASK = -1L << PAIR_NUMBER_BITS;

    /** A pair's slot without its number: the first token number in the top {@link #TOKEN_BITS}, the second below it. */
    private static long key(int first, int second) {
        return (long) first << (TOKEN_BITS + PAIR_NUMBER_BITS) | (long) second << PAIR_NUMBER_BITS;
    }

    /**
     * Whether a model of {@code tokens} token numbers and {@code pairs} pair numbers fits {@link #pairSlots} (the
     * shipped model: 3,262 tokens; up to 2^20 tokens and 2^24 − 1 pairs fit, and no slot is {@link #EMPTY}, as its
     * pair number would be all ones); a larger model is declined and read by the categorizer, with the same answers.
     */
    static boolean fitsPairSlots(int tokens, int pairs) {
        return tokens <= 1 << TOKEN_BITS && pairs < (1 << PAIR_NUMBER_BITS) - 1;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
