package nl.dijkwacht.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, for checking pages as a person's browser renders them (scripts run). Outside CI a
 * missing browser skips the test with a message; in CI (CI=true) it fails, because .ci/run installs it.
 */
public final class HeadlessChromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private HeadlessChromium() {
    }

    public static Path require() {
        for (String candidate : CANDIDATES) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        missing("Chromium (apt-get install chromium)");
        return null;
    }

    /** Fails under CI=true (.ci/run installs the browser), skips with a message elsewhere. */
    public static void missing(String what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(what + " is not installed in CI (.ci/run should have installed it)");
        }
        assumeTrue(false, "SKIPPED: " + what + " is not installed — browser test not run");
    }

    /** The DOM after the page's scripts ran. */
    public static String dumpDom(String url) throws IOException, InterruptedException {
        return new String(run(List.of("--virtual-time-budget=5000", "--dump-dom", url)), StandardCharsets.UTF_8);
    }

    /** A PNG screenshot of the page, for looking at it. */
    public static void screenshot(String url, Path png) throws IOException, InterruptedException {
        run(List.of("--virtual-time-budget=5000", "--window-size=1280,1400", "--screenshot=" + png.toAbsolutePath(), url));
    }

    private static byte[] run(List<String> arguments) throws IOException, InterruptedException {
        Path browser = require();
        Path profile = Files.createTempDirectory("dijkwacht-chromium");
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Chromium did not finish within 60 s");
        }
        return out;
    }
}
