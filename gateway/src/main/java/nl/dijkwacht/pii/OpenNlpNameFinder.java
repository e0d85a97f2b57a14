package nl.dijkwacht.pii;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * The statistical half of person-name detection: an Apache OpenNLP maximum-entropy name finder trained on our
 * own generated Dutch text (see {@code nl.dijkwacht.pii.training.TrainNameModel}). The model is loaded once and
 * shared; {@link NameFinderME} is not thread-safe, so instances are pooled (works with virtual threads, where a
 * ThreadLocal would build one per request).
 */
final class OpenNlpNameFinder {

    static final String MODEL_RESOURCE = "/pii/nl-person-maxent.bin";

    private final TokenNameFinderModel model;
    private final ConcurrentLinkedQueue<NameFinderME> pool = new ConcurrentLinkedQueue<>();
    private final double minProbability;

    OpenNlpNameFinder(double minProbability) {
        this(loadModel(MODEL_RESOURCE), minProbability);
    }

    OpenNlpNameFinder(TokenNameFinderModel model, double minProbability) {
        this.model = model;
        this.minProbability = minProbability;
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

    /**
     * Whether a sentence has a token that could start a name: initials or a capitalised word that is not a
     * known function word. Sentences without one are not shown to the model (which could only report a
     * capitalised word there anyway, and the filters would drop it).
     */
    static boolean hasCandidate(List<TextToken> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            TextToken t = tokens.get(k);
            if (t.kind() == TextToken.Kind.INITIALS) {
                return true;
            }
            if (t.capitalised() && t.text().length() > 1 && !NameGazetteer.NOT_NAMES.contains(t.lower())
                    && !Character.isUpperCase(t.text().charAt(1))) {
                return true;
            }
        }
        return false;
    }

    /** Spans as {start, end} character offsets. */
    List<int[]> find(String text, List<TextToken> tokens) {
        List<int[]> out = new ArrayList<>();
        if (tokens.isEmpty()) {
            return out;
        }
        NameFinderME finder = pool.poll();
        if (finder == null) {
            finder = new NameFinderME(model);
        }
        try {
            for (int[] sentence : TextToken.sentences(text, tokens)) {
                int n = sentence[1] - sentence[0];
                if (n == 0 || !hasCandidate(tokens, sentence[0], sentence[1])) {
                    continue;
                }
                String[] words = new String[n];
                for (int k = 0; k < n; k++) {
                    words[k] = tokens.get(sentence[0] + k).text();
                }
                Span[] spans = finder.find(words);
                for (Span s : spans) {
                    if (s.getProb() < minProbability) {
                        continue;
                    }
                    int from = sentence[0] + s.getStart();
                    int to = sentence[0] + s.getEnd();
                    out.add(new int[] {tokens.get(from).start(), tokens.get(to - 1).end(), from, to});
                }
            }
            finder.clearAdaptiveData();
        } catch (RuntimeException e) {
            throw new PiiEngineException("name finder failed", PiiEngine.scrubbed(e));
        }
        pool.offer(finder);
        return out;
    }
}
