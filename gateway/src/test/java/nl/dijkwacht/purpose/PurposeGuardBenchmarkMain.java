package nl.dijkwacht.purpose;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PurposeGuardBenchmark} (1 fork, 3 warm-up and 5 measurement iterations of 2 s, one thread) and prints
 * wall-clock p50/p99/p99.9 (JMH SampleTime) and per-call CPU time of the calling thread (ThreadMXBean), which leaves
 * out time spent waiting for a core on a shared machine. From the repository root, pinned to one core:
 * <pre>
 * taskset -c 1 ./mvnw -q -B -pl gateway clean test-compile exec:exec@purpose-bench -Dmaven.compiler.proc=full
 * </pre>
 */
public final class PurposeGuardBenchmarkMain {

    public static void main(String[] args) throws Exception {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl instanceof URLClassLoader ucl) {
            List<String> entries = new ArrayList<>();
            for (URL u : ucl.getURLs()) {
                entries.add(new File(u.toURI()).getPath());
            }
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
        Options options = new OptionsBuilder()
                .include(PurposeGuardBenchmark.class.getName() + ".*")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .threads(1)
                .jvm(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java")
                .jvmArgs("-Xms512m", "-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        StringBuilder table = new StringBuilder("| measure | calls | p50 | p99 | p99.9 | max |\n|---|---:|---:|---:|---:|---:|\n");
        for (RunResult r : results) {
            var stats = r.getPrimaryResult().getStatistics();
            table.append(String.format(Locale.ROOT, "| wall clock (JMH SampleTime) | %d | %.1f µs | %.1f µs | %.1f µs | %.1f µs |%n",
                    stats.getN(), stats.getPercentile(50), stats.getPercentile(99), stats.getPercentile(99.9), stats.getMax()));
        }
        table.append(cpuTime());
        System.out.println();
        System.out.println(table);
    }

    /** Per-call CPU time over every development prompt, 30 rounds after 10 warm-up rounds. */
    static String cpuTime() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        List<List<String>> prompts = PurposeGuardBenchmark.developmentPrompts();
        for (int round = 0; round < 10; round++) {
            prompts.forEach(p -> guard.judge(p, rules, PurposeGuardPolicy.DEFAULTS, null));
        }
        long[] times = new long[prompts.size() * 30];
        int k = 0;
        for (int round = 0; round < 30; round++) {
            for (List<String> p : prompts) {
                long t0 = mx.getCurrentThreadCpuTime();
                guard.judge(p, rules, PurposeGuardPolicy.DEFAULTS, null);
                times[k++] = mx.getCurrentThreadCpuTime() - t0;
            }
        }
        java.util.Arrays.sort(times);
        int n = times.length;
        return String.format(Locale.ROOT, "| CPU time of the calling thread | %d | %.1f µs | %.1f µs | %.1f µs | %.1f µs |%n", n,
                times[n / 2] / 1000.0, times[(int) (n * 0.99)] / 1000.0, times[(int) (n * 0.999)] / 1000.0, times[n - 1] / 1000.0);
    }
}
