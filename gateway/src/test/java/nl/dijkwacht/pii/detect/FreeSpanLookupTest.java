package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.dijkwacht.pii.WorstCaseInputs;
import org.junit.jupiter.api.Test;

/**
 * lin27: {@link FindingLinks} compared every new candidate with every finding kept and added — on a list of thousands
 * of the same name (each occurrence a candidate, each added) quadratic. Checked by the comparisons made, not by time.
 */
class FreeSpanLookupTest {

    @Test
    void aListOfTheSameNameIsLinkedWithOneComparisonPerCandidate() {
        String text = WorstCaseInputs.fill("- Jan\n", 60_000);
        List<Finding> kept = List.of(person(2, 5));
        List<Finding> added = FindingLinks.link(text, kept);
        assertThat(added).hasSizeGreaterThan(9_000); // every other "Jan" is linked, as before
        assertThat(added).isInstanceOf(DisjointFindings.class);
        // quadratic was ~ 10,000² / 2 = 5·10⁷ comparisons
        assertThat(((DisjointFindings) added).compared()).isLessThanOrEqualTo(3L * text.length());
    }

    /** The look-up answers as the comparison with all did, also once two findings overlap (then it compares all). */
    @Test
    void overlapsAnswersAsComparingWithAll() {
        Random random = new Random(27);
        for (int round = 0; round < 2_000; round++) {
            DisjointFindings index = new DisjointFindings();
            List<Finding> all = new ArrayList<>();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                int s = random.nextInt(60);
                Finding f = person(s, s + 1 + random.nextInt(8));
                boolean free = all.stream().noneMatch(g -> g.start() < f.end() && f.start() < g.end());
                if (free || random.nextInt(4) == 0) { // mostly disjoint, now and then an overlap
                    index.add(f);
                    all.add(f);
                }
            }
            assertThat(index).containsExactlyElementsOf(all);
            for (int s = 0; s < 70; s++) {
                for (int e = s; e < s + 10; e++) {
                    int qs = s;
                    int qe = e;
                    boolean expected = all.stream().anyMatch(g -> g.start() < qe && qs < g.end());
                    assertThat(index.overlaps(s, e)).as("%s [%d,%d)", all, s, e).isEqualTo(expected);
                }
            }
        }
    }

    private static Finding person(int s, int e) {
        return new Finding(EntityType.PERSON, s, e, 0.8, "person", "", "");
    }
}
