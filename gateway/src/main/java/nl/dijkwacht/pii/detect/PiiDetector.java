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

    /**
     * Longest first, then highest score, then earliest: {@code comparingInt(length).reversed().thenComparing(
     * comparingDouble(score).reversed()).thenComparingInt(start)} written out (pii21: the composed comparator's three
     * lambdas per comparison were 5 % of a 10 KB table's detection).
     */
    static final Comparator<Finding> PREFERENCE = (a, b) -> {
        int byLength = Integer.compare(b.length(), a.length());
        if (byLength != 0) {
            return byLength;
        }
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : Integer.compare(a.start(), b.start());
    };

    private final List<Recognizer> recognizers;
    private final FieldRecognizer fields; // null: no structure filter

    public PiiDetector(List<Recognizer> recognizers) {
        this.recognizers = List.copyOf(recognizers);
        FieldRecognizer f = null;
        for (Recognizer r : recognizers) {
            if (r instanceof FieldRecognizer fr) {
                f = fr;
            }
        }
        this.fields = f;
    }

    /** A name in a table's header row, or a finding in a field whose key rules its type out. */
    private boolean ruledOutByStructure(Finding f, TextStructure structure, String text) {
        if (f.type() == EntityType.PERSON && structure.inHeader(f.start(), f.end())) {
            return true;
        }
        TextStructure.Field field = structure.fieldAt(f.start(), f.end());
        return field != null && fields.rulesOut(f.type(), field, text, f.start());
    }

    /** The findings with each name that has a nickname inside it as one finding ({@link NicknameNames}). */
    private static List<Finding> withNicknames(String text, List<Finding> kept) {
        List<Finding> whole = new ArrayList<>(NicknameNames.widen(text, kept));
        // only over findings it contains whole: the kept findings never overlap, nor may the result
        whole.removeIf(w -> kept.stream().anyMatch(f -> f.overlaps(w) && (f.start() < w.start() || f.end() > w.end())));
        if (whole.isEmpty()) {
            return kept;
        }
        List<Finding> out = new ArrayList<>(kept);
        out.removeIf(f -> whole.stream().anyMatch(w -> w.start() <= f.start() && f.end() <= w.end()));
        out.addAll(whole);
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
    }

    /** What the rules that read the kept findings add ({@link FindingLinks} and the links beside it). */
    private static List<Finding> linked(AnalysedText analysed, List<Finding> kept) {
        String text = analysed.text();
        List<Finding> linked = FindingLinks.link(text, kept);
        SoleTraderOwnerLinks.link(analysed, kept, linked);
        if (text.indexOf('(') >= 0) {
            BirthBracketLinks.link(text, kept, linked);
        }
        return linked;
    }

    /** With nothing found, only a bracket's birth date can still add a finding ("mijn moeder (02-02-1952)"). */
    private static List<Finding> bracketsOnly(String text) {
        if (text.indexOf('(') < 0) {
            return List.of();
        }
        List<Finding> linked = new ArrayList<>();
        BirthBracketLinks.link(text, List.of(), linked);
        return linked;
    }

    public List<Finding> detect(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        AnalysedText analysed = AnalysedText.of(text);
        TextStructure structure = analysed.structure();
        List<Finding> all = new ArrayList<>();
        for (Recognizer recognizer : recognizers) {
            all.addAll(recognizer.find(analysed));
        }
        if (fields != null && !structure.isEmpty()) {
            all.removeIf(f -> ruledOutByStructure(f, structure, text));
        }
        if (all.size() < 2) {
            if (!all.isEmpty()) {
                all = withNicknames(text, all);
            }
            List<Finding> linked = all.isEmpty() ? bracketsOnly(text) : linked(analysed, all);
            if (linked.isEmpty()) {
                return all;
            }
            List<Finding> out = new ArrayList<>(all);
            out.addAll(linked);
            out.sort(java.util.Comparator.comparingInt(Finding::start));
            return out;
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
        List<Finding> out = withNicknames(text, new ArrayList<>(kept.values()));
        List<Finding> linked = linked(analysed, out);
        if (!linked.isEmpty()) {
            out.addAll(linked);
            out.sort(java.util.Comparator.comparingInt(Finding::start));
        }
        return out;
    }
}
