package nl.dijkwacht.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settlements that Redis did not take, kept in a bounded queue and applied in order once it answers again ({@link #drain}:
 * the {@code settlement-retry} thread, every second, and only while something is pending, so a normal request makes no
 * extra round trip). Never applied twice: each settlement carries an idempotency key that Redis marks in the same atomic
 * run that applies it ({@link RedisBuckets#settle}), so one whose outcome is unknown — Redis timed out or dropped the
 * connection while the command was out: it may have run (budget28) — is retried too (leftover45), within half the
 * marker's life; only one thread drains. Lost (counted) is one that finds the queue full, whose budget periods have all
 * ended, or whose outcome stayed unknown longer than that. In memory nothing is ever pending.
 *
 * <p>An outage logs one warning when its first settlement waits and one line when the queue is empty again (how many were
 * applied and lost), not a line per settlement; the metrics count them ({@link SettlementRetry}).
 */
final class PendingSettlements {

    /** How many settlements are kept at most (a few hundred bytes each: a request's budget keys and the amount). */
    static final int MAX_PENDING = 10_000;

    /** How long after its first run that may have happened a settlement is retried: well inside its marker's life. */
    static final Duration RETRY_UNKNOWN_FOR = RedisBuckets.SETTLEMENT_MARKER_TTL.dividedBy(2);

    private static final Logger log = LoggerFactory.getLogger(PendingSettlements.class);

    /**
     * One settlement: {@code take} the amount of each charge (an over-run) or give it back; {@code id} its idempotency
     * key; {@code mayHaveRunAt} when a first try of it may have run (null: no try ran).
     */
    record Settlement(List<Charge> charges, boolean take, long version, String traceId, String id, Instant mayHaveRunAt) {
        long tokens() {
            return charges.isEmpty() ? 0 : charges.get(0).amount();
        }

        /** True when every budget it corrects is in a period that has ended: nothing uses those buckets any more. */
        boolean periodsOver(Instant now) {
            for (Charge c : charges) {
                if (c.periodEnd() == null || c.periodEnd().isAfter(now)) {
                    return false;
                }
            }
            return true;
        }

        /** True when a try may have run so long ago that its marker could be gone before a retry: not sent again. */
        boolean tooLateToRetry(Instant now) {
            return mayHaveRunAt != null && !now.isBefore(mayHaveRunAt.plus(RETRY_UNKNOWN_FOR));
        }

        Settlement mayHaveRun(Instant now) {
            return mayHaveRunAt != null ? this : new Settlement(charges, take, version, traceId, id, now);
        }
    }

    private final BucketStore store;
    private final ArrayBlockingQueue<Settlement> queue;
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    /** When the current outage began (its first settlement waited), or null. */
    private final AtomicReference<Instant> outageSince = new AtomicReference<>();
    private final AtomicLong appliedInOutage = new AtomicLong();
    private final AtomicLong lostInOutage = new AtomicLong();
    private final AtomicBoolean lossLogged = new AtomicBoolean();
    /** The head of the queue when a retry of it may have run: the queue holds what was offered, this what is known since. */
    private Settlement head;

    PendingSettlements(BucketStore store, int capacity) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * A settlement the store did not take ({@code failure}) at {@code now}: kept when Redis never ran it, or when it
     * may have run and the store applies a settlement at most once; else lost.
     */
    void failed(Settlement settlement, CompletionException failure, Instant now) {
        boolean notRun = store.notRun(failure);
        if (!notRun && !store.settlesOnce()) {
            lose(settlement, "outcome unknown, " + cause(failure));
            return;
        }
        Settlement kept = notRun ? settlement : settlement.mayHaveRun(now);
        if (outageSince.compareAndSet(null, now)) {
            outages.incrementAndGet();
            log.warn("token budget settlements wait for the limits store (Redis), retried every second until it answers "
                    + "(first: trace {}, {}); one line per outage, see dijkwacht_budget_settlements_pending", settlement.traceId(),
                    cause(failure));
        }
        if (!queue.offer(kept)) {
            lose(kept, "queue full, " + cause(failure));
        }
    }

    /**
     * Applies the pending settlements in order until Redis fails one again; drops those whose periods have ended or whose
     * outcome has been unknown for too long. One thread at a time. Returns how many were applied.
     */
    synchronized int drain(Instant now) {
        int done = 0;
        for (Settlement next = current(); next != null; next = current()) {
            if (next.periodsOver(now) || next.tooLateToRetry(now)) {
                poll();
                lose(next, next.periodsOver(now) ? "its periods have ended" : "outcome unknown for too long");
                continue;
            }
            try {
                store.settle(next.charges(), next.take(), next.version(), next.id());
            } catch (CompletionException e) {
                if (!store.notRun(e)) {
                    head = next.mayHaveRun(now); // may have run now: its marker says so on the next try
                }
                return done; // still away: try again later, in the same order
            }
            poll();
            applied.incrementAndGet();
            appliedInOutage.incrementAndGet();
            done++;
        }
        Instant began = outageSince.getAndSet(null);
        if (began != null) {
            log.info("token budget settlements: the limits store answers again after {} s; {} applied, {} lost",
                    Duration.between(began, now).toSeconds(), appliedInOutage.getAndSet(0), lostInOutage.getAndSet(0));
            lossLogged.set(false);
        }
        return done;
    }

    private Settlement current() {
        if (head == null) {
            head = queue.peek();
        }
        return head;
    }

    private void poll() {
        queue.poll();
        head = null;
    }

    int size() {
        return queue.size();
    }

    long lost() {
        return lost.get();
    }

    long applied() {
        return applied.get();
    }

    /** Outages so far: times the first settlement had to wait ({@code dijkwacht_budget_settlements_outages_total}). */
    long outages() {
        return outages.get();
    }

    /** Counts a lost settlement; logs only the first of an outage (the outage's last line gives the count). */
    private void lose(Settlement settlement, String why) {
        lost.incrementAndGet();
        lostInOutage.incrementAndGet();
        if (lossLogged.compareAndSet(false, true)) {
            log.warn("trace {}: token budget not settled ({} tokens): {}; further losses of this outage are only counted "
                    + "(dijkwacht_budget_settlements_lost_total)", settlement.traceId(), signed(settlement), why);
        }
    }

    private static String cause(CompletionException failure) {
        return failure.getCause() == null ? failure.getClass().getSimpleName() : failure.getCause().getClass().getSimpleName();
    }

    private static long signed(Settlement s) {
        return s.take() ? s.tokens() : -s.tokens();
    }
}
