package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.WorstCaseInputs;
import org.junit.jupiter.api.Test;

/**
 * slow27: scans that were quadratic (or overflowed the stack) on a worst-case text, checked by the work they do, not by
 * time: each line read once, each walk bounded, each repetition bounded.
 */
class LinearScansTest {

    /** A long line of number groups: every candidate looked its line up again, and the text beyond it. */
    @Test
    void spacedColumnsReadEachLineOnce() {
        String line = WorstCaseInputs.fill("111222333  ", 50_000);
        SpacedColumns columns = new SpacedColumns(line);
        int candidates = 0;
        for (int i = 0; i + 9 <= line.length(); i += 11) {
            assertThat(columns.headerOf(i, i + 9)).isNull(); // no header line above
            candidates++;
        }
        assertThat(candidates).isGreaterThan(4_000);
        assertThat(columns.linesRead()).isLessThanOrEqualTo(2); // the one line, tested and split once for all candidates
    }

    @Test
    void spacedColumnsStillFindTheHeader() {
        String text = "kind  geboren  kwartaal\nama  12-06-2016  304\nbo  01-02-2017  12\n";
        SpacedColumns columns = new SpacedColumns(text);
        int date = text.indexOf("01-02-2017");
        assertThat(columns.headerOf(date, date + 10)).isEqualTo("geboren");
        int first = text.indexOf("12-06-2016");
        assertThat(columns.headerOf(first, first + 10)).isEqualTo("geboren");
        assertThat(columns.headerOf(first, first + 9)).isNull(); // not a whole cell
        assertThat(columns.linesRead()).isLessThanOrEqualTo(2 * 3); // three lines, each read at most twice
    }

    /** Every separator row is a header candidate; each walked the rest of the run of separator rows again. */
    @Test
    void separatorRowsAreSkippedInOneStep() {
        String text = WorstCaseInputs.fill("|||||||||\n", 20_000) + "| naam | bsn |\n| Jan | 1 |\n";
        List<int[]> lines = TextStructure.lineSpans(text);
        int[] next = TableFields.notSeparatorFrom(text, lines);
        assertThat(next).hasSize(lines.size() + 1);
        for (int k = 0; k < lines.size(); k++) {
            int n = next[k];
            assertThat(n).isGreaterThanOrEqualTo(k);
            assertThat(n == lines.size() || n == k || next[k + 1] == n).isTrue(); // one answer for the whole run
        }
        assertThat(next[0]).isEqualTo(2_000); // the first row that is no separator
    }

    /** A text that is one endless "word" (a domain of thousands of labels) was walked to its end from every candidate. */
    @Test
    void aWordIsLookedForOverABoundedStretch() {
        String word = WorstCaseInputs.fill("ab-c.", 100_000);
        assertThat(NamedThings.wordEnd(word, 0)).isLessThanOrEqualTo(NamedThings.MAX_WORD);
        assertThat(NamedThings.wordEnd(word, 50_000)).isLessThanOrEqualTo(50_000 + NamedThings.MAX_WORD);
        assertThat(NamedThings.wordEnd("Bakkerij B.V. ", 9)).isEqualTo(13); // the dots of a legal form stay part of it
    }

    /**
     * Java's regex engine recurses once per repetition of a group: a domain of thousands of labels, or a nickname before
     * thousands of particles, overflowed the stack and failed the detection (the request refused). Bounded now.
     */
    @Test
    void longRepetitionsDoNotOverflowTheStack() {
        PiiEngine engine = PiiEngine.dutchDefault();
        String domain = "Mail jan@" + WorstCaseInputs.fill("ab-c.", 8_000) + "nl vandaag.";
        assertThat(engine.detect(domain)).isNotNull();
        String spoken = "Mail jan (at) " + WorstCaseInputs.fill("ab (dot) ", 20_000) + "nl vandaag.";
        assertThat(engine.detect(spoken)).isNotNull();
        String nickname = "Jan 'Hans' " + WorstCaseInputs.fill("van ", 20_000) + "Berg";
        assertThat(engine.detect(nickname)).isNotNull();
        // an ordinary address is found as before
        assertThat(engine.detect("Mail naar jan.jansen@mail.gemeente.example.nl graag."))
                .extracting(Finding::type).contains(EntityType.EMAIL);
    }
}
