package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The start-up warm-up's copy of the embedded store is opened with the real store's settings, on its own file. */
class ScratchAuditStoreTest {

    @Test
    void theCopyKeepsTheRealStoresSettingsOnItsOwnFile() {
        Path file = Path.of("/tmp/dijkwacht-warm-up-1/warm-up-audit");
        assertThat(ScratchAuditStore.url("jdbc:h2:file:./data/dijkwacht-audit;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE;"
                + "COMPRESS=TRUE;MAX_COMPACT_TIME=0", file))
                .isEqualTo("jdbc:h2:file:/tmp/dijkwacht-warm-up-1/warm-up-audit;DB_CLOSE_ON_EXIT=FALSE;LAZY_QUERY_EXECUTION=TRUE;"
                        + "COMPRESS=TRUE;MAX_COMPACT_TIME=0");
        assertThat(ScratchAuditStore.url("jdbc:h2:./data/audit", file)).as("a URL without settings, without file:")
                .isEqualTo("jdbc:h2:file:/tmp/dijkwacht-warm-up-1/warm-up-audit");
    }

    @Test
    void theCopyOpensNoServerAndLeavesTheWritesToJournalMode() {
        assertThat(ScratchAuditStore.url("jdbc:h2:file:/var/lib/dw/audit;AUTO_SERVER=TRUE;AUTO_SERVER_PORT=9092;WRITE_DELAY=0;"
                + "COMPRESS=TRUE", Path.of("/tmp/x/warm-up-audit")))
                .isEqualTo("jdbc:h2:file:/tmp/x/warm-up-audit;COMPRESS=TRUE");
    }
}
