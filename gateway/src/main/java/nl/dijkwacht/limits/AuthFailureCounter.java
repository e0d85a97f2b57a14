package nl.dijkwacht.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed authentications (and callers refused before authentication) per source, minute and reason in
 * memory, and writes each closed minute as a few rows to {@link AuthFailureStore}. A flood costs a counter increment
 * per attempt, never a database write; the rows are bounded by the sources seen: past
 * {@code maxSourcesPerMinute} distinct sources in a minute, the rest are counted together as source {@value #OTHER}.
 */
public final class AuthFailureCounter implements AutoCloseable {

    static final String OTHER = "overig";
    private static final Logger log = LoggerFactory.getLogger(AuthFailureCounter.class);
    private static final Pattern REASON = Pattern.compile("[a-z0-9_-]{1,32}");
    /** A minute is written once it is this long over, so no late increment for it can be lost. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    /** Counts the store could not take are kept this long, then dropped (with an error in the log). */
    private static final Duration KEEP_UNWRITTEN = Duration.ofHours(1);

    private record Key(long minute, String source, String reason) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> keysPerMinute = new ConcurrentHashMap<>();
    private final AuthFailureStore store;
    private final Clock clock;
    private final int maxSourcesPerMinute;
    private final Duration retention;
    private final ScheduledExecutorService scheduler;
    private Instant lastCleanup = Instant.EPOCH;

    public AuthFailureCounter(AuthFailureStore store, Clock clock, int maxSourcesPerMinute, Duration retention, Duration flushInterval) {
        this.store = store;
        this.clock = clock;
        this.maxSourcesPerMinute = maxSourcesPerMinute;
        this.retention = retention;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "auth-failure-flush");
            t.setDaemon(true);
            return t;
        });
        if (flushInterval.isPositive()) {
            scheduler.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One failed (or refused) attempt from {@code source}. */
    public void count(String source, String reason) {
        long minute = clock.millis() / 60_000;
        String why = reason != null && REASON.matcher(reason).matches() ? reason : "other";
        Key key = new Key(minute, source, why);
        LongAdder adder = counts.get(key);
        if (adder == null) {
            AtomicInteger keys = keysPerMinute.computeIfAbsent(minute, m -> new AtomicInteger());
            if (keys.get() >= maxSourcesPerMinute) {
                key = new Key(minute, OTHER, why);
            }
            adder = counts.computeIfAbsent(key, k -> {
                keys.incrementAndGet();
                return new LongAdder();
            });
        }
        adder.increment();
    }

    /** Writes every closed minute (all minutes when {@code everything}, at shutdown) and removes what was written. */
    public synchronized void flush(boolean everything) {
        Instant now = clock.instant();
        long open = now.minus(GRACE).toEpochMilli() / 60_000;
        List<Key> keys = counts.keySet().stream().filter(k -> everything || k.minute() < open).toList();
        if (!keys.isEmpty()) {
            List<AuthFailureStore.Row> rows = new ArrayList<>(keys.size());
            for (Key key : keys) {
                rows.add(new AuthFailureStore.Row(Instant.ofEpochMilli(key.minute() * 60_000), key.source(), key.reason(),
                        counts.get(key).sum()));
            }
            try {
                store.append(rows);
                keys.forEach(counts::remove);
            } catch (RuntimeException e) {
                long stale = now.minus(KEEP_UNWRITTEN).toEpochMilli() / 60_000;
                List<Key> dropped = keys.stream().filter(k -> k.minute() < stale).toList();
                dropped.forEach(counts::remove);
                log.error("failed authentications not written ({} rows kept, {} older than {} dropped): {}",
                        keys.size() - dropped.size(), dropped.size(), KEEP_UNWRITTEN, e.getClass().getSimpleName());
                return;
            }
        }
        keysPerMinute.keySet().removeIf(m -> everything || m < open);
        if (Duration.between(lastCleanup, now).toHours() >= 1) {
            store.deleteBefore(now.minus(retention));
            lastCleanup = now;
        }
    }

    private void flushQuietly() {
        try {
            flush(false);
        } catch (RuntimeException e) {
            log.error("flushing failed authentications failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Distinct (minute, source, reason) counters held now; for the tests that show the memory is bounded. */
    int heldCounters() {
        return counts.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            flush(true);
        } catch (RuntimeException e) {
            log.error("failed authentications of the last minute not written at shutdown: {}", e.getClass().getSimpleName());
        }
    }
}
