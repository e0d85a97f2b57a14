package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import nl.dijkwacht.policy.LimitsPolicy.Kind;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import org.junit.jupiter.api.Test;

/**
 * {@link Verdict#of} is written out as one loop (it runs for every request); it must pick the same refused and tightest
 * limit as the two streams it replaced (kept here verbatim as {@link #streamed}), ties included: the first of equals.
 */
class VerdictTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");

    @Test
    void picksWhatTheStreamsPicked() {
        Random random = new Random(22);
        int refusedSeen = 0;
        for (int round = 0; round < 20_000; round++) {
            List<Verdict.Drawn> drawn = new ArrayList<>();
            int size = random.nextInt(6);
            for (int i = 0; i < size; i++) {
                drawn.add(drawn(random, i));
            }
            Verdict expected = streamed(drawn, NOW);
            Verdict actual = Verdict.of(drawn, NOW);
            assertThat(actual.refused()).as("round %d refused", round).isSameAs(expected.refused());
            assertThat(actual.tightest()).as("round %d tightest", round).isSameAs(expected.tightest());
            refusedSeen += actual.refused() == null ? 0 : 1;
        }
        assertThat(refusedSeen).isGreaterThan(1_000);
    }

    @Test
    void nothingDrawnIsNothing() {
        assertThat(Verdict.of(List.of(), NOW)).isSameAs(Verdict.NOTHING);
    }

    /** Few distinct values, so that ties (remaining tokens, resets, waits, never-fits) are common. */
    private static Verdict.Drawn drawn(Random random, int i) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        long limit = 10 * (1 + random.nextInt(3));
        long amount = random.nextInt(35);
        Instant periodEnd = kind == Kind.REQUESTS_PER_MINUTE || random.nextInt(4) == 0 ? null
                : NOW.plusSeconds(60L * (1 + random.nextInt(3)));
        Charge charge = new Charge(Scope.values()[random.nextInt(Scope.values().length)], "s" + i, kind, "k" + i, limit,
                amount, periodEnd);
        long remaining = random.nextInt(4);
        long reset = 1_000_000_000L * random.nextInt(3);
        ConsumptionProbe probe = random.nextBoolean() ? ConsumptionProbe.consumed(remaining, reset)
                : ConsumptionProbe.rejected(remaining, 1_000_000_000L * random.nextInt(3), reset);
        return new Verdict.Drawn(charge, probe);
    }

    /** The earlier form of {@link Verdict#of}, verbatim. */
    private static Verdict streamed(List<Verdict.Drawn> drawn, Instant now) {
        if (drawn.isEmpty()) {
            return Verdict.NOTHING;
        }
        Verdict.Drawn tightest = drawn.stream().filter(d -> d.probe().isConsumed())
                .min(Comparator.comparingLong((Verdict.Drawn d) -> d.probe().getRemainingTokens())
                        .thenComparing(d -> d.untilReset(now), Comparator.reverseOrder()))
                .orElse(null);
        Verdict.Drawn refused = drawn.stream().filter(d -> !d.probe().isConsumed())
                .max(Comparator.comparing((Verdict.Drawn d) -> d.charge().neverFits())
                        .thenComparing(d -> d.untilFits(now) == null ? Duration.ZERO : d.untilFits(now)))
                .orElse(null);
        return new Verdict(refused, refused != null ? refused : tightest);
    }
}
