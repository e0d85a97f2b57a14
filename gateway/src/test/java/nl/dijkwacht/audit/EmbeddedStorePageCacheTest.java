package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's default URL keeps H2's page cache at 4 MB instead of H2's 16 MB: H2 caches every page it writes,
 * and on the audit store almost none is read again, so the cache was a stream of pages that outlived several young
 * collections and was copied by each of them (docs/deployment.md, "The embedded store's page cache";
 * docs/history/benchmark-sessions.md, "pause21").
 */
class EmbeddedStorePageCacheTest {

    @Test
    void theDefaultStoreRunsWithAFourMegabytePageCache(@TempDir Path dir) throws Exception {
        assertThat(AuditDb.defaultH2Settings()).as("application.yaml's URL").contains(";CACHE_SIZE=4096");

        try (AuditDb db = AuditDb.h2File(dir.resolve("dijkwacht-audit"));
             Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("H2's page cache, MB").isEqualTo("4");
        }
    }
}
