package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every recognizer over a text and keeps, where findings overlap, the longest (then highest-scoring) one.
 * Thread-safe when its recognizers are; one instance serves all requests. Overlap resolution is O(n log n), so a
 * hostile text with many findings cannot make it quadratic.
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
        TextStructure structure = TextStructure.of(text);
        List<Finding> all = new ArrayList<>();
        for (Recognizer recognizer : recognizers) {
            all.addAll(recognizer.find(text, structure));
        }
        if (all.size() < 2) {
            return all;
        }
        all.sort(PREFERENCE);
        // kept spans never overlap, so keyed by start they are also ordered by end
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding candidate : all) {
            Map.Entry<Integer, Finding> before = kept.floorEntry(candidate.start());
            if (before != null && before.getValue().end() > candidate.start()) {
                continue;
            }
            Map.Entry<Integer, Finding> after = kept.ceilingEntry(candidate.start());
            if (after != null && after.getKey() < candidate.end()) {
                continue;
            }
            kept.put(candidate.start(), candidate);
        }
        return new ArrayList<>(kept.values());
    }
}
