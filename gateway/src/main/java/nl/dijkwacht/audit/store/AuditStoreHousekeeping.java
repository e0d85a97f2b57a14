package nl.dijkwacht.audit.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the audit store needs besides the writer: file compaction on the embedded H2 store, nothing on PostgreSQL; in
 * journal mode (ADR 0010, embedded file store only) also H2's deferred writes and the journals to close.
 */
public final class AuditStoreHousekeeping implements AutoCloseable {

    private final Optional<EmbeddedStoreCompaction> compaction;
    private final boolean journal;
    private final List<AutoCloseable> journals = new ArrayList<>();

    public AuditStoreHousekeeping(Optional<EmbeddedStoreCompaction> compaction) {
        this(compaction, false);
    }

    /** @param journal journal mode: the writers' batches go to their journals, H2 writes about once a second */
    public AuditStoreHousekeeping(Optional<EmbeddedStoreCompaction> compaction, boolean journal) {
        this.compaction = compaction;
        this.journal = journal && compaction.isPresent();
        if (this.journal) {
            compaction.get().deferWrites();
        }
    }

    /**
     * What the audit writer runs after each group commit: with {@code fsync} on the embedded file store, one fsync
     * of the file (so a committed record also survives a power loss); nothing otherwise (PostgreSQL's commit
     * already waits for its write-ahead log to be on disk). Not used in journal mode: the journal does it.
     */
    public Runnable commitSync(boolean fsync) {
        return fsync ? compaction.<Runnable>map(c -> c::sync).orElse(NOTHING) : NOTHING;
    }

    private static final Runnable NOTHING = () -> { };

    /** The H2 file (without suffix) whose journals the writers append to; empty when not in journal mode. */
    public Optional<Path> journalBase() {
        return journal ? compaction.map(EmbeddedStoreCompaction::fileBase) : Optional.empty();
    }

    /** Writes H2's committed state to the file (forced to disk when {@code sync}); what a journal runs before a cut. */
    public void flush(boolean sync) {
        compaction.ifPresent(c -> c.flush(sync));
    }

    /** A journal to close (cut) after its writer stopped and before the store's housekeeping ends. */
    public void closeLater(AutoCloseable journalOfAWriter) {
        journals.add(journalOfAWriter);
    }

    /**
     * Gentle rounds of the embedded file's compaction while a retention run removes records (see
     * {@link EmbeddedStoreCompaction}); a handle that does nothing on other stores.
     */
    public EmbeddedStoreCompaction.GentleRounds gentleCompaction() {
        return compaction.map(EmbeddedStoreCompaction::gentleDuringPurge).orElse(NOTHING_HELD);
    }

    private static final EmbeddedStoreCompaction.GentleRounds NOTHING_HELD = () -> { };

    /** Live share of the embedded file's chunks in percent; empty on other stores. */
    public Optional<Integer> embeddedFillRate() {
        return compaction.map(EmbeddedStoreCompaction::chunksFillRate);
    }

    @Override
    public void close() {
        for (AutoCloseable j : journals) {
            try {
                j.close();
            } catch (Exception ignored) {
                // what is left in it is recovered at the next start
            }
        }
        compaction.ifPresent(EmbeddedStoreCompaction::close);
    }
}
