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
 * one by the test instead of by the timer: while held a round rewrites at most {@code GENTLE_LIMIT_BYTES} and never
 * more than the credit the purge's writes earned; after the hold the rounds spend what is left and stop when nothing
 * is left to rewrite, and the file is then smaller and fuller than right after the purge. No timing.
 */
class EmbeddedStoreCompactionRoundsTest {

    private static final int RECORDS = 3_000;
    private static final int PURGED_PER_COMMIT = 20;

    @TempDir
    Path dir;

    @Test
    void roundsAreGentleWhileHeldStopAtTheCreditAndBringTheFileDownAfterwards() throws Exception {
        Path base = dir.resolve("audit");
        Path file = dir.resolve("audit.mv.db");
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            EmbeddedStoreCompaction compaction = EmbeddedStoreCompaction.unscheduled(db.dataSource()).orElseThrow();
            compaction.compactRound(); // the first round only notes what H2 has written so far
            ChainCodec codec = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
            try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, new AuditRows(new ObjectMapper()), "node").start()) {
                for (int n = 0; n < RECORDS; n++) {
                    sink.append(Records.varied(n, "t-" + n, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n)));
                }
            }
            settle(compaction); // as the timer would have done during the writes

            List<Long> heldRounds = new ArrayList<>();
            try (EmbeddedStoreCompaction.GentleRounds held = compaction.gentleDuringPurge()) {
                for (long from = 1; from <= RECORDS * 9L / 10; from += PURGED_PER_COMMIT) {
                    db.update("DELETE FROM audit_record WHERE seq BETWEEN ? AND ?", from, from + PURGED_PER_COMMIT - 1);
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
            assertThat(heldRounds).as("the purge's writes earn gentle rewrites").anySatisfy(r -> assertThat(r).isPositive());
            compaction.flush(false);
            long afterPurge = Files.size(file);
            int fillAfterPurge = compaction.chunksFillRate();

            long[] spent = settle(compaction);
            assertThat(spent[0]).as("rounds after the hold").isPositive();
            assertThat(compaction.compactRound()).as("nothing left to rewrite: the rounds stop").isZero();
            assertThat(compaction.chunksFillRate()).isGreaterThan(fillAfterPurge);
            assertThat(Files.size(file)).as("file after the catch-up against right after the purge (%,d B)", afterPurge)
                    .isLessThan(afterPurge);
            compaction.close();
        }
    }

    /** Rounds, each followed by a commit that saves its rewrite, until one rewrites nothing: {rounds, bytes allowed}. */
    private static long[] settle(EmbeddedStoreCompaction compaction) {
        long rounds = 0;
        long bytes = 0;
        for (int i = 0; i < 10_000; i++) {
            long rewrote = compaction.compactRound();
            if (rewrote == 0) {
                break;
            }
            rounds++;
            bytes += rewrote;
            compaction.flush(false);
        }
        return new long[] {rounds, bytes};
    }
}
