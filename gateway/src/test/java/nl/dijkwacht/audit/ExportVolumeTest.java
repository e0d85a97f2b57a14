package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-record export (CSV and JSON) streams: the heap in use while the last rows are written is no larger
 * than while the first ones were, although the output is far bigger than that difference. Verify streams too.
 */
class ExportVolumeTest {

    static final int RECORDS = 100_000;
    static final long ALLOWED_GROWTH = 16L * 1024 * 1024;

    @Test
    void exportOfAHundredThousandRecordsOnPostgresHasBoundedMemory() throws Exception {
        try (AuditDb db = AuditDb.postgres()) {
            run(db);
        }
    }

    @Test
    void exportOfAHundredThousandRecordsOnH2HasBoundedMemory() throws Exception {
        try (AuditDb db = AuditDb.h2()) {
            run(db);
        }
    }

    private static void run(AuditDb db) throws Exception {
        ObjectMapper json = new ObjectMapper();
        AuditRows rows = new AuditRows(json);
        ChainCodec codec = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        BulkChain.write(db, codec, rows, "bulk", RECORDS, seq -> Records.sample("bulk-" + seq, start.plusSeconds(seq * 300)));

        AuditQueries queries = new AuditQueries(db.dataSource(), rows, json);
        HeapWatchingStream csv = new HeapWatchingStream();
        assertThat(queries.exportCsv(AuditFilter.none(), csv)).isEqualTo(RECORDS);
        csv.report("CSV", db);

        HeapWatchingStream jsonOut = new HeapWatchingStream();
        assertThat(queries.exportJson(AuditFilter.none(), jsonOut)).isEqualTo(RECORDS);
        jsonOut.report("JSON", db);

        VerifyReport report = new ChainVerifier(db.dataSource(), codec, rows).verify("bulk", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(RECORDS);
    }

    /** Discards the bytes; measures the heap in use (after GC) early in the export and near its end. */
    static final class HeapWatchingStream extends OutputStream {
        final long baseline = usedAfterGc();
        long bytes;
        long earlyHeap = -1;
        long lateHeap = -1;
        long peakHeap;
        long nextSample = 4L * 1024 * 1024;

        @Override
        public void write(int b) {
            count(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count(len);
        }

        private void count(int n) {
            bytes += n;
            if (bytes >= nextSample) {
                nextSample += 8L * 1024 * 1024;
                long used = usedAfterGc();
                if (earlyHeap < 0) {
                    earlyHeap = used;
                }
                lateHeap = used;
                peakHeap = Math.max(peakHeap, used);
            }
        }

        void report(String kind, AuditDb db) {
            System.out.printf("%s export (%s) of %d records: %.1f MB written, heap used before %.1f MB, early %.1f MB, late %.1f MB, peak %.1f MB%n",
                    kind, db.isPostgres() ? "PostgreSQL" : "H2", RECORDS, bytes / 1048576.0, baseline / 1048576.0,
                    earlyHeap / 1048576.0, lateHeap / 1048576.0, peakHeap / 1048576.0);
            assertThat(bytes).isGreaterThan(40L * 1024 * 1024);
            assertThat(lateHeap - earlyHeap).as("heap growth during the %s export", kind).isLessThan(ALLOWED_GROWTH);
            assertThat(peakHeap - baseline).as("peak heap growth over the state before the %s export", kind).isLessThan(ALLOWED_GROWTH);
        }

        private static long usedAfterGc() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
