package nl.dijkwacht.audit.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chain's writer thread: takes everything that is queued (up to {@value BatchWriter#MAX_BATCH}) and writes it as one
 * batch, holding the chain. Before it takes a batch it may wait for a fuller one ({@link GroupCommitWait}); when nothing
 * has been queued for {@value CommitHook#IDLE_MILLIS} ms it runs the commit hook's periodic work ({@link CommitHook#idle},
 * e.g. the journal's cut), which no request then waits for. After {@link #stop} it finishes what is queued.
 */
final class WriterThread {

    private static final Logger log = LoggerFactory.getLogger(WriterThread.class);

    private final BlockingQueue<PendingRecord> queue;
    private final ReentrantLock writing;
    private final BatchWriter batches;
    private final CommitHook hook;
    private final GroupCommitWait pacing;
    private final LongAdder batchesWritten = new LongAdder();
    private final Thread thread;
    private volatile boolean open = true;

    /**
     * @param queue   the records handed to this thread
     * @param writing held by whoever writes the chain (this thread or a lone request)
     */
    WriterThread(String name, BlockingQueue<PendingRecord> queue, ReentrantLock writing, BatchWriter batches, CommitHook hook,
                 GroupCommitWait pacing) {
        this.queue = queue;
        this.writing = writing;
        this.batches = batches;
        this.hook = hook;
        this.pacing = pacing;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean open() {
        return open;
    }

    /** Queues a record for this thread; it ends the thread's wait for a fuller batch when it completes one. */
    void hand(PendingRecord pending) {
        queue.add(pending);
        if (pacing.wakes(queue.size())) {
            LockSupport.unpark(thread);
        }
    }

    /** Waits for a fuller batch so far (see {@link GroupCommitWait}). */
    long waits() {
        return pacing.waits();
    }

    /** Batches (group commits) written by this thread so far. */
    long batchesWritten() {
        return batchesWritten.sum();
    }

    /** Ends a wait, lets the thread write what is queued and waits up to {@code millis} for it to finish. */
    void stop(long millis) throws InterruptedException {
        open = false;
        LockSupport.unpark(thread);
        thread.join(millis);
    }

    private void run() {
        List<PendingRecord> batch = new ArrayList<>(BatchWriter.MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                if (open) {
                    pacing.await(queue);
                }
                PendingRecord first = queue.poll(CommitHook.IDLE_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    idle();
                    continue;
                }
                batch.add(first);
                writing.lock();
                try {
                    queue.drainTo(batch, BatchWriter.MAX_BATCH - 1);
                    pacing.batchTaken(batch.size());
                    batchesWritten.increment(); // before its requests are released, so they see it counted
                    batches.writeOrFail(batch, false);
                } finally {
                    writing.unlock();
                }
            } catch (InterruptedException e) {
                if (!open) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
        PendingRecord left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("audit writer shut down"));
        }
    }

    /** Nothing queued for a while: the commit hook's periodic work, holding the chain. */
    private void idle() {
        writing.lock();
        try {
            hook.idle();
        } catch (RuntimeException e) {
            log.warn("audit writer: periodic work failed ({}); tried again when idle", e.getClass().getSimpleName());
        } finally {
            writing.unlock();
        }
    }
}
