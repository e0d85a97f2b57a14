package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the warm-up's records go when there is no copy of the store to commit them to: the rolled-back writer, and
 * the warm-up goes on. (The copy itself: {@code StartupWarmUpScratchStoreTest}.)
 */
class WarmUpAuditStoreTest {

    /** Stands in for the rolled-back writer: what it was given. */
    static final class Received implements AuditSink {
        final List<String> traces = new ArrayList<>();

        @Override
        public void append(AuditRecord record, RetainedContent content) {
            traces.add(record.traceId());
        }
    }

    @Test
    void onAStoreWithoutACopyTheRecordsGoToTheRolledBackWriter() {
        Received rehearsal = new Received();
        WarmUpAuditStore store = new WarmUpAuditStore(rehearsal, null);
        try (WarmUpAuditStore.Session session = store.open()) {
            store.append(Records.sample("warm-up-1", Instant.now()), null);
            assertThat(session.committed()).isZero();
        }
        assertThat(rehearsal.traces).containsExactly("warm-up-1");
        assertThat(store.lastScratchDirectory()).isNull();
    }

    @Test
    void aCopyThatCannotBeMadeLeavesTheRecordsWithTheRolledBackWriter() throws Exception {
        Received rehearsal = new Received();
        java.util.concurrent.CountDownLatch attempted = new java.util.concurrent.CountDownLatch(1);
        WarmUpAuditStore store = new WarmUpAuditStore(rehearsal, () -> {
            attempted.countDown();
            throw new SQLException("disk full");
        });
        try (WarmUpAuditStore.Session session = store.open()) {
            assertThat(attempted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            store.append(Records.sample("warm-up-2", Instant.now()), null);
            assertThat(session.committed()).isZero();
        }
        assertThat(rehearsal.traces).containsExactly("warm-up-2");
        assertThat(store.scratchRecords()).isZero();
        assertThat(store.lastScratchDirectory()).isNull();
    }
}
