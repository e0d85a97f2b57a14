package nl.dijkwacht.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as a separate JVM (the test class path, the real main class): what a replica in production is. Can be
 * killed with SIGKILL. Its output goes to {@code <dir>/<name>.log}.
 */
public final class GatewayProcess implements AutoCloseable {

    /**
     * How long a start may take before the test gives up. Generous on purpose: on a shared 2-core machine with several
     * builds running a JVM start has taken close to three minutes; a process that dies fails at once anyway.
     */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final String name;
    private final int port;
    private final Process process;

    private GatewayProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts a gateway on a free port with the given {@code --key=value} settings (and a free management port). */
    public static GatewayProcess start(String name, Path logDir, List<String> settings) throws IOException {
        int port = FreePort.find();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "nl.dijkwacht.DijkwachtApplication",
                "--server.port=" + port, "--management.server.port=0", "--logging.level.root=WARN"));
        cmd.addAll(settings);
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile())).start();
        return new GatewayProcess(name, port, process);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Waits until the gateway answers on its public port. */
    public GatewayProcess awaitUp(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " (see its log)");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not start within " + timeout);
    }

    /** SIGKILL: no shutdown hook, no flush — what a crashed node or an OOM kill does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
