package nl.dijkwacht.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.CommitHook;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.AuditStoreHousekeeping;
import nl.dijkwacht.audit.store.DurableCommits;
import nl.dijkwacht.audit.store.EmbeddedStoreCompaction;
import nl.dijkwacht.audit.store.StoreDurability;

/**
 * A throw-away copy of the embedded H2 audit store for the start-up warm-up: an H2 file with the real store's URL
 * settings and schema (copied with H2's {@code SCRIPT NODATA}: tables, indexes, no rows) in a directory of its own,
 * written by the same chain writer with the same commit hook (in journal mode a journal of its own, cut about once a
 * second) and the same compaction. So the committed write path — commit, journal append, H2 writing its pages at the
 * cut — runs before the first real request, which the rolled-back rehearsal never reaches
 * (docs/history/benchmark-sessions.md, "Session 26 — start-up"). {@link #close} deletes the directory; nothing of it
 * touches the real store's file, chain or journals.
 */
final class ScratchAuditStore implements AuditSink, AutoCloseable {

    private static final String FILE = "warm-up-audit";

    private final Path dir;
    private final HikariDataSource pool;
    private final AuditStoreHousekeeping housekeeping;
    private final ChainedJdbcAuditSink sink;
    private final AtomicLong committed = new AtomicLong();

    private ScratchAuditStore(Path dir, HikariDataSource pool, AuditStoreHousekeeping housekeeping, ChainedJdbcAuditSink sink) {
        this.dir = dir;
        this.pool = pool;
        this.housekeeping = housekeeping;
        this.sink = sink;
    }

    /** How the real embedded store is set up, so that the copy is set up the same way. */
    record Settings(String url, String username, String password, boolean journal, boolean fsync, Duration compactionPeriod) {
    }

    /**
     * Creates the copy in a new directory under {@code parent} (the JVM's temporary directory), with {@code real}'s schema.
     *
     * @param alone whether the writing request is the only one being served (the real writer's choice between writing
     *              itself and handing the record to its thread)
     */
    static ScratchAuditStore create(DataSource real, Settings settings, Path parent, ChainCodec codec, AuditRows rows,
                                    String chainId, BooleanSupplier alone) throws IOException, SQLException {
        Path dir = Files.createTempDirectory(parent, "dijkwacht-warm-up-");
        HikariDataSource pool = null;
        AuditStoreHousekeeping housekeeping = null;
        try {
            List<String> schema = schemaOf(real);
            HikariConfig config = new HikariConfig();
            config.setPoolName("warm-up-scratch");
            config.setJdbcUrl(url(settings.url(), dir.resolve(FILE)));
            config.setUsername(settings.username());
            config.setPassword(settings.password());
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            pool = new HikariDataSource(config);
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                for (String statement : schema) {
                    st.execute(statement);
                }
            }
            StoreDurability.ensure(pool);
            Optional<EmbeddedStoreCompaction> compaction = EmbeddedStoreCompaction.start(pool, settings.compactionPeriod());
            housekeeping = new AuditStoreHousekeeping(compaction, settings.journal());
            CommitHook hook = AuditConfiguration.commitHook(housekeeping, chainId, settings.fsync());
            return new ScratchAuditStore(dir, pool, housekeeping,
                    ChainedJdbcAuditSink.builder(pool, codec, rows, chainId).afterCommit(hook).alone(alone).start());
        } catch (SQLException | RuntimeException e) {
            if (housekeeping != null) {
                housekeeping.close();
            }
            if (pool != null) {
                pool.close();
            }
            delete(dir);
            throw e;
        }
    }

    /**
     * The real store's URL with its file replaced by {@code file}, its settings kept — without a WRITE_DELAY (journal
     * mode decides when H2 writes, as for the real store) and without AUTO_SERVER (the copy opens no TCP port).
     */
    static String url(String realUrl, Path file) {
        int settings = realUrl.indexOf(';');
        String kept = settings < 0 ? "" : DurableCommits.withoutWriteDelay(realUrl.substring(settings))
                .replaceAll("(?i);\\s*AUTO_SERVER(_PORT)?\\s*=[^;]*", "");
        return "jdbc:h2:file:" + file.toAbsolutePath() + kept;
    }

    /** The real store's tables, sequences and indexes as statements, without rows and without its users. */
    private static List<String> schemaOf(DataSource real) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Connection c = real.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SCRIPT NODATA")) {
            while (rs.next()) {
                String statement = rs.getString(1).strip();
                if (!statement.startsWith("--") && !statement.startsWith("CREATE USER")) {
                    statements.add(statement);
                }
            }
        }
        return statements;
    }

    @Override
    public void append(AuditRecord record, RetainedContent content) {
        sink.append(record, content);
        committed.incrementAndGet();
    }

    /** Records committed to this copy so far. */
    long committed() {
        return committed.get();
    }

    /** The directory the copy lives in (gone after {@link #close}). */
    Path directory() {
        return dir;
    }

    /** Stops the writer, closes the file and deletes the directory with everything in it. */
    @Override
    public void close() {
        try {
            sink.close();
            housekeeping.close();
        } finally {
            pool.close();
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a copy of an empty schema and made-up records; the operating system clears its temporary directory
        }
    }
}
