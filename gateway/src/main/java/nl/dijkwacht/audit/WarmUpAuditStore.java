package nl.dijkwacht.audit;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the start-up warm-up's audit records go ({@link nl.dijkwacht.identity.Caller#warmUp()}). By default to a
 * writer of the real chain that rolls back ({@code ChainedJdbcAuditSink.rehearsal}): the SQL runs, nothing stays. On
 * the embedded H2 file store, while a warm-up holds a {@link #open session}, to a {@link ScratchAuditStore} instead —
 * a throw-away copy of the store in a temporary directory, where the records are committed, so the commit, the
 * journal and H2's page writing are compiled before readiness too. The copy is made in the background (the records
 * meanwhile go to the rolled-back writer) and deleted when the session closes. No record of the warm-up reaches the
 * real store, a metric or a listener either way.
 */
public final class WarmUpAuditStore implements AuditSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WarmUpAuditStore.class);

    private final AuditSink rehearsal;
    private final ScratchFactory scratch;
    private final AtomicLong scratchRecords = new AtomicLong();
    private volatile java.nio.file.Path lastScratch;
    private volatile AuditSink target;

    /** Makes the throw-away copy of the embedded store; {@code null} where the real store is not an embedded H2 file. */
    @FunctionalInterface
    interface ScratchFactory {
        ScratchAuditStore create() throws Exception;
    }

    /** A warm-up's use of the copy; {@link #close} ends it and deletes the copy. */
    public interface Session extends AutoCloseable {
        Session NONE = new Session() {
            @Override
            public long committed() {
                return 0;
            }

            @Override
            public void close() {
            }
        };

        /** Records of this session committed into the copy so far. */
        long committed();

        @Override
        void close();
    }

    /**
     * @param rehearsal the rolled-back writer of the real chain
     * @param scratch   makes the copy, or {@code null}: the warm-up's records always go to {@code rehearsal}
     */
    WarmUpAuditStore(AuditSink rehearsal, ScratchFactory scratch) {
        this.rehearsal = rehearsal;
        this.scratch = scratch;
        this.target = rehearsal;
    }

    /**
     * Starts making the copy (on the embedded H2 file store; elsewhere nothing changes): the warm-up's records are
     * committed there once it is ready. Closing the session switches back to the rolled-back writer, waits until the
     * copy is made or given up, and deletes it. One session at a time.
     */
    public Session open() {
        return scratch == null ? Session.NONE : new ScratchSession();
    }

    private final class ScratchSession implements Session {

        private final Thread maker;
        private ScratchAuditStore made; // guarded by this
        private boolean closed; // guarded by this
        private long committed;

        ScratchSession() {
            maker = Thread.ofPlatform().daemon().name("warm-up-scratch-store").start(this::make);
        }

        private void make() {
            ScratchAuditStore store;
            try {
                store = scratch.create();
            } catch (Exception e) {
                log.info("warm-up records not committed to a scratch store: it could not be made ({})", e.getClass().getSimpleName());
                return;
            }
            synchronized (this) {
                if (!closed) {
                    made = store;
                    lastScratch = store.directory();
                    target = store;
                    return;
                }
            }
            store.close();
        }

        @Override
        public synchronized long committed() {
            return made == null ? committed : made.committed();
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                target = rehearsal;
            }
            try {
                maker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ScratchAuditStore store;
            synchronized (this) {
                store = made;
                made = null;
            }
            if (store != null) {
                committed = store.committed();
                scratchRecords.addAndGet(committed);
                store.close();
            }
        }
    }

    @Override
    public void append(AuditRecord record, RetainedContent content) {
        target.append(record, content);
    }

    /** Warm-up records committed to scratch copies so far (all sessions). */
    public long scratchRecords() {
        return scratchRecords.get();
    }

    /** The directory of the last scratch copy ({@code null}: none was made); deleted when its session closed. */
    public java.nio.file.Path lastScratchDirectory() {
        return lastScratch;
    }

    /** Stops the rolled-back writer. */
    @Override
    public void close() throws Exception {
        if (rehearsal instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
