package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The warm-up's measure of JIT work: the compiler threads' CPU time from /proc, counted while compilations run. */
class JitActivityTest {

    @Test
    void readsUserAndSystemTicksOfACompilerThread() {
        String stat = "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 4194368 1200 0 0 0 731 42 0 0 20 0 40 0 1234 0 0";
        assertThat(JitActivity.compilerThreadTicks(stat)).isEqualTo(773L);
        assertThat(JitActivity.compilerThreadTicks(stat.replace("C2", "C1"))).isEqualTo(773L);
    }

    @Test
    void ignoresOtherThreadsAlsoWithParenthesesInTheirName() {
        assertThat(JitActivity.compilerThreadTicks("77 (warm-up-0) R 1 4200 4200 0 -1 4194368 10 0 0 0 99 1 0 0 20 0 40 0 9 0 0")).isNull();
        assertThat(JitActivity.compilerThreadTicks("78 (x) (C2 CompilerThre) R 1 2 3 0 -1 0 0 0 0 0 5 6 0 0")).isNull();
        assertThat(JitActivity.compilerThreadTicks(null)).isNull();
    }

    @Test
    void onLinuxItCountsTheCompilerThreadsOfThisJvm() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "only where /proc exists");
        JitActivity jit = new JitActivity();
        assertThat(jit.available()).isTrue();
        assertThat(jit.fromCompilerThreads()).isTrue();
        long first = jit.workMillis();
        // the JVM that runs this test has compiled its start-up and the test framework: more than one 10 ms tick
        assertThat(first).isGreaterThan(0);
        assertThat(jit.workMillis()).isGreaterThanOrEqualTo(first);
    }
}
