package nl.dijkwacht.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.audit.OperatorActions;
import nl.dijkwacht.identity.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit records of admin and auditor API requests refused before anyone could be identified — above all
 * {@code 503 identity_provider_unavailable} during an outage of the identity provider (identity49). Since identity48 each
 * such request wrote a record: a console or script polling every few seconds through a two-hour outage wrote thousands.
 * Now, per (tenant, source address, reason, action) and interval ({@code dijkwacht.identity.unidentified-refusal-interval};
 * the action as {@link OperatorActions} names it, so that a refused kill switch or policy reload is a record of its own
 * and not one more in the count of a console polling another endpoint — review49):
 * <ol>
 *   <li>the first refusal is recorded at once, as before, before it is answered (parameter {@code repeats_counted_for_s}:
 *       the interval in which more of the same are counted instead of recorded one by one);</li>
 *   <li>the refusals after it in the interval are counted;</li>
 *   <li>when the interval has closed (checked every few seconds) and on shutdown, one more record says how many there were:
 *       parameters {@code repeats} (the count), {@code first_at}, {@code last_at}, {@code first_trace_id} and
 *       {@code last_trace_id}; its own trace id is the last refused request's.</li>
 * </ol>
 * So the auditor still sees when refusals began, how many there were and when the last one came; a killed gateway loses at
 * most the count of the interval still open, never its first record. The source address is kept only as a keyed hash
 * ({@code source_hmac}); it is in the key so that one noisy client cannot hide another's refusals in its count. At most
 * {@link #MAX_OPEN} intervals are open at once; beyond that, new sources are counted together.
 */
public final class UnidentifiedRefusalRecords implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnidentifiedRefusalRecords.class);

    static final int MAX_OPEN = 10_000;
    static final String OTHER_SOURCES = "other";

    private record Key(String tenant, String source, String reason, String action) {
    }

    private static final class Window {
        final Instant opened;
        final String method;
        final String path;
        final int status;
        final String firstTrace;
        long repeats;
        Instant lastAt;
        String lastTrace;

        Window(Instant opened, String method, String path, int status, String firstTrace) {
            this.opened = opened;
            this.method = method;
            this.path = path;
            this.status = status;
            this.firstTrace = firstTrace;
        }
    }

    private final OperatorActionLog operatorActions;
    private final Clock clock;
    private final Duration interval;
    private final Map<Key, Window> open = new HashMap<>();
    private final ScheduledExecutorService sweeper;

    /** @param sweep how often closed intervals are looked for; zero: never by itself (tests call {@link #closeDue()}) */
    public UnidentifiedRefusalRecords(OperatorActionLog operatorActions, Clock clock, Duration interval, Duration sweep) {
        this.operatorActions = operatorActions;
        this.clock = clock;
        this.interval = interval;
        if (sweep.isPositive()) {
            this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "unidentified-refusal-records");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::closeDueQuietly, sweep.toMillis(), sweep.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            this.sweeper = null;
        }
    }

    /** The default sweep: a tenth of the interval, between 1 and 30 seconds. */
    public static Duration sweepFor(Duration interval) {
        Duration tenth = interval.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : tenth.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : tenth;
    }

    /** A refused request on the admin or auditor API whose caller could not be identified. */
    public void refused(String tenant, String source, String method, String path, String traceId, int status, String code) {
        Instant now = clock.instant();
        String action = OperatorActions.ofApi(method, path).action();
        Key key = new Key(tenant, source == null ? OTHER_SOURCES : source, code, action);
        Key closedKey = key;
        Window closed = null;
        boolean first = false;
        synchronized (open) {
            Window window = open.get(key);
            if (window != null && !now.isBefore(window.opened.plus(interval))) {
                open.remove(key);
                closed = window;
                window = null;
            }
            if (window == null && open.size() >= MAX_OPEN) {
                key = new Key(tenant, OTHER_SOURCES, code, action);
                window = open.get(key);
            }
            if (window == null) {
                open.put(key, new Window(now, method, path, status, traceId));
                first = true;
            } else {
                window.repeats++;
                window.lastAt = now;
                window.lastTrace = traceId;
            }
        }
        if (closed != null) {
            summary(closedKey, closed);
        }
        if (first) {
            OperatorActionLog.Entry entry = operatorActions.start(Operator.unidentified(tenant), method, path).traceId(traceId)
                    .param("repeats_counted_for_s", interval.toSeconds());
            operatorActions.finish(entry, status, code);
        }
    }

    /** Writes the count of every interval that has closed; returns how many records it wrote. */
    public int closeDue() {
        return close(false);
    }

    private void closeDueQuietly() {
        try {
            closeDue();
        } catch (RuntimeException e) {
            log.error("counts of refused unidentified operator requests not written: {}", e.getClass().getSimpleName());
        }
    }

    private int close(boolean all) {
        Instant now = clock.instant();
        List<Map.Entry<Key, Window>> due = new ArrayList<>();
        synchronized (open) {
            var it = open.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Key, Window> e = it.next();
                if (all || !now.isBefore(e.getValue().opened.plus(interval))) {
                    due.add(Map.entry(e.getKey(), e.getValue()));
                    it.remove();
                }
            }
        }
        int written = 0;
        for (Map.Entry<Key, Window> e : due) {
            written += summary(e.getKey(), e.getValue());
        }
        return written;
    }

    /** The record of an interval's repeats; none when the first refusal was the only one. */
    private int summary(Key key, Window window) {
        if (window.repeats == 0) {
            return 0;
        }
        OperatorActionLog.Entry entry = operatorActions.start(Operator.unidentified(key.tenant()), window.method, window.path)
                .traceId(window.lastTrace)
                .param("repeats", window.repeats)
                .param("first_at", window.opened)
                .param("last_at", window.lastAt)
                .param("first_trace_id", window.firstTrace)
                .param("last_trace_id", window.lastTrace)
                .text("source", key.source());
        operatorActions.finish(entry, window.status, key.reason());
        return 1;
    }

    /** On shutdown: the counts of the intervals still open are written, so that an orderly stop loses none. */
    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        close(true);
    }
}
