package nl.dijkwacht.pipeline;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where {@link StartsAhead} work runs: a few waiting platform threads, one per core beyond the request's own. Handing
 * the work to a thread that already waits lets the request thread go on at once; a new virtual thread per request did
 * not — in a phase probe (docs/history/benchmark-sessions.md, "Session 27", latency11) starting it held the request
 * thread about as long as the detection it was meant to overlap (0.32–0.38 ms), so nothing ran side by side. When every
 * helper is busy the work is dropped, not queued: the request thread then does it itself, as with one core.
 */
public final class AheadThreads implements Executor {

    private final ThreadPoolExecutor pool;

    /** @param threads helper threads (at least one), started on first use and kept, as daemons */
    public AheadThreads(int threads) {
        int n = Math.max(1, threads);
        this.pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Thread.ofPlatform().name("step-ahead-", 0).daemon().factory(), new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Runs {@code task} on a waiting helper, or drops it when none is free. */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }
}
