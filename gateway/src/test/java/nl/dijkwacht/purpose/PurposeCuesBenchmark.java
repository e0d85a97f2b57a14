package nl.dijkwacht.purpose;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PurposeCues' word walk before and after session 23, side by side in one JVM, over all development prompts (folded)
 * per operation. Run with {@code java -cp <test class path> nl.dijkwacht.purpose.PurposeCuesBenchmark} (test classes compiled
 * with {@code -Dmaven.compiler.proc=full}, see PiiEngineBenchmarkMain).
 */
@State(Scope.Thread)
public class PurposeCuesBenchmark {

    List<String> folded;

    @Setup
    public void setUp() {
        folded = EvalSet.load("dev").prompts().stream().map(p -> PurposeTokens.fold(p.text())).toList();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int before() {
        int n = 0;
        for (String f : folded) {
            boolean[] c = PurposeCuesBefore.of(f);
            n += (c[0] ? 1 : 0) + (c[1] ? 2 : 0);
        }
        return n;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int now() {
        int n = 0;
        for (String f : folded) {
            PurposeCues c = PurposeCues.of(f);
            n += (c.specialWord ? 1 : 0) + (c.decisionTaken ? 2 : 0);
        }
        return n;
    }

    /** Both in the JVM that runs this (JMH forks 0), so they share its load and JIT; 5 × 1 s warm-up, 10 × 1 s each. */
    public static void main(String[] args) throws Exception {
        new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include(PurposeCuesBenchmark.class.getName() + ".*")
                .forks(0)
                .warmupIterations(5)
                .warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .measurementIterations(10)
                .measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .threads(1)
                .build()).run();
    }
}
