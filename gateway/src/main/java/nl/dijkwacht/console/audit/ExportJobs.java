package nl.dijkwacht.console.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.config.DijkwachtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Long exports run in the background on a virtual thread, through the same streaming export as
 * {@code /audit/v1/export.*}, into a file in the data directory that only its owner can fetch — once, after which
 * it is deleted (or after an hour if nobody fetches it). The page polls the progress: rows written of the count.
 */
@Component
public class ExportJobs {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    static final Duration KEEP = Duration.ofHours(1);
    private static final Duration COUNT_WAIT = Duration.ofSeconds(10);

    private final AuditQueries queries;
    private final Path dir;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public ExportJobs(AuditQueries queries, DijkwachtProperties properties, Clock auditClock) {
        this.queries = queries;
        this.dir = properties.dataDir().resolve("exports");
        this.clock = auditClock;
    }

    public enum State { RUNNING, DONE, FAILED }

    /**
     * One export; {@code total} is counted in the snapshot the export reads (so that a record committed meanwhile
     * cannot make it outrun its total), {@code written} grows while it runs.
     */
    public static final class Job {
        final String id;
        final String owner;
        final String format;
        volatile long total;
        final Path file;
        final Instant startedAt;
        final AtomicLong written = new AtomicLong();
        volatile State state = State.RUNNING;
        volatile Instant finishedAt;

        /** Open until {@code total} is known (or the export failed before counting). */
        final CountDownLatch counted = new CountDownLatch(1);

        Job(String id, String owner, String format, Path file, Instant startedAt) {
            this.id = id;
            this.owner = owner;
            this.format = format;
            this.file = file;
            this.startedAt = startedAt;
        }

        public String getId() {
            return id;
        }

        public String getFormat() {
            return format;
        }

        public long getTotal() {
            return total;
        }

        public long getWritten() {
            return written.get();
        }

        public State getState() {
            return state;
        }

        /** 0–100, for a {@code <progress>} element. */
        public int getPercent() {
            if (state == State.DONE) {
                return 100;
            }
            return total == 0 ? 0 : (int) Math.min(99, written.get() * 100 / total);
        }

        public String getFileName() {
            return "dijkwacht-audit-" + id + "." + format;
        }
    }

    public Job start(AuditFilter filter, String format, String owner) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("Kies CSV of JSON.");
        }
        clean();
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Path file;
        try {
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "export-" + id, "." + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The export holds what was there when it started: records written while it runs (among them the
        // operator-action record of this very export) would otherwise make it outrun its own total.
        Instant startedAt = clock.instant();
        AuditFilter upToNow = filter.to() == null || filter.to().isAfter(startedAt) ? filter.withPeriod(filter.from(), startedAt) : filter;
        Job job = new Job(id, owner, format, file, startedAt);
        jobs.put(id, job);
        Thread.ofVirtual().name("console-export-" + id).start(() -> run(job, upToNow));
        awaitCount(job);
        return job;
    }

    private void run(Job job, AuditFilter filter) {
        try (OutputStream out = Files.newOutputStream(job.file)) {
            long n = queries.inSnapshot(() -> {
                job.total = queries.count(filter);
                job.counted.countDown();
                return job.format.equals("csv")
                        ? queries.exportCsv(filter, out, job.written::set)
                        : queries.exportJson(filter, out, job.written::set);
            });
            job.written.set(n);
            job.state = State.DONE;
        } catch (IOException | RuntimeException e) {
            log.warn("console export {} failed: {}", job.id, e.getClass().getSimpleName());
            job.state = State.FAILED;
        } finally {
            job.finishedAt = clock.instant();
            job.counted.countDown();
        }
    }

    /** The progress page shows "0 van N" from its first view: the start waits (briefly) for the export's count. */
    private static void awaitCount(Job job) {
        try {
            job.counted.await(COUNT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The job, if it exists and belongs to this operator (others' exports are invisible). */
    public Optional<Job> find(String id, String owner) {
        Job job = jobs.get(id);
        return job != null && job.owner.equals(owner) ? Optional.of(job) : Optional.empty();
    }

    public Path file(Job job) {
        return job.file;
    }

    /** After a download: the file is gone, the job too. */
    public void delivered(Job job) {
        jobs.remove(job.id);
        delete(job.file);
    }

    private void clean() {
        Instant cutoff = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> {
            boolean old = j.finishedAt != null && j.finishedAt.isBefore(cutoff);
            if (old) {
                delete(j.file);
            }
            return old;
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete export file {}", file.getFileName());
        }
    }
}
