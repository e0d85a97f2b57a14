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
 * The audit records of requests refused before anyone could be identified — above all
 * {@code 503 identity_provider_unavailable} during an outage of the identity provider: on the admin and auditor API
 * (identity49) and on the model API (edges50: a tool retrying in a loop wrote one record per attempt). Before, each
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
 * {@link #MAX_OPEN} intervals are open at once; beyond that, new sources are counted together. The source is the client
 * address as the source limits resolve it ({@code limits.ClientAddress}: a trusted proxy's {@code X-Forwarded-For}),
 * not the connection's (edges50: behind an ingress every request had the ingress's address). How the two records look
 * is the {@link Writer}'s: an operator action here, a model-API request's record in {@link AuditedEarlyRefusals}.
 */
public final class UnidentifiedRefusalRecords implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnidentifiedRefusalRecords.class);

    static final int MAX_OPEN = 10_000;
    static final String OTHER_SOURCES = "other";

    /** Writes the two records of one kind of refusal; the first refusal's writer writes both. */
    public interface Writer {
        /** The first refusal of an interval, at once, with parameter {@code repeats_counted_for_s}. */
        void first(String traceId, Duration countedFor);

        /** The refusals after the first, when the interval has closed. */
        void repeats(Repeats repeats);
    }

    /** What the count record says: how many came after the first, when, under which trace ids, from which source. */
    public record Repeats(long count, Instant firstAt, Instant lastAt, String firstTraceId, String lastTraceId, String source) {
    }

    private record Key(String tenant, String source, String reason, String action) {
    }

    private static final class Window {
        final Instant opened;
        final Writer writer;
        final String firstTrace;
        long repeats;
        Instant lastAt;
        String lastTrace;

        Window(Instant opened, Writer writer, String firstTrace) {
            this.opened = opened;
            this.writer = writer;
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
        refused(tenant, source, OperatorActions.ofApi(method, path).action(), code, traceId,
                new OperatorActionRefusal(tenant, method, path, status, code));
    }

    /**
     * A refused request of any kind whose caller could not be identified.
     *
     * @param action what was asked (an operator action's name, a model-API endpoint's audit name): a key part, so that a
     *               refusal of another action is a record of its own
     * @param writer writes the records; the first refusal's is kept for the interval's count
     */
    public void refused(String tenant, String source, String action, String code, String traceId, Writer writer) {
        Instant now = clock.instant();
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
                open.put(key, new Window(now, writer, traceId));
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
            writer.first(traceId, interval);
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
        window.writer.repeats(new Repeats(window.repeats, window.opened, window.lastAt, window.firstTrace, window.lastTrace,
                key.source()));
        return 1;
    }

    /** An admin or auditor request: the refused action of {@link Operator#unidentified} in the operator-action records. */
    private final class OperatorActionRefusal implements Writer {
        private final String tenant;
        private final String method;
        private final String path;
        private final int status;
        private final String code;

        OperatorActionRefusal(String tenant, String method, String path, int status, String code) {
            this.tenant = tenant;
            this.method = method;
            this.path = path;
            this.status = status;
            this.code = code;
        }

        @Override
        public void first(String traceId, Duration countedFor) {
            OperatorActionLog.Entry entry = operatorActions.start(Operator.unidentified(tenant), method, path).traceId(traceId)
                    .param("repeats_counted_for_s", countedFor.toSeconds());
            operatorActions.finish(entry, status, code);
        }

        @Override
        public void repeats(Repeats repeats) {
            OperatorActionLog.Entry entry = operatorActions.start(Operator.unidentified(tenant), method, path)
                    .traceId(repeats.lastTraceId())
                    .param("repeats", repeats.count())
                    .param("first_at", repeats.firstAt())
                    .param("last_at", repeats.lastAt())
                    .param("first_trace_id", repeats.firstTraceId())
                    .param("last_trace_id", repeats.lastTraceId())
                    .text("source", repeats.source());
            operatorActions.finish(entry, status, code);
        }
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
