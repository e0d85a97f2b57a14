package nl.dijkwacht.audit.chain;

import java.util.List;

/**
 * What the writer does with each committed batch before it releases the batch's requests (one writer at a time): on
 * the embedded store it appends the batch to the store's journal ({@link AuditJournal}) or forces the file to disk
 * ({@code AuditConfiguration#commitHook}). If it fails, the batch's requests are refused; their records are
 * committed and stay in the chain.
 */
@FunctionalInterface
public interface CommitHook {

    /** How long the writer thread waits for a record before it calls {@link #idle}. */
    long IDLE_MILLIS = 500;

    /** @param batch the committed records in chain order; a failure refuses the batch's requests */
    void committed(List<LinkedRecord> batch);

    /**
     * @param lone true when a lone request wrote the batch on its own thread (c=1, or a member of staff after a
     *             pause): work that only has to happen now and then belongs in {@link #idle}, not on its answer
     */
    default void committed(List<LinkedRecord> batch, boolean lone) {
        committed(batch);
    }

    /**
     * Called by the writer thread, holding the chain, when nothing was queued for a while ({@value #IDLE_MILLIS}
     * ms): the place for periodic work that no request should wait for. A failure is logged, no request refused.
     */
    default void idle() {
    }
}
