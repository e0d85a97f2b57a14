package nl.dijkwacht.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.WorstCaseInputs;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.detect.Finding;
import org.junit.jupiter.api.Test;

/**
 * slow27: a message of many text parts, and a long participant name, were read with all-pairs comparisons (quadratic).
 * Checked by the answer of the faster walk against the plain one, not by time.
 */
class ManyPartsTest {

    /** The binary search gives the part the old walk from the first part gave, empty parts included. */
    @Test
    void partByBinarySearchIsThePartOfTheWalk() {
        Random random = new Random(27);
        for (int round = 0; round < 2_000; round++) {
            int parts = 1 + random.nextInt(12);
            int[] starts = new int[parts + 1];
            for (int i = 1; i <= parts; i++) {
                starts[i] = starts[i - 1] + random.nextInt(4); // 0: an empty part
            }
            for (int offset = 0; offset <= starts[parts]; offset++) {
                assertThat(SplitAcrossParts.part(starts, offset)).isEqualTo(walk(starts, offset));
            }
        }
    }

    private static int walk(int[] starts, int offset) {
        int i = 0;
        while (i + 1 < starts.length - 1 && starts[i + 1] <= offset) {
            i++;
        }
        return i;
    }

    /** Values split over thousands of parts are still each found across their boundary once. */
    @Test
    void aMessageOfThousandsOfPartsIsRedactedAcrossTheParts() {
        String text = WorstCaseInputs.fill("Bel 0612345678 of mail jan@example.nl. ", 40_000);
        int counted = WorstCaseRedaction.splitAcrossParts(PiiEngine.dutchDefault(), text, 16);
        assertThat(counted).isGreaterThan(1_000);
    }

    /** The participant name's two readings merged by one walk equal the all-pairs merge. */
    @Test
    void nameReadingsMergeAsBefore() {
        PiiEngine engine = PiiEngine.dutchDefault();
        RedactPersonalDataStep step = new RedactPersonalDataStep(engine, new Anonymizer("worst-case-inputs-key".getBytes()));
        for (String name : List.of("jan_jansen", "klant-111222333", "j_a_n_s_e_n-0612345678_piet-de-vries",
                WorstCaseInputs.fill("jan_de_vries-0612345678_", 3_000), WorstCaseInputs.fill("J a n s e n ", 2_000))) {
            assertThat(step.detectInName(name)).isEqualTo(allPairs(engine, name));
        }
    }

    private static List<Finding> allPairs(PiiEngine engine, String name) {
        List<Finding> asIs = engine.detect(name);
        String words = name.replace('_', ' ').replace('-', ' ');
        if (words.equals(name)) {
            return asIs;
        }
        List<Finding> merged = new ArrayList<>(asIs);
        for (Finding f : engine.detect(words)) {
            if (merged.stream().noneMatch(g -> g.start() < f.end() && f.start() < g.end())) {
                merged.add(f);
            }
        }
        merged.sort(java.util.Comparator.comparingInt(Finding::start));
        return merged;
    }
}
