package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import nl.dijkwacht.audit.chain.AuditJournal;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.AuditStoreHousekeeping;
import nl.dijkwacht.audit.store.EmbeddedStoreCompaction;
import nl.dijkwacht.audit.store.StoreDurability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded H2 file stays near the size of its data. Every record is committed on its own (one writer, as at
 * concurrency 1), which without the store's housekeeping left ~30 KB of file per record (H2 writes a new chunk per
 * commit and, with WRITE_DELAY=0, no longer compacts them). Size, not time: while open the file may hold a few MB of
 * not yet reclaimed chunks (about a second's worth), after a clean close it holds the data. Both modes: journal mode
 * (ADR 0010, the default: H2 writes about once a second, at the journal's cut) and the old write-every-commit mode.
 */
class EmbeddedStoreSizeTest {

    static final int RECORDS = 1500;

    @ParameterizedTest(name = "journal mode {0}")
    @ValueSource(booleans = {true, false})
    void fileStaysSmallAndEveryRecordIsThereAfterClose(boolean journalMode) throws Exception {
        Path dir = Files.createTempDirectory("dw-store-size");
        Path base = dir.resolve("dijkwacht-audit");
        ChainCodec codec = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
        AuditRows rows = new AuditRows(new ObjectMapper());
        long openSize;
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            try (AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(EmbeddedStoreCompaction.start(db.dataSource()), journalMode)) {
                assertThat(housekeeping.embeddedFillRate()).as("housekeeping runs on the embedded file store").isPresent();
                ChainedJdbcAuditSink sink;
                if (journalMode) {
                    AuditJournal journal = new AuditJournal(AuditJournal.fileFor(base, "size"), false, () -> housekeeping.flush(false));
                    housekeeping.closeLater(journal);
                    sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "size").afterCommit(journal)
                            .start();
                } else {
                    sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "size").start();
                }
                for (int i = 0; i < RECORDS; i++) {
                    sink.append(Records.sample(String.format("%032x", i), Instant.now()));
                }
                sink.close();
                openSize = Files.size(dir.resolve("dijkwacht-audit.mv.db"));
            }
        }
        long closedSize = Files.size(dir.resolve("dijkwacht-audit.mv.db"));
        if (journalMode) {
            assertThat(Files.size(AuditJournal.fileFor(base, "size"))).as("the journal is cut on close").isZero();
        }
        System.out.printf("embedded store (journal mode %s): %d records, file %d bytes while open (%d B/record), %d bytes after close (%d B/record)%n",
                journalMode, RECORDS, openSize, openSize / RECORDS, closedSize, closedSize / RECORDS);
        // A regression guard, not the ≤ 1 KB target: how much the background compaction has reclaimed depends on how
        // fast the machine commits (0.98 KB after close on two free cores, 2.2 KB with the test pinned to one busy
        // core). Without the housekeeping the file holds 27-45 KB per record; docs/benchmarks.md has the figures.
        assertThat(openSize / RECORDS).as("bytes per record while open").isLessThan(10_000);
        assertThat(closedSize / RECORDS).as("bytes per record after close").isLessThan(5_000);

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_record")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(RECORDS);
        }
        try (AuditDb reopened = AuditDb.h2File(base)) {
            assertThat(new ChainVerifier(reopened.dataSource(), codec, rows).verifyAll()).allMatch(VerifyReport -> VerifyReport.ok());
        }
    }
}
