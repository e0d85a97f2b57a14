package nl.dijkwacht.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the test's own (initdb + pg_ctl from the machine's PostgreSQL 15 binaries, a temporary data
 * directory, a free port), which the test may stop and start: the machine's shared server is never touched. As root,
 * the server runs as the {@code postgres} user (PostgreSQL refuses to run as root).
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("DIJKWACHT_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"));

    private final Path data;
    private final int port;

    private ThrowawayPostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    public static ThrowawayPostgres create() throws Exception {
        boolean present = Files.isExecutable(BIN.resolve("initdb"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL binaries not found in " + BIN + " in CI");
        }
        assumeTrue(present, "SKIPPED: no PostgreSQL binaries in " + BIN);
        Path dir = Files.createTempDirectory("dw-pg");
        dir.toFile().setWritable(true, false);
        dir.toFile().setExecutable(true, false);
        Path data = dir.resolve("data");
        ThrowawayPostgres pg = new ThrowawayPostgres(data, FreePort.find());
        pg.run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--no-sync"));
        pg.start();
        return pg;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public void start() throws Exception {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l", data.getParent().resolve("pg.log").toString(),
                "-o", "-p " + port + " -k " + data.getParent() + " -c listen_addresses=127.0.0.1 -c fsync=on", "start"));
    }

    /** Stops the server the hard way (like a crash or a pulled plug): clients see their connections cut. */
    public void stop() throws Exception {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "immediate", "stop"));
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (Exception e) {
            // already stopped
        }
    }

    private void run(List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            chown(data.getParent());
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static void chown(Path dir) throws Exception {
        Process p = new ProcessBuilder("chown", "-R", "postgres", dir.toString()).redirectErrorStream(true).start();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
