package nl.dijkwacht.audit.chain;

import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of pending records and releases their requests: the batch is appended to the chain in one
 * transaction, the commit hook runs with it, then every request is released — or refused. If the batch fails, its
 * records are retried one by one, so one bad record fails only its own request. If the hook fails, the batch's
 * requests are refused; their records are committed and stay in the chain. Called by whoever holds the chain.
 */
final class BatchWriter {

    /** At most this many records share one transaction. */
    static final int MAX_BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final ChainAppender chain;
    private final CommitHook afterCommit;
    private final StoreAvailability availability;
    private final ConfirmationWatch watch;

    BatchWriter(ChainAppender chain, CommitHook afterCommit, StoreAvailability availability, ConfirmationWatch watch) {
        this.chain = chain;
        this.afterCommit = afterCommit;
        this.availability = availability;
        this.watch = watch;
    }

    /**
     * Whatever goes wrong, every request of the batch is released.
     *
     * @param lone written by a lone request on its own thread (see {@link CommitHook#committed(List, boolean)})
     */
    void writeOrFail(List<PendingRecord> batch, boolean lone) {
        watch.writing(batch);
        try {
            write(batch, lone);
        } catch (Throwable t) {
            log.error("audit writer error: {}", t.getClass().getSimpleName());
            batch.forEach(p -> p.done().completeExceptionally(t));
        } finally {
            watch.written();
        }
    }

    private void write(List<PendingRecord> batch, boolean lone) {
        List<LinkedRecord> committed;
        try {
            committed = chain.append(batch);
        } catch (SQLException | RuntimeException e) {
            availability.writeFailed();
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            // isolate the failure: each record on its own
            for (PendingRecord p : batch) {
                try {
                    afterCommit.committed(chain.append(List.of(p)), lone);
                    p.done().complete(null);
                } catch (SQLException | RuntimeException single) {
                    p.done().completeExceptionally(single);
                }
            }
            return;
        }
        try {
            afterCommit.committed(committed, lone);
        } catch (RuntimeException e) {
            // committed but not confirmed on disk: refuse these requests, never write the records again
            availability.writeFailed();
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        availability.writeSucceeded();
        batch.forEach(p -> p.done().complete(null));
    }
}
