package nl.dijkwacht.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a check script of {@code src/test/python} with the official OpenAI Python SDK, against a gateway a test started.
 * The Python is {@code DIJKWACHT_PYTHON} (default {@code python3}). In CI ({@code CI=true}) it must have the packages
 * (.ci/run installs them); elsewhere a test without them says loudly that it did not run.
 */
public final class PythonSdk {

    private PythonSdk() {
    }

    /**
     * Runs {@code script} with {@code args}; aborts the test (or fails it in CI) when the Python lacks one of
     * {@code packages}. Returns what the script printed, after checking that it ended within a minute with exit code 0.
     */
    public static String run(String script, List<String> packages, String... args) throws Exception {
        String python = System.getenv().getOrDefault("DIJKWACHT_PYTHON", "python3");
        if (!has(python, packages)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI: no Python with " + packages + " (" + python + "); .ci/run should have installed it");
            }
            System.err.println("SKIPPED (loudly): no Python with " + packages + " at " + python + "; set DIJKWACHT_PYTHON");
            Assumptions.abort("no Python with " + packages);
        }
        List<String> command = new ArrayList<>(List.of(python, Path.of("src/test/python", script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(script + " did not end within a minute");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(script + " ended with exit code " + p.exitValue() + ":\n" + out);
        }
        return out;
    }

    private static boolean has(String python, List<String> packages) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import " + String.join(", ", packages)).redirectErrorStream(true)
                    .redirectOutput(File.createTempFile("dw-py", ".log")).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
