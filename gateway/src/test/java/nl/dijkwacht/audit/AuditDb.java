package nl.dijkwacht.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** A migrated audit store for a test: in-memory H2, or a uniquely named schema in the machine's PostgreSQL. */
public final class AuditDb implements AutoCloseable {

    public static final String PG_URL = System.getenv().getOrDefault("DIJKWACHT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getenv().getOrDefault("DIJKWACHT_TEST_PG_USER", "postgres");

    private final HikariDataSource dataSource;
    private final String pgSchema;

    private AuditDb(HikariDataSource dataSource, String pgSchema) {
        this.dataSource = dataSource;
        this.pgSchema = pgSchema;
    }

    public static AuditDb h2() {
        return h2At(null);
    }

    /** In-memory H2 migrated up to version {@code target} only (null: all), for an upgrade test; {@link #migrate()} finishes. */
    public static AuditDb h2At(String target) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=TRUE");
        config.setUsername("sa");
        config.setMaximumPoolSize(8);
        HikariDataSource ds = new HikariDataSource(config);
        migrate(ds, "h2", null, target);
        return new AuditDb(ds, null);
    }

    /** The settings of the embedded default's URL (application.yaml's {@code spring.datasource.url} after the file). */
    public static String defaultH2Settings() {
        try {
            String url = (String) new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                    .getFirst().getProperty("spring.datasource.url");
            return url.substring(url.indexOf(';'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An H2 file store as the embedded default uses it (application.yaml's URL). */
    public static AuditDb h2File(java.nio.file.Path file) {
        return h2File(file, "");
    }

    /** An H2 file store with extra URL settings (";NAME=value..."), for benchmarks of the store's settings. */
    public static AuditDb h2File(java.nio.file.Path file, String extraSettings) {
        HikariConfig config = new HikariConfig();
        String url = "jdbc:h2:file:" + file + defaultH2Settings();
        for (String setting : extraSettings.split(";")) {
            if (!setting.isBlank()) { // an extra setting replaces the default one (H2 refuses a setting given twice)
                url = url.replaceAll(";" + setting.split("=")[0] + "=[^;]*", "");
            }
        }
        config.setJdbcUrl(url + extraSettings);
        config.setUsername("sa");
        config.setMaximumPoolSize(10);
        HikariDataSource ds = new HikariDataSource(config);
        migrate(ds, "h2", null, null);
        return new AuditDb(ds, null);
    }

    /** A fresh schema {@code dw_audit_<random>}; skips loudly when PostgreSQL is absent, fails instead on CI. */
    public static AuditDb postgres() {
        return postgresAt(null);
    }

    /** As {@link #postgres()}, migrated up to version {@code target} only (null: all); {@link #migrate()} finishes. */
    public static AuditDb postgresAt(String target) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + PG_URL + " is not reachable (" + e.getMessage() + "): PostgreSQL audit store NOT tested";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message, e);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        String schema = "dw_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PG_URL + "?currentSchema=" + schema);
        config.setUsername(PG_USER);
        config.setMaximumPoolSize(8);
        HikariDataSource ds = new HikariDataSource(config);
        migrate(ds, "postgresql", schema, target);
        return new AuditDb(ds, schema);
    }

    /** Runs the migrations a store made by {@link #h2At} or {@link #postgresAt} does not have yet, as a gateway's start does. */
    public void migrate() {
        migrate(dataSource, pgSchema == null ? "h2" : "postgresql", pgSchema, null);
    }

    private static void migrate(DataSource ds, String vendor, String schema, String target) {
        var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (schema != null) {
            flyway.schemas(schema).createSchemas(true);
        }
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    public String url() {
        return dataSource.getJdbcUrl();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return pgSchema != null;
    }

    public String schema() {
        return pgSchema;
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (pgSchema != null) {
            try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop test schema " + pgSchema + ": " + e.getMessage());
            }
        }
        dataSource.close();
    }
}
