package nl.dijkwacht.audit.store;

import java.util.Optional;

/** What the audit store needs besides the writer: file compaction on the embedded H2 store, nothing on PostgreSQL. */
public final class AuditStoreHousekeeping implements AutoCloseable {

    private final Optional<EmbeddedStoreCompaction> compaction;

    public AuditStoreHousekeeping(Optional<EmbeddedStoreCompaction> compaction) {
        this.compaction = compaction;
    }

    /**
     * What the audit writer runs after each group commit: with {@code fsync} on the embedded file store, one fsync
     * of the file (so a committed record also survives a power loss); nothing otherwise (PostgreSQL's commit
     * already waits for its write-ahead log to be on disk).
     */
    public Runnable commitSync(boolean fsync) {
        return fsync ? compaction.<Runnable>map(c -> c::sync).orElse(NOTHING) : NOTHING;
    }

    private static final Runnable NOTHING = () -> { };

    /** Live share of the embedded file's chunks in percent; empty on other stores. */
    public Optional<Integer> embeddedFillRate() {
        return compaction.map(EmbeddedStoreCompaction::chunksFillRate);
    }

    @Override
    public void close() {
        compaction.ifPresent(EmbeddedStoreCompaction::close);
    }
}
