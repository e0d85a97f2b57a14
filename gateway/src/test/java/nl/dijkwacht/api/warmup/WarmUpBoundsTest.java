package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's time budget: its own limit, the start-up budget counted from the JVM's start, and its least time; and
 * what the log says when that budget ends the wait for the JIT compiler.
 */
class WarmUpBoundsTest {

    private static final Duration THIRTY = Duration.ofSeconds(30);

    @Test
    void theStartUpBudgetLeavesWhatTheStartBeforeTheWarmUpDidNotUse() {
        WarmUpBounds bounds = new WarmUpBounds(20_000, THIRTY, THIRTY, Duration.ofSeconds(5), true);
        assertThat(bounds.budgetNanos(Duration.ofSeconds(12))).isEqualTo(Duration.ofSeconds(18).toNanos());
    }

    @Test
    void aSlowStartStillGetsTheLeastTime() {
        WarmUpBounds bounds = new WarmUpBounds(20_000, THIRTY, THIRTY, Duration.ofSeconds(5), true);
        assertThat(bounds.budgetNanos(Duration.ofSeconds(40))).isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void theWarmUpsOwnLimitStillHolds() {
        WarmUpBounds bounds = new WarmUpBounds(20_000, Duration.ofSeconds(10), THIRTY, Duration.ofSeconds(5), true);
        assertThat(bounds.budgetNanos(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void withoutAStartUpBudgetOnlyTheOwnLimitCounts() {
        WarmUpBounds bounds = new WarmUpBounds(20_000, Duration.ofMinutes(2), Duration.ZERO, Duration.ofSeconds(5), false);
        assertThat(bounds.budgetNanos(Duration.ofSeconds(40))).isEqualTo(Duration.ofMinutes(2).toNanos());
    }

    @Test
    void theLogSaysWhenTheTimeBoundEndedTheWaitForTheJitInsteadOfZeroMillisecondsToFinish() {
        assertThat(StartupWarmUp.jitEnd(0, true)).isEqualTo("; stopped at its time bound, the JIT compiler still at work")
                .doesNotContain("to finish");
        assertThat(StartupWarmUp.jitEnd(1_400, false)).isEqualTo(", then 1400 ms for the JIT compiler to finish");
    }
}
