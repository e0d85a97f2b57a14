package nl.dijkwacht.pii;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per {@code detect()} of several builds of the engine in one JVM, interleaved (round 1: A, B; round 2: A,
 * B …), so that a shared machine's load falls on all of them alike. Each build is a directory of compiled
 * {@code nl.dijkwacht.pii} classes and {@code pii/} resources, loaded in its own class loader over the libraries of
 * the test class path. Arguments: {@code name=directory} …; {@code -Dtext=letter|table} (1 KB letter or 10 KB CSV of
 * {@link PiiEngineBenchmark}), {@code -Dn} calls per measurement after as many warm-up calls, {@code -Drounds}.
 * See docs/pii-evaluation.md ("Cost") for the command.
 */
public final class PiiEngineCostComparison {

    public static void main(String[] args) throws Exception {
        List<URL> libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                libraries.add(new File(entry).toURI().toURL());
            }
        }
        ClassLoader shared = new URLClassLoader(libraries.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        boolean table = "table".equals(System.getProperty("text"));
        String text = table ? PiiEngineBenchmark.table(10 * 1024) : PiiEngineBenchmark.text(1024);
        int n = Integer.getInteger("n", 10_000);
        int rounds = Integer.getInteger("rounds", 4);
        List<String> names = new ArrayList<>();
        List<Object> engines = new ArrayList<>();
        List<Method> detects = new ArrayList<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            URLClassLoader loader = new URLClassLoader(new URL[] {new File(kv[1]).toURI().toURL()}, shared);
            Class<?> engineClass = loader.loadClass("nl.dijkwacht.pii.PiiEngine");
            Object engine = engineClass.getMethod("dutchDefault").invoke(null);
            Method detect = engineClass.getMethod("detect", String.class);
            names.add(kv[0]);
            engines.add(engine);
            detects.add(detect);
            System.out.printf(Locale.ROOT, "%s: %d findings%n", kv[0], ((List<?>) detect.invoke(engine, text)).size());
        }
        var mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < engines.size(); k++) {
                Object engine = engines.get(k);
                Method detect = detects.get(k);
                for (int i = 0; i < n; i++) {
                    detect.invoke(engine, text);
                }
                long[] cpu = new long[n];
                for (int i = 0; i < n; i++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    detect.invoke(engine, text);
                    cpu[i] = mx.getCurrentThreadCpuTime() - t0;
                }
                Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "round %d %-8s CPU p50 %7.1f µs  p99 %7.1f µs%n", r, names.get(k),
                        cpu[n / 2] / 1000.0, cpu[(int) (n * 0.99)] / 1000.0);
            }
        }
    }
}
