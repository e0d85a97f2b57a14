package nl.dijkwacht.purpose;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU per text field of the encoded readings, builds side by side in one JVM (encoded45): {@code EncodedRuns.find}
 * (what the PII step pays per text) and {@code EncodedReading.of} (the guard's reading, one pass since encoded45)
 * over the harness request's texts, each build in its own class loader, interleaved per round as
 * {@link PurposeGuardCostComparison} does. A timing tool, not a test:
 * <pre>
 * taskset -c 1 java -cp gateway/target/test-classes:$(cat cp.txt) nl.dijkwacht.purpose.EncodedCostComparison old=DIR new=DIR
 * </pre>
 */
public final class EncodedCostComparison {

    private EncodedCostComparison() {
    }

    private record Build(String name, MethodHandle find, MethodHandle read) {
    }

    private static Build load(String arg, ClassLoader libraries) throws Exception {
        String[] p = arg.split("=", 2);
        ClassLoader loader = new URLClassLoader(new URL[] {new File(p[1]).toURI().toURL()}, libraries);
        Class<?> runs = loader.loadClass("nl.dijkwacht.words.EncodedRuns");
        Class<?> reading = loader.loadClass("nl.dijkwacht.purpose.EncodedReading");
        MethodHandle find = MethodHandles.publicLookup().findStatic(runs, "find", MethodType.methodType(List.class, String.class));
        var of = reading.getDeclaredMethod("of", String.class);
        of.setAccessible(true);
        return new Build(p[0], find, MethodHandles.lookup().unreflect(of));
    }

    public static void main(String[] args) throws Throwable {
        List<String> texts = PurposeGuardBuild.harnessRequest();
        int n = Integer.getInteger("n", 20_000);
        int rounds = Integer.getInteger("rounds", 4);
        ClassLoader libraries = PurposeGuardBuild.libraries();
        List<Build> builds = new ArrayList<>();
        for (String a : args) {
            builds.add(load(a, libraries));
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%d texts of %s characters%n", texts.size(), texts.stream().map(t -> String.valueOf(t.length())).toList());
        for (int r = 0; r < rounds; r++) {
            for (Build b : builds) {
                for (String what : List.of("find", "read")) {
                    MethodHandle h = what.equals("find") ? b.find : b.read;
                    long[] cpu = new long[n];
                    long alloc = mx.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < n; i++) {
                        String t = texts.get(i % texts.size());
                        long t0 = mx.getCurrentThreadCpuTime();
                        Object o = h.invoke(t);
                        cpu[i] = mx.getCurrentThreadCpuTime() - t0;
                        if (o == null) {
                            throw new AssertionError();
                        }
                    }
                    alloc = mx.getCurrentThreadAllocatedBytes() - alloc;
                    Arrays.sort(cpu);
                    System.out.printf(Locale.ROOT, "round %d %-4s %-4s per text CPU p50 %6.2f µs  p90 %6.2f µs  heap %6.0f B/call  load %.1f%n",
                            r, b.name, what, cpu[n / 2] / 1000.0, cpu[n * 9 / 10] / 1000.0, (double) alloc / n,
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
            }
        }
    }
}
