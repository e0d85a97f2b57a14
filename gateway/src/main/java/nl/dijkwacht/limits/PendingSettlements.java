package nl.dijkwacht.limits;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settlements that Redis refused to take because it was away (the command was never run), kept in a bounded queue
 * and applied in order once it answers again ({@link #drain}: the {@code settlement-retry} thread, every second, and
 * only while something is pending, so a normal request makes no extra round trip). Never applied twice: an entry
 * leaves the queue only after Redis ran it, and only one thread drains. A settlement whose outcome is unknown (Redis
 * timed out or dropped the connection while the command was out: it may have run) is not retried but counted as lost,
 * as is one that finds the queue full or whose budget periods have all ended. In memory nothing is ever pending.
 */
final class PendingSettlements {

    /** How many settlements are kept at most (a few hundred bytes each: a request's budget keys and the amount). */
    static final int MAX_PENDING = 10_000;

    private static final Logger log = LoggerFactory.getLogger(PendingSettlements.class);

    /** One settlement: {@code take} the amount of each charge (an over-run) or give it back. */
    record Settlement(List<Charge> charges, boolean take, long version, String traceId) {
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
    }

    private final BucketStore store;
    private final ArrayBlockingQueue<Settlement> queue;
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();

    PendingSettlements(BucketStore store, int capacity) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** A settlement the store refused with {@code failure}: kept when Redis never ran it, else lost (logged, counted). */
    void failed(Settlement settlement, CompletionException failure) {
        String cause = failure.getCause() == null ? failure.getClass().getSimpleName() : failure.getCause().getClass().getSimpleName();
        if (!store.notRun(failure)) {
            lose(settlement, "outcome unknown, " + cause);
        } else if (queue.offer(settlement)) {
            log.warn("trace {}: token budget settlement pending ({} tokens, {} pending): {}", settlement.traceId(),
                    signed(settlement), queue.size(), cause);
        } else {
            lose(settlement, "queue full, " + cause);
        }
    }

    /**
     * Applies the pending settlements in order until Redis refuses one again; drops those whose periods have ended.
     * One thread at a time. Returns how many were applied.
     */
    synchronized int drain(Instant now) {
        int done = 0;
        for (Settlement next = queue.peek(); next != null; next = queue.peek()) {
            if (next.periodsOver(now)) {
                queue.poll();
                lose(next, "its periods have ended");
                continue;
            }
            try {
                store.settle(next.charges(), next.take(), next.version());
            } catch (CompletionException e) {
                if (store.notRun(e)) {
                    return done; // still away: try again later, in the same order
                }
                queue.poll();
                lose(next, "outcome unknown on retry, " + (e.getCause() == null ? "" : e.getCause().getClass().getSimpleName()));
                continue;
            }
            queue.poll();
            applied.incrementAndGet();
            done++;
        }
        if (done > 0) {
            log.info("token budget settlements applied after the store was back: {}", done);
        }
        return done;
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

    private void lose(Settlement settlement, String why) {
        lost.incrementAndGet();
        log.warn("trace {}: token budget not settled ({} tokens): {}", settlement.traceId(), signed(settlement), why);
    }

    private static long signed(Settlement s) {
        return s.take() ? s.tokens() : -s.tokens();
    }
}
