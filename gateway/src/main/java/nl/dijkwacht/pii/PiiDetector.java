package nl.dijkwacht.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every recognizer over a text and keeps, where findings overlap, the longest (then highest-scoring) one.
 * Thread-safe when its recognizers are; one instance serves all requests.
 */
public final class PiiDetector {

    private static final Comparator<Finding> PREFERENCE = Comparator
            .comparingInt(Finding::length).reversed()
            .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
            .thenComparingInt(Finding::start);

    private final List<Recognizer> recognizers;

    public PiiDetector(List<Recognizer> recognizers) {
        this.recognizers = List.copyOf(recognizers);
    }

    public List<Finding> detect(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Finding> all = new ArrayList<>();
        for (Recognizer recognizer : recognizers) {
            all.addAll(recognizer.find(text));
        }
        if (all.size() < 2) {
            return all;
        }
        all.sort(PREFERENCE);
        List<Finding> kept = new ArrayList<>(all.size());
        for (Finding candidate : all) {
            boolean clashes = false;
            for (Finding k : kept) {
                if (k.overlaps(candidate)) {
                    clashes = true;
                    break;
                }
            }
            if (!clashes) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }
}
