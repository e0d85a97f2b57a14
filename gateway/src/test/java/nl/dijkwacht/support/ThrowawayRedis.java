package nl.dijkwacht.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A redis-server of the test's own on a free port, which the test may stop and start (the machine's Redis is never touched). */
public final class ThrowawayRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private ThrowawayRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static ThrowawayRedis create() throws Exception {
        boolean present = new File("/usr/bin/redis-server").canExecute();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("redis-server not found in CI");
        }
        assumeTrue(present, "SKIPPED: no redis-server on this machine");
        ThrowawayRedis redis = new ThrowawayRedis(FreePort.find(), Files.createTempDirectory("dw-redis"));
        redis.start();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() throws Exception {
        process = new ProcessBuilder(List.of("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on " + port);
    }

    /** Kills the server: connections are cut, new ones refused. */
    public void stop() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
