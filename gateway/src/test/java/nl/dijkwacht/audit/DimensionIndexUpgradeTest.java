package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.PageCursor;
import nl.dijkwacht.audit.store.AuditRows;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An embedded store file written before V123 (migrated up to V121, with the department, use-case, tool, model and
 * endpoint indexes), migrated: those indexes are gone, the staff member's, the time, the trace and the chain indexes stay, every filtered
 * page lists the same records in the same order as before, the chain verifies and new records chain on.
 */
class DimensionIndexUpgradeTest {

    static final ChainCodec CODEC = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    static final AuditRows ROWS = new AuditRows(new ObjectMapper());
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void fileStoreLosesTheFewValuedIndexesAndKeepsItsPages() throws Exception {
        Path dir = Files.createTempDirectory("dw-index-upgrade");
        DataSource ds = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("audit") + AuditDb.defaultH2Settings()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        flyway(ds).target("121").load().migrate();
        assertThat(indexes(ds)).contains("AUDIT_RECORD_DEPARTMENT_IDX", "AUDIT_RECORD_USE_CASE_IDX",
                "AUDIT_RECORD_TOOL_IDX", "AUDIT_RECORD_MODEL_IDX", "AUDIT_RECORD_ENDPOINT_IDX");
        BulkChain.write(ds, CODEC, ROWS, "node", 600, seq -> Records.sample("t-" + seq, START.plusMillis(seq / 3 * 1000),
                "p-" + seq % 40, "afdeling-" + seq % 7, "uc-" + seq % 3, seq % 9 == 0 ? "refused" : "allowed"));
        AuditQueries queries = new AuditQueries(ds, ROWS, new ObjectMapper());
        List<List<Long>> before = pages(queries);

        flyway(ds).load().migrate();

        assertThat(indexes(ds)).contains("AUDIT_RECORD_CHAIN_IDX", "AUDIT_RECORD_TRACE_IDX", "AUDIT_RECORD_TIME_IDX",
                "AUDIT_RECORD_ACTOR_IDX").doesNotContain("AUDIT_RECORD_DEPARTMENT_IDX", "AUDIT_RECORD_USE_CASE_IDX",
                "AUDIT_RECORD_TOOL_IDX", "AUDIT_RECORD_MODEL_IDX", "AUDIT_RECORD_ENDPOINT_IDX");
        assertThat(pages(queries)).isEqualTo(before);
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(ds, CODEC, ROWS, "node").start()) {
            sink.append(Records.sample("t-601", START.plusSeconds(3600)));
        }
        VerifyReport report = new ChainVerifier(ds, CODEC, ROWS).verify("node", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(601);
        new JdbcTemplate(ds).execute("SHUTDOWN");
    }

    /** Every record id, page by page (keyset, 25 a page), for a department, a use-case, a staff member and both together. */
    private static List<List<Long>> pages(AuditQueries queries) {
        List<List<Long>> all = new ArrayList<>();
        for (AuditFilter filter : List.of(
                new AuditFilter(null, null, null, "afdeling-3", null, null, null, null, null, null, null),
                new AuditFilter(null, null, null, null, null, "uc-1", null, "refused", null, null, null),
                new AuditFilter(null, null, "p-7", null, null, null, null, null, null, null, null),
                new AuditFilter(null, null, "p-7", "afdeling-0", null, null, null, null, null, null, null))) {
            PageCursor next = null;
            do {
                AuditQueries.Slice page = queries.searchAfter(filter, next, 25);
                all.add(page.items().stream().map(AuditRows.Stored::id).toList());
                next = page.next();
            } while (next != null);
        }
        return all;
    }

    private static List<String> indexes(DataSource ds) {
        return new JdbcTemplate(ds).queryForList("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE TABLE_NAME = 'AUDIT_RECORD'", String.class);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2");
    }
}
