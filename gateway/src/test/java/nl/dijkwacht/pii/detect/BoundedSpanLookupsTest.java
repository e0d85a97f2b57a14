package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.WorstCaseInputs;
import org.junit.jupiter.api.Test;

/**
 * pii28: three look-ups per span or per field read on to the text's end or back to its start — a person field's
 * {@code ';'} ({@code PersonFieldValues}, one-line JSON), a space after a span ({@code PlaceAndTitleFilter}'s "te
 * Hengelo" rule, a domain of many labels) and a capitalised word's line start ({@code NamedThings.placeOfAnAddress},
 * any long line of names). They now read inside the span or back to the nearest letter; checked by the characters
 * read ({@link ReadCounts#SPAN}), which must grow with the text as the text does, not as its square.
 */
class BoundedSpanLookupsTest {

    private static final PiiEngine ENGINE = PiiEngine.dutchDefault();

    private static long reads(String shape, int size) {
        assertThat(ReadCounts.ON).as("run with -Ddijkwacht.pii.count-reads=true (surefire's argLine sets it)").isTrue();
        String text = WorstCaseInputs.all().get(shape).apply(size);
        long before = ReadCounts.SPAN.sum();
        ENGINE.detect(text);
        return ReadCounts.SPAN.sum() - before;
    }

    private static void linear(String shape) {
        long small = reads(shape, 8 * 1024);
        long large = reads(shape, 64 * 1024);
        assertThat(large).as("%s: characters read at 64 KB", shape).isLessThanOrEqualTo(4L * 64 * 1024);
        assertThat(large).as("%s: 8× the text, reads %d → %d", shape, small, large).isLessThanOrEqualTo(10 * small);
    }

    @Test
    void aJsonTextOnOneLineReadsEachFieldOnce() {
        linear("json-like");
    }

    @Test
    void aDomainOfManyLabelsReadsEachSpanOnce() {
        linear("email-many-labels");
    }

    @Test
    void namesOnOneLongLineLookBackOnlyToTheWordBefore() {
        linear("comma-places");
        linear("digits-glued-name");
        linear("pipe-names");
    }
}
