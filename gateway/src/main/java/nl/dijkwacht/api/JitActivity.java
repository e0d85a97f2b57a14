package nl.dijkwacht.api;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How much the JIT compiler has worked so far, for the start-up warm-up's "is the request path compiled yet?".
 *
 * <p>On Linux it is the CPU time of the JVM's compiler threads ({@code /proc/self/task/<id>/stat} of the threads named
 * {@code C1 CompilerThread…} / {@code C2 CompilerThread…}), which grows while a compilation runs. The JVM's own figure
 * ({@link CompilationMXBean#getTotalCompilationTime()}) grows only when a compilation has finished: one C2 compilation
 * of a large request-path method takes 0.5–2 s on this project's two cores, and during it that figure stands still, so
 * a second without growth did not mean the compiler was idle (docs/benchmarks.md, "Session 25 — start-up"). Where
 * {@code /proc} cannot be read, that figure is the fallback.
 */
final class JitActivity {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux's USER_HZ: the unit of utime/stime in /proc stat files on every common architecture. */
    private static final long MILLIS_PER_TICK = 10;

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    /** Last CPU ticks seen per compiler thread; kept when a thread ends, so the total never goes back. */
    private final Map<String, Long> ticksByThread = new HashMap<>();
    private final boolean fromProc;

    JitActivity() {
        this.fromProc = Files.isDirectory(TASKS) && scan() > 0;
    }

    /** Whether any figure is available at all. */
    boolean available() {
        return fromProc || (jit != null && jit.isCompilationTimeMonitoringSupported());
    }

    /** Whether the figure is the compiler threads' CPU time (true) or the JVM's finished-compilation time. */
    boolean fromCompilerThreads() {
        return fromProc;
    }

    /** Milliseconds of compiler work so far; only differences between two calls mean something. */
    long workMillis() {
        if (fromProc) {
            scan();
            return ticksByThread.values().stream().mapToLong(Long::longValue).sum() * MILLIS_PER_TICK;
        }
        return jit == null ? 0 : jit.getTotalCompilationTime();
    }

    /** Reads every compiler thread's CPU ticks; returns how many compiler threads there are now. */
    private int scan() {
        int found = 0;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                Long ticks = compilerThreadTicks(read(task.resolve("stat")));
                if (ticks != null) {
                    ticksByThread.merge(task.getFileName().toString(), ticks, Math::max);
                    found++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a /proc that cannot be listed: the caller falls back to the JVM's figure (constructor) or keeps the last
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null; // the thread ended between listing and reading
        }
    }

    /**
     * utime + stime of one {@code /proc/.../stat} line when it is a JIT compiler thread's, else null. The name stands in
     * parentheses and may itself contain spaces or parentheses, so the fields are counted from the last ")".
     */
    static Long compilerThreadTicks(String stat) {
        if (stat == null) {
            return null;
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String name = stat.substring(open + 1, close);
        if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            return null;
        }
        // after ") ": state(3) ppid(4) ... utime(14) stime(15) - fields 14 and 15 are the 12th and 13th from here
        String[] fields = stat.substring(close + 2).trim().split(" ");
        if (fields.length < 13) {
            return null;
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
