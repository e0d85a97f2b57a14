package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up gives way to C2 while more than five compilations wait for it, and only then. */
class CompilerBacklogTest {

    private static final String QUEUE = """
            12345:
            Current compiles:\s
            C2 CompilerThread0  17735       4       java.util.ArrayList$ArrayListSpliterator::forEachRemaining (127 bytes)
            C1 CompilerThread0  17736       3       java.util.HashMap::put (13 bytes)

            C1 compile queue:
              17741       3       java.util.HashMap::putVal (300 bytes)

            C2 compile queue:
            %s
            """;

    private static String c2Waiting(int n) {
        if (n == 0) {
            return "Empty";
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append("  ").append(17750 + i).append("       4       java.lang.String::hashCode (49 bytes)\n");
        }
        return lines.toString();
    }

    @Test
    void countsOnlyTheCompilationsWaitingForC2() {
        assertThat(CompilerBacklog.waitingForC2(QUEUE.formatted(c2Waiting(0)))).isZero();
        assertThat(CompilerBacklog.waitingForC2(QUEUE.formatted(c2Waiting(3)))).isEqualTo(3);
    }

    @Test
    void readsTheQueueOfThisJvm() {
        JitActivity jit = new JitActivity();
        jit.idle(25);
        assertThat(jit.waitingForC2()).isGreaterThanOrEqualTo(jit.fromCompileQueue() ? 0 : -1);
    }

    @Test
    void pausesWhileBehindUntilTheDeadline() {
        CompilerBacklog backlog = new CompilerBacklog();
        backlog.seen(CompilerBacklog.BEHIND + 1);
        backlog.awaitCompiler(System.nanoTime() + 50_000_000L);
        assertThat(backlog.pausedMillis()).isPositive();
    }

    @Test
    void doesNotPauseWhenC2KeepsUpOrTheQueueIsUnknownOrTheWarmUpIsOver() {
        CompilerBacklog backlog = new CompilerBacklog();
        long far = System.nanoTime() + 60_000_000_000L;
        backlog.seen(CompilerBacklog.BEHIND);
        backlog.awaitCompiler(far);
        backlog.seen(-1);
        backlog.awaitCompiler(far);
        backlog.seen(CompilerBacklog.BEHIND + 10);
        backlog.release();
        backlog.awaitCompiler(far);
        assertThat(backlog.pausedMillis()).isZero();
    }
}
