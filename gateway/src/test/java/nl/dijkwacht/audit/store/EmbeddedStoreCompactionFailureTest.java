package nl.dijkwacht.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.audit.AuditDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * h2store49: an {@link Error} in a compaction round (H2's own assertions run with {@code -ea}; a stack overflow) ended
 * the timer's rounds for good without a word — a scheduled executor never runs a task again once it threw — and the
 * embedded file then grows by every commit's chunk. The rounds go on, the failure is counted and logged by its class,
 * not its message. On a real H2 file with the gateway's durability settings; the failing round is the test's.
 */
class EmbeddedStoreCompactionFailureTest {

    @TempDir
    Path dir;

    @Test
    void roundsGoOnAfterAnErrorWhichIsCountedAndLoggedWithoutItsMessage() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedStoreCompaction.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        AtomicInteger calls = new AtomicInteger();
        try (AuditDb db = AuditDb.h2File(dir.resolve("audit"))) {
            StoreDurability.ensure(db.dataSource());
            EmbeddedStoreCompaction compaction = EmbeddedStoreCompaction.scheduled(db.dataSource(), Duration.ofMillis(5), () -> {
                if (calls.incrementAndGet() == 2) {
                    throw new AssertionError("pagina 17 van dossier Jansen"); // a message that must not reach the log
                }
            }).orElseThrow();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // liveness only, not a timing check
                while (compaction.rounds() < 10 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(compaction.rounds()).as("rounds after the failed second one").isGreaterThanOrEqualTo(10);
                assertThat(calls.get()).isGreaterThanOrEqualTo(10);
                assertThat(compaction.failedRounds()).isEqualTo(1);
            } finally {
                compaction.close();
            }
        } finally {
            logger.detachAppender(lines);
        }
        assertThat(lines.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("java.lang.AssertionError").doesNotContain("Jansen").doesNotContain("dossier");
    }
}
