package nl.dijkwacht.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.Records;
import nl.dijkwacht.audit.RequestsInFlight;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's wait for fuller group commits under load. The waits here are a day long: a writer that waited when it
 * should not, or did not stop waiting when every request's record had arrived, makes {@code append} give up after its
 * 30 s and the test fail.
 */
class GroupCommitWaitTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Duration A_DAY = Duration.ofDays(1);

    AuditDb db;
    ChainCodec codec;
    AuditRows rows;
    final List<String> batches = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger serving = new AtomicInteger();

    @BeforeEach
    void setUp() {
        db = AuditDb.h2();
        codec = ChainCodec.fromSecret(SECRET);
        rows = new AuditRows(new ObjectMapper());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ChainedJdbcAuditSink sink(String chain, Duration wait) {
        return ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, chain)
                .afterCommit(batch -> batches.add(Thread.currentThread().getName() + ":" + batch.size()))
                .alone(() -> serving.get() <= 1).groupCommitWait(serving::get, wait).start();
    }

    @Test
    void underLoadOneCommitCarriesEveryRequestsRecordOnceAllHaveArrived() throws Exception {
        int requests = 32;
        serving.set(requests); // every request in flight; the writer waits for their records before its first commit
        ChainedJdbcAuditSink sink = sink("wait-a", A_DAY);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            appendFromEach(pool, sink, requests);
        } finally {
            sink.close();
        }
        assertThat(batches).containsExactly("audit-writer-wait-a:" + requests);
        assertThat(sink.waitsForFullerBatches()).isTrue();
        VerifyReport report = new ChainVerifier(db.dataSource(), codec, rows).verify("wait-a", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(requests);
    }

    @Test
    void withSeveralTenantsEachChainsWaitEndsOnceItsOwnRequestsRecordsHaveArrived() throws Exception {
        // two tenants with as many requests in flight each: a chain's records come only from its own tenant's requests,
        // so its wait must end when those have arrived — counted against every tenant's requests it never would
        int each = GroupCommitWait.BUSY_FROM;
        RequestsInFlight inFlight = new RequestsInFlight(List.of("gemeente-b")); // "gemeente" is the default tenant
        for (int r = 0; r < each; r++) {
            inFlight.enter("gemeente");
            inFlight.enter("gemeente-b");
        }
        ChainedJdbcAuditSink own = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "wait-t")
                .afterCommit(batch -> batches.add(Thread.currentThread().getName() + ":" + batch.size()))
                .alone(inFlight::alone).groupCommitWait(inFlight.servingOnChainOf("gemeente"), A_DAY).start();
        String otherChain = TenantChains.chainId("wait-t", "gemeente-b");
        ChainedJdbcAuditSink other = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, otherChain)
                .afterCommit(batch -> batches.add(Thread.currentThread().getName() + ":" + batch.size()))
                .alone(inFlight::alone).groupCommitWait(inFlight.servingOnChainOf("gemeente-b"), A_DAY).start();
        TenantChains chains = new TenantChains("gemeente", own, Map.of("gemeente-b", other));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < each; r++) {
                int request = r;
                for (String tenant : List.of("gemeente", "gemeente-b")) {
                    futures.add(pool.submit(() -> chains.append(Records.ofTenant(tenant + "-" + request, Instant.now(), tenant))));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            chains.close();
            own.close();
        }
        assertThat(batches).containsExactlyInAnyOrder("audit-writer-wait-t:" + each, "audit-writer-" + otherChain + ":" + each);
    }

    @Test
    void withFewRequestsInFlightTheWriterDoesNotWait() {
        serving.set(2); // not alone, so the writer thread writes, but far from busy
        ChainedJdbcAuditSink sink = sink("wait-b", A_DAY);
        try {
            for (int i = 0; i < 3; i++) {
                sink.append(Records.sample("few-" + i, Instant.now()));
            }
        } finally {
            sink.close();
        }
        assertThat(batches).containsExactly("audit-writer-wait-b:1", "audit-writer-wait-b:1", "audit-writer-wait-b:1");
    }

    @Test
    void aLoneRequestWritesOnItsOwnThreadWhateverTheWait() {
        serving.set(1);
        ChainedJdbcAuditSink sink = sink("wait-c", A_DAY);
        try {
            sink.append(Records.sample("lone", Instant.now()));
        } finally {
            sink.close();
        }
        assertThat(batches).containsExactly(Thread.currentThread().getName() + ":1");
        assertThat(sink.batchesByCaller()).isEqualTo(1);
    }

    @Test
    void underLoadARecordIsCommittedWhenTheWaitEndsEvenIfNoOtherArrives() {
        serving.set(64);
        ChainedJdbcAuditSink sink = sink("wait-d", Duration.ofMillis(20));
        try {
            sink.append(Records.sample("only-one", Instant.now()));
            sink.append(Records.sample("and-another", Instant.now()));
        } finally {
            sink.close();
        }
        assertThat(batches).containsExactly("audit-writer-wait-d:1", "audit-writer-wait-d:1");
    }

    @Test
    void underLoadTheWriterWaitsOnlyWhileRecordsHaveBeenArrivingCloseEnoughTogether() throws Exception {
        // the writer's clock is the test's: records a week apart (a slow model), then records with no time between them
        AtomicLong clock = new AtomicLong();
        AtomicInteger servingAfterCommit = new AtomicInteger(2);
        AtomicBoolean armed = new AtomicBoolean();
        AtomicReference<ChainedJdbcAuditSink> ref = new AtomicReference<>();
        int requests = 16;
        serving.set(2); // not alone, so the writer thread writes; not busy
        ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "wait-f")
                .afterCommit(batch -> {
                    batches.add(String.valueOf(batch.size()));
                    // the requests in flight the writer sees before it takes its next batch
                    if (armed.get() && ref.get().waitsForFullerBatches()) {
                        armed.set(false);
                        serving.set(requests);
                    } else {
                        serving.set(servingAfterCommit.get());
                    }
                }).groupCommitWait(serving::get, A_DAY).nanoClock(clock::get).start();
        ref.set(sink);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 3; i++) {
                if (i == 2) {
                    servingAfterCommit.set(64);
                }
                clock.addAndGet(Duration.ofDays(7).toNanos());
                sink.append(Records.sample("a-week-apart-" + i, Instant.now()));
            }
            assertThat(sink.waitsForFullerBatches()).as("records a week apart, a wait of a day").isFalse();
            clock.addAndGet(Duration.ofDays(7).toNanos());
            sink.append(Records.sample("under-load-alone", Instant.now())); // 64 in flight: a wait would take a day

            servingAfterCommit.set(2);
            armed.set(true);
            int together = 0;
            while (!sink.waitsForFullerBatches() && together < 40) {
                sink.append(Records.sample("together-" + together++, Instant.now())); // the clock stands still
            }
            assertThat(sink.waitsForFullerBatches()).as("after %s records with no time between them", together).isTrue();
            // the writer now sees 16 requests in flight: it waits until all their records are queued
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sink.groupCommitWaits() == 0 && System.nanoTime() < giveUp) {
                Thread.onSpinWait(); // until the writer is in its wait, so no record is queued before it
            }
            assertThat(sink.groupCommitWaits()).as("the writer waits for the 16 records").isEqualTo(1);
            appendFromEach(pool, sink, requests);
            List<String> expected = new ArrayList<>(Collections.nCopies(4 + together, "1"));
            expected.add(String.valueOf(requests));
            assertThat(batches).containsExactlyElementsOf(expected);
            assertThat(sink.groupCommitWaits()).isEqualTo(1);
        } finally {
            sink.close();
        }
    }

    @Test
    void onPostgresqlUnderLoadOneCommitCarriesOneStatementsRecordsArrivingApart() throws Exception {
        // PostgreSQL's round trip gathers records only while the gateway's cores are busy: streamed answers reached it
        // 3.9 to a commit (audit48). The writer now waits there too, until one statement's 16 records are queued
        // (64 in flight: a wait for all of them would take a day, and append gives up after 30 s)
        assertThat(postgresBatches("wait-pg", 64, PostgresAppend.RECORDS_UP_TO))
                .containsExactly("1", String.valueOf(PostgresAppend.RECORDS_UP_TO));
    }

    @Test
    void onPostgresqlWithFewerInFlightThanAStatementTakesTheWaitEndsOnceAllHaveTheirRecordsQueued() throws Exception {
        int busy = Math.min(GroupCommitWait.BUSY_FROM, PostgresAppend.RECORDS_UP_TO);
        assertThat(postgresBatches("wait-pg-few", busy, busy)).containsExactly("1", String.valueOf(busy));
    }

    /**
     * On PostgreSQL: one record with nobody in flight (it tells the writer the store's dialect); with its commit
     * {@code busy} requests are in flight, so the writer may wait for a fuller batch before it takes the next; then
     * {@code records} records from as many requests, 2 ms apart — without a wait the writer commits them as they come.
     * The batches' sizes.
     */
    private List<String> postgresBatches(String chain, int busy, int records) throws Exception {
        try (AuditDb pg = AuditDb.postgres()) {
            ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(pg.dataSource(), codec, rows, chain)
                    .afterCommit(batch -> {
                        batches.add(String.valueOf(batch.size()));
                        serving.set(busy); // before the writer decides on its next wait
                    }).groupCommitWait(serving::get, A_DAY).start();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                sink.append(Records.sample("tells-the-dialect", Instant.now())); // nobody in flight yet: no wait
                List<Future<?>> futures = new ArrayList<>();
                for (int r = 0; r < records; r++) {
                    int request = r;
                    futures.add(pool.submit(() -> sink.append(Records.sample("apart-" + request, Instant.now()))));
                    Thread.sleep(2);
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                sink.close();
            }
            VerifyReport report = new ChainVerifier(pg.dataSource(), codec, rows).verify(chain, null, null);
            assertThat(report.ok()).as("%s", report).isTrue();
            assertThat(report.recordsChecked()).isEqualTo(1 + records);
            return List.copyOf(batches);
        }
    }

    @Test
    void closingEndsAWaitAndWritesWhatIsQueued() throws Exception {
        serving.set(64);
        ChainedJdbcAuditSink sink = sink("wait-e", A_DAY);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> queued = pool.submit(() -> sink.append(Records.sample("queued", Instant.now())));
            while (sink.queueDepth() == 0) {
                Thread.onSpinWait();
            }
            sink.close();
            queued.get();
        }
        assertThat(batches).containsExactly("audit-writer-wait-e:1");
    }

    /** One sample record from each of {@code requests} concurrent requests; returns when all are written. */
    private static void appendFromEach(ExecutorService pool, ChainedJdbcAuditSink sink, int requests) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            int request = r;
            futures.add(pool.submit(() -> sink.append(Records.sample("load-" + request, Instant.now()))));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }
}
