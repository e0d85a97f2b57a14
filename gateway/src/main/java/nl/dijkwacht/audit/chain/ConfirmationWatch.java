package nl.dijkwacht.audit.chain;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Refuses the requests whose records a chain's store has not confirmed within the limit (30 s): their {@code done}
 * fails with a {@link TimeoutException}, which the request answers with 503 {@code audit_unavailable}. A request waits
 * for its record untimed — on a virtual thread a timed wait sets and cancels a timer on the fork-join pool's delay
 * scheduler, two wake-ups of that thread per record (docs/history/benchmark-sessions.md, obs18 and audit19) — and this
 * thread keeps the limit instead: it sleeps until the oldest unconfirmed record is due, so while the store answers it
 * wakes about once per limit. Records arrive in order, so a record appended after it looked is due after its next look.
 * A record refused here stays queued: the writer still writes it when the store answers again, as it did when the
 * request's own wait timed out.
 */
final class ConfirmationWatch {

    /** Refusals due within this of each other are sent together: a store that hangs under load wakes the thread less. */
    private static final long GATHER_NANOS = 100_000_000L;

    private final long limitNanos;
    private final String limitText;
    private final Collection<PendingRecord> queued;
    private final Thread thread;
    /** The batch being written (by the writer thread or a lone request), or empty. */
    private volatile List<PendingRecord> inWrite = List.of();
    private volatile boolean open = true;

    /** @param queued the records handed to the writer, oldest first */
    ConfirmationWatch(String name, Duration limit, Collection<PendingRecord> queued) {
        this.limitNanos = limit.toNanos();
        this.limitText = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
        this.queued = queued;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whoever holds the chain calls this before it writes {@code batch}, and {@link #written} after. */
    void writing(List<PendingRecord> batch) {
        inWrite = List.copyOf(batch);
    }

    void written() {
        inWrite = List.of();
    }

    /** Called once the chain's writers have stopped: refuses whatever is still unconfirmed (a store that hangs). */
    void stop() {
        open = false;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (open) {
            long now = System.nanoTime();
            long due = refuseOverdue(inWrite, now, now + limitNanos);
            due = refuseOverdue(queued, now, due);
            LockSupport.parkNanos(this, Math.max(due - now, GATHER_NANOS));
        }
        long never = System.nanoTime() + limitNanos + 1;
        refuseOverdue(inWrite, never, never);
        refuseOverdue(queued, never, never);
    }

    /** Fails the overdue records of {@code records} (oldest first); returns the earliest time one of the rest is due. */
    private long refuseOverdue(Iterable<PendingRecord> records, long now, long due) {
        for (PendingRecord p : records) {
            if (p.done().isDone()) {
                continue;
            }
            long dueAt = p.since() + limitNanos;
            if (dueAt - now > 0) {
                return Math.min(due, dueAt);
            }
            p.done().completeExceptionally(new TimeoutException("audit store did not confirm the write within " + limitText));
        }
        return due;
    }
}
