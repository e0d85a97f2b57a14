package nl.dijkwacht.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.Records;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store that hangs: the requests wait for their records untimed, and the sink's watch refuses those the store has not
 * confirmed within the limit (30 s in the gateway, 1 s here) — the record being written and the ones queued behind it
 * alike. The hang is real: another session holds PostgreSQL's lock on the chain head table, so the writer's statement
 * blocks until it lets go.
 */
class ConfirmationWatchTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    AuditDb db;
    ChainCodec codec;
    AuditRows rows;

    @BeforeEach
    void setUp() {
        db = AuditDb.postgres();
        codec = ChainCodec.fromSecret(SECRET);
        rows = new AuditRows(new ObjectMapper());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void recordsTheHungStoreDoesNotConfirmAreRefusedAndWrittenOnceItAnswersAgain() throws Exception {
        ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "hang")
                .confirmWithin(Duration.ofSeconds(1)).start(); // never alone: every record goes through the writer thread
        int waiting = 6;
        try {
            sink.append(Records.sample("before", Instant.now()));
            List<Throwable> refusals = new ArrayList<>();
            try (Connection holder = db.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                holder.createStatement().execute("LOCK TABLE audit_chain_head IN ACCESS EXCLUSIVE MODE");
                try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<Throwable>> requests = new ArrayList<>();
                    for (int i = 0; i < waiting; i++) {
                        String trace = "during-" + i;
                        requests.add(pool.submit(() -> catchThrowable(() -> sink.append(Records.sample(trace, Instant.now())))));
                    }
                    for (Future<Throwable> r : requests) {
                        refusals.add(r.get());
                    }
                } finally {
                    holder.rollback();
                }
            }
            assertThat(refusals).hasSize(waiting).allSatisfy(t -> {
                assertThat(t).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(TimeoutException.class)
                        .hasMessage("audit store did not confirm the write within 1 s");
            });
            assertThat(sink.available()).as("a slow store is not a failed one").isTrue();

            sink.append(Records.sample("after", Instant.now())); // queued behind the refused ones: they are written first
        } finally {
            sink.close();
        }
        VerifyReport report = new ChainVerifier(db.dataSource(), codec, rows).verify("hang", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(waiting + 2);
    }
}
