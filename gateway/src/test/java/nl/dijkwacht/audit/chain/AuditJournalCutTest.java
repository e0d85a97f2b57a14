package nl.dijkwacht.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.Records;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.AuditStoreHousekeeping;
import nl.dijkwacht.audit.store.EmbeddedStoreCompaction;
import nl.dijkwacht.audit.store.StoreDurability;
import nl.dijkwacht.pipeline.TraceIds;
import org.junit.jupiter.api.Test;

/**
 * The journal's timed cut (H2 writes its committed state, the journal empties) is periodic work: it must not land on
 * the answer of a lone request — a member of staff's request after a pause, whose commit always found a cut due — but
 * on the writer thread, when it has nothing to write, or on a group commit under load.
 */
class AuditJournalCutTest {

    private static final ChainCodec CODEC = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    private static final AuditRows ROWS = new AuditRows(new ObjectMapper());
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLoneRequestsBatchIsJournalledWithoutTheTimedCutWhichTheIdleWriterMakes() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicInteger flushes = new AtomicInteger();
        Path file = Files.createTempDirectory("dw-journal-cut").resolve("main.audit-journal");
        try (AuditJournal journal = new AuditJournal(file, false, flushes::incrementAndGet, now::get)) {
            now.addAndGet(2 * SECOND); // a quiet spell: the cut is due

            journal.committed(batch(1), true);
            assertThat(flushes).as("the lone request's commit left H2's write alone").hasValue(0);
            assertThat(journal.size()).as("its batch is in the journal").isPositive();

            journal.idle();
            assertThat(flushes).as("the idle writer cut").hasValue(1);
            assertThat(journal.size()).isZero();

            journal.committed(batch(2), true);
            now.addAndGet(SECOND / 2);
            journal.idle();
            assertThat(flushes).as("no cut before the interval is over").hasValue(1);
            assertThat(journal.size()).isPositive();

            now.addAndGet(SECOND);
            journal.committed(batch(3), false);
            assertThat(flushes).as("a group commit under load still cuts when one is due").hasValue(2);
            assertThat(journal.size()).isZero();

            now.addAndGet(2 * SECOND);
            journal.idle();
            assertThat(flushes).as("an empty journal needs no cut").hasValue(2);
        }
    }

    @Test
    void theWriterThreadCutsWhatALoneRequestLeftInTheJournal() throws Exception {
        Path base = Files.createTempDirectory("dw-journal-cut").resolve("dijkwacht-audit");
        AtomicLong now = new AtomicLong();
        AtomicInteger flushes = new AtomicInteger();
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            var compaction = EmbeddedStoreCompaction.start(db.dataSource());
            compaction.orElseThrow().close(); // no timer: only the journal's cut writes H2's state
            AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(compaction, true);
            AuditJournal journal = new AuditJournal(AuditJournal.fileFor(base, "main"), false, () -> {
                flushes.incrementAndGet();
                housekeeping.flush(false);
            }, now::get);
            ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "main")
                    .afterCommit(journal).alone(() -> true).start();
            try {
                now.addAndGet(2 * SECOND);
                sink.append(Records.varied(1, TraceIds.next(), Instant.now()), null);

                assertThat(sink.batchesByCaller()).as("written by the request itself").isEqualTo(1);
                assertThat(flushes).as("acknowledged before any cut: the record is in the journal").hasValue(0);
                assertThat(journal.size()).isPositive();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(flushes).as("the idle writer thread cut").hasValue(1);
                    assertThat(journal.size()).isZero();
                });
                assertThat(new ChainVerifier(db.dataSource(), CODEC, ROWS).verifyAll()).allMatch(r -> r.ok());
            } finally {
                sink.close();
                journal.close();
                housekeeping.close();
            }
        }
    }

    private static List<LinkedRecord> batch(long seq) {
        return List.of(new LinkedRecord(
                new AuditRows.ChainLink("main", seq, "ab".repeat(32), "cd".repeat(32), CODEC.keyId()),
                Records.varied(seq, TraceIds.next(), Instant.now()), null));
    }
}
