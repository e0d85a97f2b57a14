package nl.dijkwacht.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2 keeps commits in memory for up to WRITE_DELAY ms (default 500) before writing them to its file: a killed
 * process would lose audit records of requests that were already answered. This sets WRITE_DELAY 0 for any H2 URL;
 * in journal mode (ADR 0010) the store's housekeeping then defers H2's writes, the journal covering them. PostgreSQL
 * commits are durable (fsync) by default.
 *
 * <p>It also sets H2's RETENTION_TIME (how long the space of a no longer used chunk is kept before it is reused) from
 * 45 s to {@value EmbeddedStoreCompaction#RETENTION_MILLIS} (reuse at once), so that the file does not grow by the
 * chunks of the last 45 s under load (see {@link EmbeddedStoreCompaction}). The retention only protects against an operating-system
 * crash or power loss reordering file writes; a killed gateway process loses nothing either way, because every
 * commit is already in the file. Production runs on PostgreSQL.
 */
public final class StoreDurability {

    private static final Logger log = LoggerFactory.getLogger(StoreDurability.class);

    private StoreDurability() {
    }

    public static void ensure(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product != null && product.toUpperCase(java.util.Locale.ROOT).contains("H2")) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET WRITE_DELAY 0");
                    st.execute("SET RETENTION_TIME " + EmbeddedStoreCompaction.RETENTION_MILLIS);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the audit store durable: " + e.getMessage(), e);
        }
        log.debug("audit store durability checked");
    }
}
