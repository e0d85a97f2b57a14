package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up's signal of JIT work: the JVM's compile queue, busy while a compilation runs or waits. */
class JitActivityTest {

    private static final String IDLE = """
            12345:
            Current compiles:\s

            C1 compile queue:
            Empty

            C2 compile queue:
            Empty
            """;

    @Test
    void nothingCompilingAndEmptyQueuesIsIdle() {
        assertThat(JitActivity.isIdle(IDLE)).isTrue();
    }

    @Test
    void aCompilationInProgressIsWorkAlsoWhenTheQueuesAreEmpty() {
        String running = IDLE.replace("Current compiles: \n", "Current compiles: \n"
                + "C2 CompilerThread0  17735       4       java.util.ArrayList$ArrayListSpliterator::forEachRemaining (127 bytes)\n");
        assertThat(JitActivity.isIdle(running)).isFalse();
    }

    @Test
    void aWaitingCompilationIsWork() {
        String waiting = IDLE.replace("C2 compile queue:\nEmpty", "C2 compile queue:\n  17740       4       java.util.HashMap::get (23 bytes)");
        assertThat(JitActivity.isIdle(waiting)).isFalse();
    }

    @Test
    void onHotSpotItReadsTheQueueOfThisJvm() {
        JitActivity jit = new JitActivity();
        assertThat(jit.available()).isTrue();
        assertThat(jit.fromCompileQueue()).isTrue();
    }
}
