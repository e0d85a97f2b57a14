package nl.dijkwacht.api.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Whether the JIT compiler still has work, for the start-up warm-up's "is the request path compiled yet?".
 *
 * <p>Read from the JVM's compile queue (the {@code Compiler.queue} diagnostic command, as {@code jcmd <pid>
 * Compiler.queue} prints it): busy while a compilation runs or waits. Two cheaper figures were tried and misled on this
 * project's two cores (docs/benchmarks.md, "Session 25 — start-up"): the JVM's total compilation time
 * ({@link CompilationMXBean#getTotalCompilationTime()}) grows only when a compilation has finished, so during one
 * 0.5–2 s C2 compilation of a large request-path method it stood still and looked quiet; the compiler threads' CPU
 * time looks quiet whenever the machine is so loaded that those threads barely run, while their queue is full. Where
 * the diagnostic command is not available (another JVM), the total compilation time is the fallback.
 *
 * <p>Each look is a short stop of the JVM (the command runs as a safepoint operation: 17 µs at the safepoint, plus the
 * time the running threads need to reach it, which on an overloaded machine is milliseconds). The warm-up looks four
 * or five times a second, and only before the gateway reports ready.
 */
final class JitActivity {

    private static final String QUEUE_COMMAND = "compilerQueue";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName diagnostics = diagnosticCommands();
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final boolean fromQueue = queue() != null;
    private long lastCompilationTime = compilationTime();

    /** Whether any signal is available at all. */
    boolean available() {
        return fromQueue || (jit != null && jit.isCompilationTimeMonitoringSupported());
    }

    /** Whether the signal is the compile queue (true) or the JVM's finished-compilation time (the fallback). */
    boolean fromCompileQueue() {
        return fromQueue;
    }

    /**
     * Whether the compiler is idle now: nothing compiling and nothing queued; in the fallback, less than
     * {@code fallbackQuietMillis} of finished compilation time since the previous call.
     */
    boolean idle(long fallbackQuietMillis) {
        if (fromQueue) {
            String queue = queue();
            return queue != null && isIdle(queue);
        }
        long now = compilationTime();
        boolean quiet = now - lastCompilationTime < fallbackQuietMillis;
        lastCompilationTime = now;
        return quiet;
    }

    /** True when the text of {@code Compiler.queue} shows no current compilation and only empty queues. */
    static boolean isIdle(String queue) {
        boolean inCurrent = false;
        for (String raw : queue.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.endsWith(":") && !line.startsWith("Current compiles")) {
                inCurrent = false;
                continue;
            }
            if (line.startsWith("Current compiles")) {
                inCurrent = true;
                continue;
            }
            if (line.equals("Empty")) {
                continue;
            }
            // a task line: under "Current compiles" a running compilation, under a queue's heading a waiting one
            if (inCurrent || Character.isDigit(line.charAt(0)) || line.contains("::")) {
                return false;
            }
        }
        return true;
    }

    private long compilationTime() {
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private String queue() {
        if (diagnostics == null) {
            return null;
        }
        try {
            return (String) server.invoke(diagnostics, QUEUE_COMMAND, new Object[] {null}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }

    private static ObjectName diagnosticCommands() {
        try {
            return new ObjectName("com.sun.management:type=DiagnosticCommand");
        } catch (JMException e) {
            return null;
        }
    }
}
