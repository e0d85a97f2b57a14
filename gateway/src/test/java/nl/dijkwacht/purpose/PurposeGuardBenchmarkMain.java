package nl.dijkwacht.purpose;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import nl.dijkwacht.support.JmhRun;
import org.openjdk.jmh.results.RunResult;

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
        Collection<RunResult> results = JmhRun.of(PurposeGuardBenchmark.class);
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

    /** Per-call CPU time over every development prompt, 30 rounds after 10 warm-up rounds, thresholds of -Dopts. */
    static String cpuTime() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        List<List<String>> prompts = PurposeGuardBenchmark.developmentPrompts();
        PurposeGuardPolicy settings = PurposeEvaluation.thresholds(); // the defaults unless -Dopts sets thresholds
        for (int round = 0; round < 10; round++) {
            prompts.forEach(p -> guard.judge(p, rules, settings, null));
        }
        long[] times = new long[prompts.size() * 30];
        int k = 0;
        for (int round = 0; round < 30; round++) {
            for (List<String> p : prompts) {
                long t0 = mx.getCurrentThreadCpuTime();
                guard.judge(p, rules, settings, null);
                times[k++] = mx.getCurrentThreadCpuTime() - t0;
            }
        }
        java.util.Arrays.sort(times);
        int n = times.length;
        return String.format(Locale.ROOT, "| CPU time of the calling thread | %d | %.1f µs | %.1f µs | %.1f µs | %.1f µs |%n", n,
                times[n / 2] / 1000.0, times[(int) (n * 0.99)] / 1000.0, times[(int) (n * 0.999)] / 1000.0, times[n - 1] / 1000.0);
    }
}
