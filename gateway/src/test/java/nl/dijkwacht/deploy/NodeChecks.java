package nl.dijkwacht.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The checks in deploy/check (Node.js scripts on npm packages: the Kubernetes API schemas compiled into
 * kubernetes-models, the dockerfile-utils linter). .ci/run installs them with {@code npm ci --prefix deploy/check};
 * in CI (CI=true) a missing Node.js or package fails the test, elsewhere it is skipped with a message saying how to
 * install them.
 */
final class NodeChecks {

    static final Path DIR = Path.of("../deploy/check");

    record Result(int exitCode, String output) {
    }

    private NodeChecks() {
    }

    static void require(String... packages) {
        List<String> missing = new ArrayList<>();
        if (!onPath("node")) {
            missing.add("Node.js (node)");
        }
        for (String name : packages) {
            if (!Files.isDirectory(DIR.resolve("node_modules").resolve(name))) {
                missing.add("npm package " + name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "missing " + missing + ": run `npm ci --prefix deploy/check` (.ci/run does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        System.err.println("SKIPPED (loudly): " + message);
        assumeTrue(false, "SKIPPED: " + message);
    }

    /** Runs {@code node deploy/check/<script> args...} with {@code stdin} as its input. */
    static Result run(String script, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("node", DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("node " + script + " did not finish: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
