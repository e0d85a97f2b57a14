package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.chain.AuditJournal;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.AuditStoreHousekeeping;
import nl.dijkwacht.audit.store.EmbeddedStoreCompaction;
import nl.dijkwacht.audit.store.StoreDurability;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * What the embedded store's compaction costs under a steady stream of audit records (issue 15, task compact12): the
 * real writer in journal mode (as the gateway runs it) with 64 concurrent appenders at a fixed rate, and every 5 s the
 * chunks' fill rate, the file per record, and the CPU and allocation of the compaction thread ({@code DW_FILE}: start
 * from a copy of a gateway's closed {@code .mv.db} instead of an empty store); also the whole process's and the writer
 * thread's CPU per record, H2's page cache and its live pages, so a cost that grows with the store's age shows as a
 * trend (task h2-14). {@code DW_RECORDS=sample}: all records of one caller, as the gateway benchmark's load writes
 * them (default: varied, 2,000 staff pseudonyms); {@code DW_H2}: extra URL settings (e.g. {@code ;CACHE_SIZE=65536}).
 * Not part of the normal
 * test run; {@code DW_BENCH=1 DW_SECONDS=180 DW_RATE=400 ./mvnw -q -B -o -pl gateway test
 * -Dtest=EmbeddedStoreCompactionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, output in
 * gateway/target/surefire-reports/nl.dijkwacht.audit.EmbeddedStoreCompactionBenchmark-output.txt.
 */
@EnabledIfEnvironmentVariable(named = "DW_BENCH", matches = "1", disabledReason = "benchmark: set DW_BENCH=1 to run it")
class EmbeddedStoreCompactionBenchmark {

    @Test
    void compactionCostUnderSteadyWrites() throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("DW_SECONDS", "120"));
        int rate = Integer.parseInt(System.getenv().getOrDefault("DW_RATE", "400"));
        // "sample": every record of one staff member, tool and use-case, as the gateway benchmark's load makes them;
        // otherwise varied as a municipality's traffic (2,000 staff pseudonyms: their index takes inserts in 2,000 places)
        boolean oneCaller = "sample".equals(System.getenv("DW_RECORDS"));
        Path dir = Files.createTempDirectory("dw-compaction");
        Path base = dir.resolve("dijkwacht-audit");
        String startFrom = System.getenv("DW_FILE"); // a copy of a gateway's .mv.db (closed): go on from its store state
        if (startFrom != null && !startFrom.isBlank()) {
            Files.copy(Path.of(startFrom), dir.resolve("dijkwacht-audit.mv.db"));
        }
        ChainCodec codec = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong written = new AtomicLong();
        String settings = System.getenv().getOrDefault("DW_H2", ""); // extra URL settings, e.g. ";CACHE_SIZE=65536"
        try (AuditDb db = AuditDb.h2File(base, settings)) {
            StoreDurability.ensure(db.dataSource());
            MVStore store;
            try (Connection c = db.dataSource().getConnection()) {
                store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
            }
            try (AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(EmbeddedStoreCompaction.start(db.dataSource()), true)) {
                AuditJournal journal = new AuditJournal(AuditJournal.fileFor(base, "bench"), false, () -> housekeeping.flush(false));
                housekeeping.closeLater(journal);
                ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec,
                        new AuditRows(new ObjectMapper()), "bench").afterCommit(journal).start();
                long compactionThread = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("audit-store-compaction")).findFirst().orElseThrow().threadId();
                long writerThread = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("audit-writer-bench")).findFirst().orElseThrow().threadId();
                Semaphore permits = new Semaphore(64);
                long start = System.nanoTime();
                long end = start + seconds * 1_000_000_000L;
                long lastCpu = 0, lastAlloc = 0, lastRecords = 0, lastRead = 0, lastWrite = 0;
                long lastWriterCpu = threads.getThreadCpuTime(writerThread), lastProcessCpu = process.getProcessCpuTime();
                long nextReport = start + 5_000_000_000L;
                System.out.printf("BENCH compaction: %d records/s for %d s, 64 appenders, journal mode, %s records%s%n", rate, seconds,
                        oneCaller ? "one-caller" : "varied" + settings, startFrom == null || startFrom.isBlank() ? ", fresh store" : ", from " + startFrom);
                System.out.println("BENCH   t(s) records fill% fillRW% chunks  file-B/rec  compaction-CPU-ms  µs/rec  alloc-MB  KB/rec  readMB  writtenMB"
                        + "  process-µs/rec  writer-µs/rec  cacheMB  hit%  pages");
                try (ExecutorService appenders = Executors.newVirtualThreadPerTaskExecutor()) {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        long due = start + n * 1_000_000_000L / rate;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        permits.acquire();
                        long id = n++;
                        appenders.execute(() -> {
                            try {
                                String trace = nl.dijkwacht.pipeline.TraceIds.next(); // time-ordered, as the gateway's
                                sink.append(oneCaller ? Records.sample(trace, Instant.now()) : Records.varied(id, trace, Instant.now()));
                                written.incrementAndGet();
                            } finally {
                                permits.release();
                            }
                        });
                        if (System.nanoTime() >= nextReport) {
                            nextReport += 5_000_000_000L;
                            Map<String, String> info = new HashMap<>();
                            store.getFileStore().populateInfo(info::put);
                            long cpu = threads.getThreadCpuTime(compactionThread);
                            long alloc = threads.getThreadAllocatedBytes(compactionThread);
                            long records = written.get();
                            long read = Long.parseLong(info.get("info.FILE_READ_BYTES"));
                            long write = Long.parseLong(info.get("info.FILE_WRITE_BYTES"));
                            long dr = Math.max(1, records - lastRecords);
                            long writerCpu = threads.getThreadCpuTime(writerThread);
                            long processCpu = process.getProcessCpuTime();
                            System.out.printf("BENCH %6.0f %7d %5s %7s %6s %11d %18.0f %7.0f %9.1f %7.1f %7.1f %10.1f %15.0f %14.0f %8s %5s %6s%n",
                                    (System.nanoTime() - start) / 1e9, records, info.get("info.CHUNKS_FILL_RATE"),
                                    info.get("info.CHUNKS_FILL_RATE_RW"), info.get("info.CHUNK_COUNT"),
                                    store.getFileStore().size() / Math.max(1, records), (cpu - lastCpu) / 1e6,
                                    (cpu - lastCpu) / 1e3 / dr, (alloc - lastAlloc) / 1e6, (alloc - lastAlloc) / 1e3 / dr,
                                    (read - lastRead) / 1e6, (write - lastWrite) / 1e6,
                                    (processCpu - lastProcessCpu) / 1e3 / dr, (writerCpu - lastWriterCpu) / 1e3 / dr,
                                    info.get("info.CACHE_SIZE"), info.get("info.CACHE_HIT_RATIO"), info.get("info.PAGE_COUNT_LIVE"));
                            lastWriterCpu = writerCpu;
                            lastProcessCpu = processCpu;
                            lastCpu = cpu;
                            lastAlloc = alloc;
                            lastRecords = records;
                            lastRead = read;
                            lastWrite = write;
                        }
                    }
                }
                sink.close();
                System.out.printf("BENCH total: %d records, compaction thread %.0f ms CPU (%.0f µs/record), %.0f MB allocated (%.0f KB/record), file %d B/record while open%n",
                        written.get(), threads.getThreadCpuTime(compactionThread) / 1e6,
                        threads.getThreadCpuTime(compactionThread) / 1e3 / written.get(),
                        threads.getThreadAllocatedBytes(compactionThread) / 1e6,
                        threads.getThreadAllocatedBytes(compactionThread) / 1e3 / written.get(),
                        store.getFileStore().size() / written.get());
            }
        }
        System.out.printf("BENCH file after close: %d B/record%n", Files.size(dir.resolve("dijkwacht-audit.mv.db")) / Math.max(1, written.get()));
    }
}
