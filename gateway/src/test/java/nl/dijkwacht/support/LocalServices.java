package nl.dijkwacht.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The machine's real PostgreSQL and Redis. Outside CI a missing service skips the test with a message;
 * in CI (CI=true) it fails, because .ci/run starts both.
 */
public final class LocalServices {

    public static final String POSTGRES_URL = System.getenv().getOrDefault("DIJKWACHT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("DIJKWACHT_TEST_PG_USER", "postgres");
    public static final String REDIS_URL = System.getenv().getOrDefault("DIJKWACHT_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private LocalServices() {
    }

    public static void requirePostgres() {
        require("PostgreSQL", "127.0.0.1", 5432);
    }

    public static void requireRedis() {
        require("Redis", "127.0.0.1", 6379);
    }

    /** Creates a fresh schema so concurrent test runs on the shared database do not meet; returns its name. */
    /** Removes every key of the machine's Redis that starts with {@code prefix} (a test's own buckets). */
    public static void deleteRedisKeys(String prefix) {
        try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(REDIS_URL);
             io.lettuce.core.api.StatefulRedisConnection<String, String> redis = client.connect()) {
            java.util.List<String> keys = redis.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                redis.sync().del(keys.toArray(String[]::new));
            }
        }
    }

    public static String createPostgresSchema(String prefix) {
        requirePostgres();
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    /** A schema with this exact name, created when absent (benchmarks that fill once and measure later). */
    public static String ensurePostgresSchema(String schema) {
        requirePostgres();
        execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        return schema;
    }

    public static void dropPostgresSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    public static String postgresUrl(String schema) {
        return POSTGRES_URL + "?currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL statement failed: " + e.getMessage(), e);
        }
    }

    private static void require(String name, String host, int port) {
        boolean up;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        if (!up && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(name + " is not reachable on " + host + ":" + port + " in CI (.ci/run should have started it)");
        }
        assumeTrue(up, "SKIPPED: " + name + " is not running on " + host + ":" + port + "; start it to run this test");
    }
}
