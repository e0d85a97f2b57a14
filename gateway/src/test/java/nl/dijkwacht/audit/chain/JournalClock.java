package nl.dijkwacht.audit.chain;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A clock for the journal's timed cut that only the test moves: the writer thread makes that cut when it is idle, so
 * with the real clock a test that kills the store could find a cut under way.
 */
public final class JournalClock implements LongSupplier {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    /** From now on a cut is due: the next group commit, or the writer when idle, makes it. */
    public void passTheCutInterval() {
        nanos.addAndGet((AuditJournal.CUT_MILLIS + 1) * 1_000_000);
    }

    public AuditJournal journal(Path file, Runnable storeFlush) {
        return new AuditJournal(file, false, storeFlush, this);
    }
}
