package nl.dijkwacht.purpose;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU time and heap per {@code LayeredPurposeGuard.judge} of several builds of the guard in one JVM, interleaved (round
 * 1: A, B; round 2: A, B …), so that a shared machine's load falls on all of them alike — as
 * {@code pii.PiiEngineCostComparison} does for the PII engine. Each build is a directory of compiled gateway classes
 * ({@link PurposeGuardBuild}). Arguments: {@code name=directory} …; {@code -Dtexts=request|accented|conversation|dev}: the
 * harness's request (accented: with one "een" written "één") (its system prompt and user prompt, as the gateway judges them), the five turns of
 * docs/bench/body-conversation.json in turn, or the development prompts in turn; {@code -Dn} calls per measurement
 * after as many warm-up calls, {@code -Drounds}; {@code -Dcold=KB}: that much memory read before each timed call (the
 * caches emptied as the rest of a gateway request empties them: the guard's tables are read from memory, as in the
 * gateway, instead of from the core's caches). From the repository root:
 * <pre>
 * java -Xms512m -Xmx512m -Dtexts=request -cp "gateway/target/test-classes:gateway/target/classes:$(cat test-classpath.txt)" \
 *     nl.dijkwacht.purpose.PurposeGuardCostComparison main=../main-classes new=gateway/target/classes
 * </pre>
 */
public final class PurposeGuardCostComparison {

    private PurposeGuardCostComparison() {
    }

    static List<List<String>> texts(String which) throws java.io.IOException {
        return switch (which) {
            case "conversation" -> PurposeGuardBuild.conversationTurns();
            case "dev" -> PurposeGuardBenchmark.developmentPrompts();
            // the harness's request as ordinary Dutch is often written: one accented word ("één"), so the reading runs
            case "accented" -> List.of(PurposeGuardBuild.harnessRequest().stream().map(t -> t.replaceFirst("\\been\\b", "één")).toList());
            default -> List.of(PurposeGuardBuild.harnessRequest());
        };
    }

    public static void main(String[] args) throws Exception {
        ClassLoader libraries = PurposeGuardBuild.libraries();
        List<List<String>> texts = texts(System.getProperty("texts", "request"));
        int n = Integer.getInteger("n", 10_000);
        int rounds = Integer.getInteger("rounds", 4);
        int coldKb = Integer.getInteger("cold", 0);
        byte[] cold = new byte[Math.max(1, coldKb) * 1024];
        List<PurposeGuardBuild> builds = new ArrayList<>();
        for (String arg : args) {
            PurposeGuardBuild build = PurposeGuardBuild.load(arg, libraries);
            builds.add(build);
            System.out.printf(Locale.ROOT, "%s: %s%n", build.name, build.judge(texts.getFirst()));
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (PurposeGuardBuild build : builds) {
                for (int i = 0; i < n; i++) {
                    build.judge(texts.get(i % texts.size()));
                }
                long[] cpu = new long[n];
                long sum = 0;
                long allocated = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) {
                    List<String> t = texts.get(i % texts.size());
                    if (coldKb > 0) {
                        touch(cold);
                    }
                    long t0 = mx.getCurrentThreadCpuTime();
                    build.judge(t);
                    cpu[i] = mx.getCurrentThreadCpuTime() - t0;
                    sum += cpu[i];
                }
                allocated = mx.getCurrentThreadAllocatedBytes() - allocated;
                Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "round %d %-8s CPU p50 %7.1f µs  p99 %7.1f µs  mean %7.1f µs  heap %6.1f KB/call  load %s%n",
                        r, build.name, cpu[n / 2] / 1000.0, cpu[(int) (n * 0.99)] / 1000.0, sum / 1000.0 / n, allocated / 1024.0 / n,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    private static int sink;

    /** Reads (and writes) one byte per cache line of {@code b}. */
    private static void touch(byte[] b) {
        int s = 0;
        for (int i = 0; i < b.length; i += 64) {
            s += b[i]++;
        }
        sink = s;
    }
}
