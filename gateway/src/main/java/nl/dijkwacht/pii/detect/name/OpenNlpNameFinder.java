package nl.dijkwacht.pii.detect.name;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import nl.dijkwacht.pii.detect.PiiEngineException;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * The statistical half of person-name detection: an Apache OpenNLP maximum-entropy name finder trained on our
 * own generated Dutch text (see {@code NameModelTrainer} in the test sources). The model is loaded once and
 * shared; {@link NameFinderME} is not thread-safe, so instances are pooled (works with virtual threads, where a
 * ThreadLocal would build one per request).
 */
final class OpenNlpNameFinder {

    static final String MODEL_RESOURCE = "/pii/nl-person-maxent.bin";

    private final TokenNameFinderModel model;
    private final ConcurrentLinkedQueue<NameFinderME> pool = new ConcurrentLinkedQueue<>();
    private final double minProbability;
    /**
     * What the model decoded per window, by a salted digest of the window's words (no text is kept). The model's
     * features look at the window's words only (no adaptive features, see the model's generator.featuregen), so a
     * window decodes the same wherever and whenever it occurs: chat tools send the whole conversation and the same
     * system prompt on every turn, model answers open alike ("Natuurlijk."), letters share their greeting lines.
     */
    private final DecodedWindows decoded;
    private final java.security.MessageDigest saltedDigest = nl.dijkwacht.pii.SaltedDigest.newSha256();

    /**
     * @param windowCache slots for decoded windows (rounded up to a power of two); 0 turns the cache off, so that a
     *                    benchmark that repeats one text (PiiEngineBenchmark) can also measure the cost of text seen for
     *                    the first time
     */
    OpenNlpNameFinder(double minProbability, int windowCache) {
        this(loadModel(MODEL_RESOURCE), minProbability, windowCache);
    }

    OpenNlpNameFinder(TokenNameFinderModel model, double minProbability, int windowCache) {
        this.model = model;
        this.minProbability = minProbability;
        this.decoded = windowCache <= 0 ? null : new DecodedWindows(windowCache);
        pool.add(new NameFinderME(model)); // fail now, not on the first request
    }

    static TokenNameFinderModel loadModel(String resource) {
        try (InputStream in = OpenNlpNameFinder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PiiEngineException("name model missing: " + resource);
            }
            return new TokenNameFinderModel(in);
        } catch (IOException e) {
            throw new PiiEngineException("name model unreadable: " + resource, e);
        }
    }

    static final int CONTEXT = 3;
    static final int MAX_WINDOW = 48;

    /**
     * The parts of a sentence the model needs to see: each candidate token with three tokens of context on either
     * side (the model's features look two tokens around), overlapping parts merged, and a part that starts near
     * the sentence start extended to it so the sentence-begin feature stays true. Long letters are mostly
     * lower-case running text; this shows the model a fraction of it with the same decisions on the candidates.
     */
    static List<TokenRange> candidateWindows(List<TextToken> tokens, int from, int to, boolean[] covered) {
        List<TokenRange> windows = new ArrayList<>();
        int curStart = -1;
        int curEnd = -1;
        for (int k = from; k < to; k++) {
            if (covered[k] || !isCandidate(tokens.get(k))) {
                continue;
            }
            int s = Math.max(from, k - CONTEXT);
            int e = Math.min(to, k + CONTEXT + 1);
            if (s - from <= CONTEXT) {
                s = from;
            }
            if (curStart >= 0 && s <= curEnd && e - curStart <= MAX_WINDOW) {
                curEnd = Math.max(curEnd, e);
            } else if (curStart >= 0 && s <= curEnd) {
                // a very long run of candidates (a pasted list, hostile input): cut it, overlapping by the context,
                // because decoding time grows faster than linearly with the length of one sequence
                windows.add(new TokenRange(curStart, curEnd));
                curStart = Math.max(from, curEnd - 2 * CONTEXT);
                curEnd = e;
            } else {
                if (curStart >= 0) {
                    windows.add(new TokenRange(curStart, curEnd));
                }
                curStart = s;
                curEnd = e;
            }
        }
        if (curStart >= 0) {
            windows.add(new TokenRange(curStart, curEnd));
        }
        return windows;
    }

    private static boolean anyMatch(List<TextToken> tokens, TokenRange window, Predicate<TextToken> test) {
        for (int k = window.from(); k < window.to(); k++) {
            if (test.test(tokens.get(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCandidate(TextToken t) {
        if (t.kind() == TextToken.Kind.INITIALS) {
            return true;
        }
        return t.capitalised() && t.length() > 1 && !t.in(NameWords.NOT_NAMES)
                && !Character.isUpperCase(t.charAt(1));
    }

    /**
     * Names the model finds, as token ranges; candidates already inside a name the rules found are skipped, and so
     * are windows without a token that could anchor a name ({@code mayAnchor}): the caller would drop every span
     * found there, and windows are decoded independently, so the other windows' results do not change.
     */
    List<TokenRange> find(String text, List<TextToken> tokens, boolean[] covered, Predicate<TextToken> mayAnchor) {
        List<TokenRange> out = new ArrayList<>();
        if (tokens.isEmpty()) {
            return out;
        }
        NameFinderME finder = null;
        try {
            for (TokenRange sentence : TextToken.sentences(text, tokens)) {
                for (TokenRange window : candidateWindows(tokens, sentence.from(), sentence.to(), covered)) {
                    if (!anyMatch(tokens, window, mayAnchor)) {
                        continue;
                    }
                    WindowKey key = decoded == null ? null : WindowKey.of(saltedDigest, tokens, window.from(), window.to());
                    Span[] spans = key == null ? null : decoded.get(key);
                    if (spans == null) {
                        int n = window.length();
                        String[] words = new String[n]; // the model's input: only for a window not decoded before
                        for (int k = 0; k < n; k++) {
                            words[k] = tokens.get(window.from() + k).text();
                        }
                        if (finder == null) {
                            finder = pool.poll();
                            if (finder == null) {
                                finder = new NameFinderME(model);
                            }
                        }
                        spans = finder.find(words);
                        if (key != null) {
                            decoded.put(key, spans);
                        }
                    }
                    for (Span s : spans) {
                        if (s.getProb() < minProbability) {
                            continue;
                        }
                        out.add(new TokenRange(window.from() + s.getStart(), window.from() + s.getEnd()));
                    }
                }
            }
            if (finder != null) {
                finder.clearAdaptiveData();
            }
        } catch (RuntimeException e) {
            throw new PiiEngineException("name finder failed", PiiEngineException.scrubbed(e));
        }
        if (finder != null) {
            pool.offer(finder);
        }
        return out;
    }
}
