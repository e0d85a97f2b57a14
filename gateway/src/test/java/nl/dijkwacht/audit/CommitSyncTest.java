package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.AuditStoreHousekeeping;
import nl.dijkwacht.audit.store.EmbeddedStoreCompaction;
import org.junit.jupiter.api.Test;

/**
 * The step after each group commit (on the embedded store optionally one fsync of the file): a request is released
 * only after it ran; when it fails the request is refused and its committed record is neither lost nor written twice.
 */
class CommitSyncTest {

    private static final ChainCodec CODEC = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    private static final AuditRows ROWS = new AuditRows(new ObjectMapper());

    @Test
    void aFailedSyncRefusesTheRequestAndKeepsOneCommittedRecord() {
        try (AuditDb db = AuditDb.h2()) {
            AtomicInteger syncs = new AtomicInteger();
            AtomicBoolean diskFails = new AtomicBoolean();
            ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "sync").afterCommit(batch -> {
                syncs.incrementAndGet();
                if (diskFails.get()) {
                    throw new IllegalStateException("disk gone");
                }
            }).start();
            Instant t = Instant.parse("2026-12-02T05:00:00Z");
            sink.append(Records.sample("t-1", t));
            assertThat(syncs).hasValue(1);

            diskFails.set(true);
            assertThatThrownBy(() -> sink.append(Records.sample("t-2", t.plusSeconds(1))))
                    .hasMessageContaining("audit store write failed");
            diskFails.set(false);
            sink.append(Records.sample("t-3", t.plusSeconds(2)));
            sink.close();

            assertThat(db.count("SELECT COUNT(*) FROM audit_record WHERE trace_id = 't-2'")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM audit_record")).isEqualTo(3);
            assertThat(new ChainVerifier(db.dataSource(), CODEC, ROWS).verifyAll()).allMatch(r -> r.ok());
        }
    }

    @Test
    void theEmbeddedFileStoreSyncsOnlyWhenAsked() throws Exception {
        Path dir = Files.createTempDirectory("dw-commit-sync");
        try (AuditDb db = AuditDb.h2File(dir.resolve("dijkwacht-audit"));
             AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(EmbeddedStoreCompaction.start(db.dataSource()))) {
            Runnable sync = housekeeping.commitSync(true);
            ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "fsync")
                    .afterCommit(batch -> sync.run()).start();
            for (int i = 0; i < 20; i++) {
                sink.append(Records.sample("f-" + i, Instant.now()));
            }
            sink.close();
            assertThat(db.count("SELECT COUNT(*) FROM audit_record")).isEqualTo(20);
        }
        try (AuditDb memory = AuditDb.h2();
             AuditStoreHousekeeping none = new AuditStoreHousekeeping(EmbeddedStoreCompaction.start(memory.dataSource()))) {
            assertThat(none.embeddedFillRate()).as("no file store, nothing to sync").isEmpty();
            none.commitSync(true).run(); // a no-op, not a failure
        }
    }
}
