package nl.dijkwacht.purpose;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link PurposeCuesBefore} against {@link PurposeCues} in one JVM, interleaved (50 passes over the dev prompts each, in
 * turn), on the thread's CPU time, so a shared machine's load falls on both alike. Argument: rounds (after 20 warm-up
 * rounds). Run with the test class path: {@code java -cp <test class path> nl.dijkwacht.purpose.PurposeCuesCpuComparison 40}.
 */
public final class PurposeCuesCpuComparison {

    private PurposeCuesCpuComparison() {
    }

    public static void main(String[] args) {
        List<String> folded = EvalSet.load("dev").prompts().stream().map(p -> PurposeTokens.fold(p.text())).toList();
        var mx = ManagementFactory.getThreadMXBean();
        int rounds = Integer.parseInt(args[0]);
        double[] ratio = new double[rounds];
        long sink = 0;
        long before = 0;
        long now = 0;
        for (int r = -20; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 50; k++) {
                for (String f : folded) {
                    sink += PurposeCuesBefore.of(f)[0] ? 1 : 0;
                }
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 50; k++) {
                for (String f : folded) {
                    sink += PurposeCues.of(f).specialWord ? 1 : 0;
                }
            }
            long t2 = mx.getCurrentThreadCpuTime();
            if (r >= 0) {
                ratio[r] = (double) (t2 - t1) / (t1 - t0);
                before += t1 - t0;
                now += t2 - t1;
            }
        }
        Arrays.sort(ratio);
        long n = 50L * folded.size() * rounds;
        System.out.printf(Locale.ROOT, "before %.2f µs/prompt, now %.2f µs/prompt (thread CPU), now/before median %.3f"
                        + " [p10 %.3f, p90 %.3f] (%d)%n", before / 1e3 / n, now / 1e3 / n, ratio[rounds / 2], ratio[rounds / 10],
                ratio[rounds * 9 / 10], sink);
    }
}
