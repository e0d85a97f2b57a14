package nl.dijkwacht.pii;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import nl.dijkwacht.support.JmhRun;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs {@link PiiEngineBenchmark} (1 fork, 3 warm-up and 5 measurement iterations of 2 s, one thread) and prints
 * the MB/s-per-core and p99 table for docs/benchmarks.md. From the repository root:
 * <pre>
 * ./mvnw -q -B -pl gateway clean test-compile exec:exec@pii-bench -Dmaven.compiler.proc=full
 * </pre>
 * ({@code clean} and {@code proc=full}: JMH generates its harness with an annotation processor, which JDK 23+ no
 * longer runs by default.) When started inside Maven's JVM (exec:java), whose java.class.path is Maven's own, the
 * forked benchmark JVM gets the project's test class path from the class loader instead.
 */
public final class PiiEngineBenchmarkMain {

    public static void main(String[] args) throws Exception {
        String startup = startupAndMemory();
        Collection<RunResult> results = JmhRun.of(PiiEngineBenchmark.class);

        int oneKb = PiiEngineBenchmark.text(1024).getBytes(StandardCharsets.UTF_8).length;
        int tenKb = PiiEngineBenchmark.text(10 * 1024).getBytes(StandardCharsets.UTF_8).length;
        int tenKbTable = PiiEngineBenchmark.table(10 * 1024).getBytes(StandardCharsets.UTF_8).length;
        StringBuilder table = new StringBuilder("| benchmark | result | MB/s per core | p50 | p99 | p99.9 |\n|---|---|---|---|---|---|\n");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            var primary = r.getPrimaryResult();
            var stats = primary.getStatistics();
            if (name.endsWith("Latency")) {
                table.append(String.format(Locale.ROOT, "| %s | %.1f ± %.1f %s (mean) | | %.1f µs | %.1f µs | %.1f µs |%n",
                        name, primary.getScore(), primary.getScoreError(), primary.getScoreUnit(),
                        stats.getPercentile(50), stats.getPercentile(99), stats.getPercentile(99.9)));
            } else {
                int bytes = name.contains("Table") ? tenKbTable : name.endsWith("10k") ? tenKb : oneKb;
                table.append(String.format(Locale.ROOT, "| %s | %.0f ± %.0f %s | %.2f | | | |%n", name,
                        primary.getScore(), primary.getScoreError(), primary.getScoreUnit(),
                        primary.getScore() * bytes / 1_000_000.0));
            }
        }
        System.out.println();
        System.out.println(table);
        System.out.println(cpuTimePercentiles());
        System.out.println(startup);
    }

    /**
     * Per-request CPU time of the calling thread (ThreadMXBean), which leaves out time the thread spent waiting
     * for a core. On a shared machine this shows the engine's own cost; JMH's SampleTime shows wall-clock time.
     */
    static String cpuTimePercentiles() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder("| engine | requests | CPU p50 | CPU p99 | CPU p99.9 |\n|---|---|---|---|---|\n");
        String oneKb = PiiEngineBenchmark.text(1024);
        String tenKbTable = PiiEngineBenchmark.table(10 * 1024);
        record Case(String name, PiiEngine engine, String text, int n) {
        }
        for (Case c : List.of(new Case("full, 1 KB", StandaloneEngine.dutch(), oneKb, 20_000),
                new Case("structured, 1 KB", PiiEngine.structuredOnly(), oneKb, 20_000),
                new Case("full, 10 KB table", StandaloneEngine.dutch(), tenKbTable, 2_000))) {
            for (int i = 0; i < c.n(); i++) {
                c.engine().detect(c.text()); // warm-up
            }
            int n = c.n();
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = mx.getCurrentThreadCpuTime();
                c.engine().detect(c.text());
                times[i] = mx.getCurrentThreadCpuTime() - t0;
            }
            java.util.Arrays.sort(times);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f µs | %.1f µs | %.1f µs |%n", c.name(), n,
                    times[n / 2] / 1000.0, times[(int) (n * 0.99)] / 1000.0, times[(int) (n * 0.999)] / 1000.0));
        }
        return out.toString();
    }

    /** Cold start of the full engine (model and word lists) and the heap it keeps. */
    static String startupAndMemory() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        PiiEngine engine = StandaloneEngine.dutch();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        return String.format(Locale.ROOT, "cold start of PiiEngine.dutchDefault(): %d ms; heap retained: about %d MB (%s)",
                millis, Math.max(0, after - before) / (1024 * 1024), engine.getClass().getSimpleName());
    }
}
