package nl.dijkwacht.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.dijkwacht.audit.Records;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * The journal's JSON takes Jackson's buffers from a shared pool (a lone request commits on its own new virtual thread):
 * a commit reuses the buffers the previous one wrote into, so each frame must hold its own batch and nothing of the one
 * before — a long batch followed by short ones, each on a new virtual thread, reads back byte for byte as a mapper
 * without a pool writes it — and the pool keeps one set, not one per commit.
 */
class AuditJournalBuffersTest {

    private static final ObjectMapper FRESH = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void eachFrameHoldsItsOwnBatchOnlyAndOneBufferSetIsKept() throws Exception {
        Path file = Files.createTempDirectory("dw-journal-buffers").resolve("main.audit-journal");
        List<AuditJournal.Batch> written = new ArrayList<>();
        try (AuditJournal journal = new AuditJournal(file, false, () -> { })) {
            for (int commit = 0; commit < 6; commit++) {
                int records = commit == 0 ? 40 : 1; // the first fills the buffers far beyond what the next ones write
                List<LinkedRecord> batch = new ArrayList<>();
                for (int r = 0; r < records; r++) {
                    long seq = commit * 100L + r;
                    batch.add(new LinkedRecord(new AuditRows.ChainLink("main", seq, "ab".repeat(32), "cd".repeat(32), "k1"),
                            Records.varied(seq, "trace-" + commit + "-" + r, Instant.parse("2026-12-04T20:00:00Z")), null));
                }
                written.add(toBatch(batch));
                try (ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor()) {
                    thread.submit(() -> journal.committed(batch, true)).get();
                }
            }
            assertThat(AuditJournal.JSON_POOL.pooledCount()).as("buffer sets kept after six commits on six threads").isEqualTo(1);

            // read before close: a clean close cuts the journal empty
            List<byte[]> frames = frames(Files.readAllBytes(file));
            assertThat(frames).hasSize(written.size());
            for (int i = 0; i < frames.size(); i++) {
                assertThat(new String(frames.get(i), StandardCharsets.UTF_8)).as("frame %d", i)
                        .isEqualTo(FRESH.writeValueAsString(written.get(i)));
            }
            assertThat(AuditJournal.read(file)).hasSize(written.size());
        }
    }

    private static AuditJournal.Batch toBatch(List<LinkedRecord> batch) {
        List<AuditJournal.Entry> entries = new ArrayList<>();
        for (LinkedRecord c : batch) {
            AuditRows.ChainLink l = c.link();
            entries.add(new AuditJournal.Entry(l.seq(), l.prevHash(), l.recordHash(), l.chainKeyId(), c.record(), c.content()));
        }
        return new AuditJournal.Batch("main", entries);
    }

    private static List<byte[]> frames(byte[] all) {
        ByteBuffer in = ByteBuffer.wrap(all);
        List<byte[]> out = new ArrayList<>();
        while (in.remaining() >= 8) {
            byte[] json = new byte[in.getInt()];
            in.getInt();
            in.get(json);
            out.add(json);
        }
        return out;
    }
}
