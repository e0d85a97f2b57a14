package nl.dijkwacht.pii.detect;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Findings in the order added, also keyed by start, so whether a span is still free is one look-up while they do not
 * overlap one another (lin27: {@link FindingLinks} compared every candidate with every finding kept and added — a
 * list of thousands of the same name was quadratic). Once two overlap (or one is empty) the look-up falls back to
 * comparing with all, as before. Only {@link #add(Finding)} changes it.
 */
final class DisjointFindings extends AbstractList<Finding> {

    private final List<Finding> inOrder = new ArrayList<>();
    private final TreeMap<Integer, Finding> byStart = new TreeMap<>();
    private boolean disjoint = true;
    private long compared;

    /** A copy of {@code findings} indexed by start. */
    static DisjointFindings of(List<Finding> findings) {
        DisjointFindings d = new DisjointFindings();
        for (Finding f : findings) {
            d.add(f);
        }
        return d;
    }

    @Override
    public Finding get(int index) {
        return inOrder.get(index);
    }

    @Override
    public int size() {
        return inOrder.size();
    }

    @Override
    public boolean add(Finding f) {
        if (disjoint && (f.start() >= f.end() || overlaps(f.start(), f.end()))) {
            disjoint = false;
        }
        inOrder.add(f);
        if (disjoint) {
            byStart.put(f.start(), f);
        }
        return true;
    }

    /** Whether a finding overlaps [s, e): {@code f.start() < e && s < f.end()} for some f. */
    boolean overlaps(int s, int e) {
        if (!disjoint) {
            for (Finding f : inOrder) {
                compared++;
                if (f.start() < e && s < f.end()) {
                    return true;
                }
            }
            return false;
        }
        // disjoint and non-empty: ordered by start they are ordered by end, so the last starting before e ends last
        compared++;
        Map.Entry<Integer, Finding> last = byStart.lowerEntry(e);
        return last != null && s < last.getValue().end();
    }

    /** Findings compared so far (tests: counts the work). */
    long compared() {
        return compared;
    }
}
