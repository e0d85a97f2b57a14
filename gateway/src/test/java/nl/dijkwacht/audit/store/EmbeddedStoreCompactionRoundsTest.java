package nl.dijkwacht.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.Records;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file's compaction rounds while a retention run removes records (audit46's gentle rounds), run one by
 * one by the test instead of by the timer, over a real H2 file with the gateway's durability settings: while held a
 * round rewrites at most {@code GENTLE_LIMIT_BYTES} and never more than the credit the purge's writes earned, and the
 * rest is kept; after the hold the rounds spend what was kept and stop when nothing is left to rewrite, and the file is
 * then smaller and fuller than right after the purge. No timing.
 */
class EmbeddedStoreCompactionRoundsTest {

    private static final int RECORDS = 3_000;
    private static final ChainCodec CODEC = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    private static final int PURGED_PER_COMMIT = 20;
    /** Commits between two rounds: the timer's 100 ms hold several of a purge's commits. */
    private static final int COMMITS_PER_ROUND = 10;

    @TempDir
    Path dir;

    @Test
    void roundsAreGentleWhileHeldStopAtTheCreditAndBringTheFileDownAfterwards() throws Exception {
        Path base = dir.resolve("audit");
        Path file = dir.resolve("audit.mv.db");
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            EmbeddedStoreCompaction compaction = EmbeddedStoreCompaction.unscheduled(db.dataSource()).orElseThrow();
            write(db, 0, RECORDS); // no rounds: a file with much dead space, as a store the rounds fell behind on
            compaction.compactRound(); // the first round only notes what H2 has written so far

            List<Long> heldRounds = new ArrayList<>();
            try (EmbeddedStoreCompaction.GentleRounds held = compaction.gentleDuringPurge()) {
                int commits = 0;
                for (long from = 1; from <= RECORDS * 9L / 10; from += PURGED_PER_COMMIT) {
                    db.update("DELETE FROM audit_record WHERE seq BETWEEN ? AND ?", from, from + PURGED_PER_COMMIT - 1);
                    if (++commits % COMMITS_PER_ROUND != 0) {
                        continue;
                    }
                    long before = compaction.rewriteCredit();
                    long rewrote = compaction.compactRound();
                    heldRounds.add(rewrote);
                    assertThat(rewrote).as("a round while held").isLessThanOrEqualTo(EmbeddedStoreCompaction.GENTLE_LIMIT_BYTES);
                    assertThat(compaction.rewriteCredit()).as("never beyond what was earned").isGreaterThanOrEqualTo(0)
                            .isLessThanOrEqualTo(EmbeddedStoreCompaction.CREDIT_LIMIT_BYTES);
                    if (rewrote > 0) {
                        assertThat(compaction.rewriteCredit()).isLessThan(before + rewrote);
                    }
                }
            }
            assertThat(heldRounds).as("the purge earned more than a gentle round may rewrite").contains((long) EmbeddedStoreCompaction.GENTLE_LIMIT_BYTES);
            compaction.flush(false);
            long afterPurge = Files.size(file);
            int fillAfterPurge = compaction.chunksFillRate();

            long kept = compaction.rewriteCredit();
            assertThat(kept).as("the rest of what the purge earned is kept").isPositive();
            // afterwards the credit kept is spent: rounds, each saved by the next commit, until one rewrites nothing
            List<Long> afterRounds = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                long rewrote = compaction.compactRound();
                if (rewrote == 0) {
                    break;
                }
                afterRounds.add(rewrote);
                compaction.flush(false);
            }
            assertThat(afterRounds).as("the rounds stop once nothing is left to rewrite").hasSizeLessThan(1_000).isNotEmpty();
            assertThat(afterRounds.getFirst()).as("no longer gentle: the round may spend all that was kept").isGreaterThanOrEqualTo(kept);
            assertThat(compaction.chunksFillRate()).isGreaterThan(fillAfterPurge);
            assertThat(Files.size(file)).as("file after the rounds against right after the purge (%,d B)", afterPurge).isLessThan(afterPurge);
            compaction.close();
        }
    }

    /** Records {@code from} to {@code to} through the gateway's writer. */
    private static void write(AuditDb db, int from, int to) {
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, new AuditRows(new ObjectMapper()), "node").start()) {
            for (int n = from; n < to; n++) {
                sink.append(Records.varied(n, "t-" + n, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n)));
            }
        }
    }
}
