package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import nl.dijkwacht.audit.store.DurableCommits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * An operator's own embedded H2 URL without {@code AUTO_COMPACT_FILL_RATE} left H2's background compaction on in the
 * first seconds after a start, which made whole-store reads fail (h2store50; EmbeddedStoreReopenTest measures what the
 * setting changes). The gateway now adds {@code =0} to such a URL before the pool starts, in either durability mode,
 * and keeps a value the URL names.
 */
class H2OwnCompactionUrlTest {

    private static final String OWN_URL = "jdbc:h2:file:/var/lib/dijkwacht/audit;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE";

    @ParameterizedTest
    @ValueSource(strings = {"true", "false"})
    void anOwnFileUrlWithoutTheSettingGetsItBeforeThePoolStarts(String journal) {
        HikariDataSource pool = pool(OWN_URL + ";WRITE_DELAY=500");
        DataSource result = process(pool, journal);

        assertThat(pool.getJdbcUrl()).endsWith(";AUTO_COMPACT_FILL_RATE=0");
        assertThat(DurableCommits.isWrapped(result)).isEqualTo(Boolean.parseBoolean(journal));
        assertThat(pool.getJdbcUrl().contains("WRITE_DELAY")).isEqualTo(!Boolean.parseBoolean(journal));
        pool.close();
    }

    @Test
    void aValueTheUrlNamesIsKept() {
        HikariDataSource pool = pool(OWN_URL + ";auto_compact_fill_rate = 50");
        process(pool, "true");

        assertThat(pool.getJdbcUrl()).endsWith(";auto_compact_fill_rate = 50").doesNotContain("AUTO_COMPACT_FILL_RATE=0");
        pool.close();
    }

    @Test
    void theShippedUrlAndOtherStoresAreLeftAsTheyAre() {
        String shipped = "jdbc:h2:file:./data/dijkwacht-audit;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0;AUTO_COMPACT_FILL_RATE=0";
        for (String other : new String[] {shipped, "jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1", "jdbc:postgresql://127.0.0.1:5432/test"}) {
            HikariDataSource pool = pool(other);
            process(pool, "true");
            assertThat(pool.getJdbcUrl()).isEqualTo(other);
            pool.close();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }

    private static DataSource process(HikariDataSource pool, String journal) {
        MockEnvironment environment = new MockEnvironment().withProperty("dijkwacht.audit.embedded-store-journal", journal);
        return (DataSource) AuditConfiguration.auditDurableCommits(environment).postProcessAfterInitialization(pool, "dataSource");
    }
}
