package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * An export counts and then streams; records the audit writer commits between the two must be in neither, or the
 * console's progress reads "21 van 20". Both run in one snapshot: a chain committed from another connection after
 * the count is not in the export either — on the embedded store and on PostgreSQL.
 */
class ExportSnapshotTest {

    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void countAndExportSeeTheSameRowsOnH2() throws Exception {
        try (AuditDb db = AuditDb.h2()) {
            run(db);
        }
    }

    @Test
    void countAndExportSeeTheSameRowsOnPostgres() throws Exception {
        try (AuditDb db = AuditDb.postgres()) {
            run(db);
        }
    }

    private static void run(AuditDb db) throws Exception {
        ObjectMapper json = new ObjectMapper();
        AuditRows rows = new AuditRows(json);
        ChainCodec codec = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
        BulkChain.write(db, codec, rows, "early", 30, seq -> Records.sample("early-" + seq, START.plusSeconds(seq)));
        AuditQueries queries = new AuditQueries(db.dataSource(), rows, json);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        long[] counted = new long[1];
        long written = queries.inSnapshot(() -> {
            counted[0] = queries.count(AuditFilter.none());
            // committed on another connection (another thread), after the count, dated before the export started
            CompletableFuture.runAsync(() -> {
                try {
                    BulkChain.write(db, codec, rows, "late", 5, seq -> Records.sample("late-" + seq, START.minusSeconds(seq)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).join();
            return queries.exportCsv(AuditFilter.none(), csv);
        });

        assertThat(counted[0]).isEqualTo(30);
        assertThat(written).isEqualTo(30);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("early-1").doesNotContain("late-");
        assertThat(queries.count(AuditFilter.none())).as("after the snapshot the late chain is there").isEqualTo(35);
    }
}
