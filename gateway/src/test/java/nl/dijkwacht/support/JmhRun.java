package nl.dijkwacht.support;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one JMH benchmark class the way the project's benchmark mains do: 1 fork, 3 × 2 s warm-up, 5 × 2 s
 * measurement, one thread, a 512 MB heap, the same JDK. Under {@code exec:exec} the test class path reaches the forked
 * JVM through the class loader, not {@code java.class.path}, so that property is set from it first.
 */
public final class JmhRun {

    private JmhRun() {
    }

    public static Collection<RunResult> of(Class<?> benchmark) throws Exception {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl instanceof URLClassLoader ucl) {
            List<String> entries = new ArrayList<>();
            for (URL u : ucl.getURLs()) {
                entries.add(new File(u.toURI()).getPath());
            }
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
        return new Runner(new OptionsBuilder()
                .include(benchmark.getName() + ".*")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .threads(1)
                .jvm(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java")
                .jvmArgs(jvmArgs())
                .build()).run();
    }

    /**
     * The heap, and the name-window cache setting when one is given ({@code -Ddijkwacht.pii.name-window-cache=0}: the
     * benchmarks repeat one text, so with the cache on they measure repeated text) — the forked JVM does not inherit it.
     */
    static String[] jvmArgs() {
        String cache = System.getProperty("dijkwacht.pii.name-window-cache");
        return cache == null ? new String[] {"-Xms512m", "-Xmx512m"}
                : new String[] {"-Xms512m", "-Xmx512m", "-Ddijkwacht.pii.name-window-cache=" + cache};
    }
}
