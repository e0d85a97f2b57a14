package nl.dijkwacht.audit.store;

import java.util.Optional;

/** What the audit store needs besides the writer: file compaction on the embedded H2 store, nothing on PostgreSQL. */
public final class AuditStoreHousekeeping implements AutoCloseable {

    private final Optional<EmbeddedStoreCompaction> compaction;

    public AuditStoreHousekeeping(Optional<EmbeddedStoreCompaction> compaction) {
        this.compaction = compaction;
    }

    /** Live share of the embedded file's chunks in percent; empty on other stores. */
    public Optional<Integer> embeddedFillRate() {
        return compaction.map(EmbeddedStoreCompaction::chunksFillRate);
    }

    @Override
    public void close() {
        compaction.ifPresent(EmbeddedStoreCompaction::close);
    }
}
