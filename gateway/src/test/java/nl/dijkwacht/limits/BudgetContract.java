package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.IdentitySource;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every bucket store must do: the same tests run in memory and on the machine's Redis. */
abstract class BudgetContract {

    protected BucketStore store;
    protected CallerLimits limits;
    protected String tenant;
    private final TokenEstimator estimator = new TokenEstimator();

    /** A wall clock stopped at the start of the test: per-minute buckets do not refill while a slow machine runs it. */
    protected final TimeMeter stopped = new TimeMeter() {
        private final long at = System.currentTimeMillis() * 1_000_000;

        @Override
        public long currentTimeNanos() {
            return at;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    protected abstract BucketStore newStore(TimeMeter clock);

    @BeforeEach
    void openStore() {
        store = newStore(stopped);
        limits = LimitsFixture.callerLimits(store);
        tenant = LimitsFixture.freshTenant();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void twoHundredConcurrentRequestsAgainstABudgetOfFiftyLetExactlyFiftyThrough() throws Exception {
        PolicySet policy = policy(limits(Map.of(Scope.USER, new Values(50L, null, null), Scope.TOOL, new Values(10_000L, null, null))));
        int passed = concurrently(200, () -> limits.chargeRequests(exchange(policy, "tool", "anna", null, tenant)));
        assertThat(passed).isEqualTo(50);
    }

    @Test
    void twoHundredConcurrentRequestsAgainstATokenBudgetForFiftyLetExactlyFiftyThrough() throws Exception {
        long each = estimate(policy(null));
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(10_000L, null, null),
                Scope.DEPARTMENT, new Values(null, 50 * each, 1_000_000L))));
        int passed = concurrently(200, () -> {
            Exchange exchange = exchange(policy, "tool", null, "Burgerzaken", tenant);
            return limits.reserveTokens(exchange, () -> each);
        });
        assertThat(passed).isEqualTo(50);
    }

    @Test
    void theToolCapHoldsWhateverUserIdsTheToolSends() {
        PolicySet policy = policy(limits(Map.of(Scope.USER, new Values(100L, null, null), Scope.TOOL, new Values(10L, null, null))));
        int passed = 0;
        for (int i = 0; i < 15; i++) {
            if (limits.chargeRequests(exchange(policy, "tool", "user-" + i, null, tenant)) instanceof Outcome.Continue) {
                passed++;
            }
        }
        assertThat(passed).isEqualTo(10);
    }

    @Test
    void aRefusedRequestTakesNothingFromTheOtherBuckets() {
        PolicySet policy = policy(limits(Map.of(Scope.USER, new Values(5L, null, null), Scope.TOOL, new Values(3L, null, null))));
        for (int i = 0; i < 3; i++) {
            assertThat(limits.chargeRequests(exchange(policy, "tool-a", "anna", null, tenant))).isEqualTo(Outcome.CONTINUE);
        }
        Exchange refused = exchange(policy, "tool-a", "anna", null, tenant);
        Outcome outcome = limits.chargeRequests(refused);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Deny.class, deny -> {
            assertThat(deny.rule()).isEqualTo("rate-limit:tool:requests-per-minute");
            assertThat(deny.refusal().status()).isEqualTo(429);
            assertThat(deny.refusal().code()).isEqualTo("rate_limit_exceeded");
            assertThat(deny.refusal().retryAfterSeconds()).isBetween(1L, 60L);
            assertThat(deny.refusal().message()).contains("tool 'tool-a'").contains("3 verzoeken per minuut");
        });
        assertThat(refused.rateLimitHeaders()).containsEntry("x-ratelimit-limit-requests", "3")
                .containsEntry("x-ratelimit-remaining-requests", "0").containsKey("x-ratelimit-reset-requests");
        // anna's own bucket gave 3, not 4: two more through another tool, then her limit
        assertThat(limits.chargeRequests(exchange(policy, "tool-b", "anna", null, tenant))).isEqualTo(Outcome.CONTINUE);
        assertThat(limits.chargeRequests(exchange(policy, "tool-b", "anna", null, tenant))).isEqualTo(Outcome.CONTINUE);
        assertThat(limits.chargeRequests(exchange(policy, "tool-b", "anna", null, tenant)))
                .isInstanceOfSatisfying(Outcome.Deny.class, deny -> assertThat(deny.rule()).isEqualTo("rate-limit:user:requests-per-minute"));
    }

    @Test
    void theStartUpWarmUpIsNeverRefusedAndSpendsNothingOfTheToolsCap() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(3L, null, 1_000L), Scope.TENANT, new Values(null, null, 1_000L))));
        long each = 400;
        for (int i = 0; i < 50; i++) {
            Exchange warmUp = exchange(policy, "tool", null, null, tenant);
            warmUp.caller(new Caller("tool", null, null, List.of(), tenant, null, IdentitySource.WARM_UP, null));
            assertThat(limits.chargeRequests(warmUp)).as("warm-up request %d", i).isEqualTo(Outcome.CONTINUE);
            assertThat(limits.reserveTokens(warmUp, () -> each)).as("warm-up tokens %d", i).isEqualTo(Outcome.CONTINUE);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(limits.chargeRequests(exchange(policy, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
        }
        assertThat(limits.chargeRequests(exchange(policy, "tool", null, null, tenant))).isInstanceOf(Outcome.Deny.class);
        assertThat(limits.reserveTokens(exchange(policy, "tool", null, null, tenant), () -> each)).isEqualTo(Outcome.CONTINUE);
    }

    @Test
    void tenantsHaveBucketsOfTheirOwn() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(1L, null, null))));
        assertThat(limits.chargeRequests(exchange(policy, "tool", "anna", null, tenant))).isEqualTo(Outcome.CONTINUE);
        assertThat(limits.chargeRequests(exchange(policy, "tool", "anna", null, tenant))).isInstanceOf(Outcome.Deny.class);
        assertThat(limits.chargeRequests(exchange(policy, "tool", "anna", null, tenant + "-b"))).isEqualTo(Outcome.CONTINUE);
    }

    @Test
    void settlingTakesWhatWasUsedAndGivesBackTheRest() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null), Scope.USER, new Values(null, 1000L, null))));
        Exchange first = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(first, () -> 300)).isEqualTo(Outcome.CONTINUE);
        assertThat(first.tokensReserved()).isEqualTo(300);
        assertThat(first.rateLimitHeaders()).containsEntry("x-ratelimit-limit-tokens", "1000")
                .containsEntry("x-ratelimit-remaining-tokens", "700");
        first.upstreamStatus(200);
        first.usage(40, 60);
        limits.settle(first);

        Exchange second = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(second, () -> 300)).isEqualTo(Outcome.CONTINUE);
        assertThat(second.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", "600");
        // the answer turned out longer than reserved: the budget goes below zero and refuses the next request
        second.upstreamStatus(200);
        second.usage(200, 1200);
        limits.settle(second);

        Exchange third = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(third, () -> 1)).isInstanceOfSatisfying(Outcome.Deny.class, deny -> {
            assertThat(deny.rule()).isEqualTo("token-budget:user:tokens-per-day");
            assertThat(deny.refusal().code()).isEqualTo("token_budget_exceeded");
            assertThat(deny.refusal().retryAfterSeconds()).isBetween(1L, 25 * 3600L);
            assertThat(deny.refusal().message()).contains("dagtegoed per medewerker").doesNotContain("anna");
        });
        assertThat(third.tokensReserved()).isZero();
    }

    @Test
    void aModelThatFailedUsedNothing() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null), Scope.USER, new Values(null, null, 1000L))));
        Exchange failed = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(failed, () -> 900)).isEqualTo(Outcome.CONTINUE);
        failed.upstreamStatus(502);
        limits.settle(failed);
        Exchange next = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(next, () -> 1000)).isEqualTo(Outcome.CONTINUE);
        assertThat(next.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", "0");
    }

    /**
     * A stream that failed after it started (here: the upstream cut it) is charged what the provider bills: the prompt
     * as counted and the output streamed so far, counted with the model's tokenizer — it gave the whole reservation
     * back before (budget28, ADR 0012). The exchange carries the figure, so the audit record does too.
     */
    @Test
    void aStreamThatFailedAfterItStartedIsChargedThePromptAndWhatItStreamed() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null), Scope.USER, new Values(null, 1000L, null))));
        Exchange failed = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(failed, () -> 300)).isEqualTo(Outcome.CONTINUE);
        failed.promptCounted(() -> 25);
        String streamed = "Goedemorgen, hoe gaat het met u vandaag?";
        long output = nl.dijkwacht.invoke.TokenEncodings.cl100k().countTokensOrdinary(streamed);
        var sink = StreamedOutput.around(failed, new Discard());
        sink.open();
        failed.upstreamStatus(200);
        sink.chunk(contentChunk(streamed.substring(0, 12)));
        sink.pending(contentChunk(streamed.substring(12)));
        // the upstream cut the stream: the handler puts the figure on the exchange, then records and settles
        StreamedOutput.failed(sink, failed);
        failed.upstreamStatus(null);
        assertThat(failed.promptTokens()).isEqualTo(25);
        assertThat(failed.completionTokens()).isEqualTo((int) output);
        limits.settle(failed);

        Exchange next = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(next, () -> 1000 - 25 - output)).as("what the failed stream used stays spent")
                .isEqualTo(Outcome.CONTINUE);
        assertThat(next.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", "0");
    }

    /** A tool that hung up midway: charged what was streamed, no longer the whole estimate (budget28). */
    @Test
    void aStreamTheToolHungUpOnMidwayIsChargedWhatWasStreamedNotTheEstimate() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null), Scope.USER, new Values(null, 1000L, null))));
        Exchange gone = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(gone, () -> 600, () -> 500)).isEqualTo(Outcome.CONTINUE);
        gone.promptCounted(() -> 10);
        var sink = StreamedOutput.around(gone, new Discard());
        sink.open();
        gone.upstreamStatus(200); // the stream opened; the tool left, the upstream status stays
        sink.chunk(contentChunk("Eén"));
        StreamedOutput.failed(sink, gone);
        limits.settle(gone);
        long used = 10 + nl.dijkwacht.invoke.TokenEncodings.cl100k().countTokensOrdinary("Eén");

        Exchange next = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(next, () -> 1000 - used)).as("not the estimate of 500: the %d used", used)
                .isEqualTo(Outcome.CONTINUE);
        assertThat(next.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", "0");
    }

    /** Usage the model reported before the stream failed stands; a stream that never opened spent nothing. */
    @Test
    void reportedUsageStandsAndAStreamThatNeverOpenedSpendsNothing() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null), Scope.USER, new Values(null, 1000L, null))));
        Exchange reported = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(reported, () -> 300)).isEqualTo(Outcome.CONTINUE);
        reported.promptCounted(() -> 25);
        var sink = StreamedOutput.around(reported, new Discard());
        sink.open();
        sink.chunk(contentChunk("Hallo"));
        reported.usage(31, 7); // the usage chunk came, then the connection was lost before [DONE]
        StreamedOutput.failed(sink, reported);
        assertThat(reported.promptTokens() + reported.completionTokens()).isEqualTo(38);
        reported.upstreamStatus(null);
        limits.settle(reported);

        Exchange unopened = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(unopened, () -> 400)).isEqualTo(Outcome.CONTINUE);
        unopened.promptCounted(() -> 25);
        StreamedOutput.failed(StreamedOutput.around(unopened, new Discard()), unopened); // failed before its first byte
        assertThat(unopened.promptTokens() + unopened.completionTokens()).isZero();
        unopened.upstreamStatus(502);
        limits.settle(unopened);

        Exchange next = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(next, () -> 1000 - 38)).isEqualTo(Outcome.CONTINUE);
        assertThat(next.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", "0");
    }

    static com.fasterxml.jackson.databind.node.ObjectNode contentChunk(String text) {
        var chunk = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("id", "c").put("object", "chat.completion.chunk");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", text);
        return chunk;
    }

    /** The rest of the answer's path (rewriting, the tool): not what these tests look at. */
    static final class Discard implements nl.dijkwacht.invoke.ChunkSink {
        @Override
        public void open() {
        }

        @Override
        public void chunk(com.fasterxml.jackson.databind.node.ObjectNode chunk) {
        }

        @Override
        public void complete() {
        }
    }

    /**
     * A request received just before midnight reaches the token-budget step just after it (the steps before take
     * time): its reservation is in the new day's budget, so settling must give back there — it gave back to the
     * day it was received in (limits27).
     */
    @Test
    void aReservationMadeJustAfterMidnightIsSettledInTheDayItWasMadeIn() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null), Scope.USER, new Values(null, 1000L, null))));
        Exchange failed = exchange(policy, "tool", "anna", null, tenant); // received now, today
        java.time.ZoneId zone = LimitsPolicy.DEFAULT_TIME_ZONE;
        java.time.Instant afterMidnight = java.time.LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant().plusSeconds(1);
        GeneratedTrafficTest.ManualTime time = new GeneratedTrafficTest.ManualTime(afterMidnight);
        try (BucketStore tomorrow = newStore(time)) {
            CallerLimits limits = new CallerLimits(tomorrow, user -> "p-" + Integer.toHexString(user.hashCode()), 120, time.clock());
            assertThat(limits.reserveTokens(failed, () -> 900)).isEqualTo(Outcome.CONTINUE);
            failed.upstreamStatus(502);
            limits.settle(failed);
            Exchange next = exchange(policy, "tool", "anna", null, tenant);
            assertThat(limits.reserveTokens(next, () -> 1000)).as("the failed request's 900 tokens are back").isEqualTo(Outcome.CONTINUE);
        }
    }

    /** The budget gauge shows an overspent budget as more than wholly used, in Redis too (it said 1.0 there: limits27). */
    @Test
    void anAnswerThatRanOverShowsAsMoreThanTheWholeBudgetUsed() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null), Scope.TENANT, new Values(null, null, 1000L))));
        Exchange overran = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(overran, () -> 900)).isEqualTo(Outcome.CONTINUE);
        overran.upstreamStatus(200);
        overran.usage(200, 1000);
        limits.settle(overran);
        assertThat(limits.tenantBudgetUse(t -> policy).get(tenant))
                .containsEntry(LimitsPolicy.Kind.TOKENS_PER_MONTH, 1.2);
    }

    @Test
    void aRequestLargerThanTheWholeBudgetIsToldSoWithoutRetryAfter() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, 500L, null))));
        Outcome outcome = limits.reserveTokens(exchange(policy, "tool", null, null, tenant), () -> 800);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Deny.class, deny -> {
            assertThat(deny.refusal().retryAfterSeconds()).isNull();
            assertThat(deny.refusal().message()).contains("meer dan het hele dagtegoed").contains("max_tokens");
        });
    }

    @Test
    void aHigherLimitInANewPolicyAddsTheDifference() {
        PolicySet before = policy(limits(Map.of(Scope.TOOL, new Values(3L, null, null))));
        for (int i = 0; i < 3; i++) {
            assertThat(limits.chargeRequests(exchange(before, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
        }
        assertThat(limits.chargeRequests(exchange(before, "tool", null, null, tenant))).isInstanceOf(Outcome.Deny.class);
        PolicySet after = policy(limits(Map.of(Scope.TOOL, new Values(5L, null, null))));
        assertThat(limits.chargeRequests(exchange(after, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
        assertThat(limits.chargeRequests(exchange(after, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
        assertThat(limits.chargeRequests(exchange(after, "tool", null, null, tenant))).isInstanceOf(Outcome.Deny.class);
        // a request still holding the old snapshot does not put the old limit back
        assertThat(limits.chargeRequests(exchange(before, "tool", null, null, tenant))).isInstanceOf(Outcome.Deny.class);
    }

    @Test
    void overridesReplaceTheDefaultAndUnlimitedLiftsIt() {
        LimitsPolicy file = limits(Map.of(Scope.TOOL, new Values(100L, null, null), Scope.DEPARTMENT, new Values(1L, null, null)),
                Map.of(Scope.DEPARTMENT, Map.of("Juridische Zaken", new Values(3L, null, null),
                        "Raad", new Values(Values.UNLIMITED, null, null))));
        PolicySet policy = policy(file);
        assertThat(passes(policy, "Burgerzaken", 5)).isEqualTo(1);
        assertThat(passes(policy, "Juridische Zaken", 5)).isEqualTo(3);
        assertThat(passes(policy, "Raad", 20)).isEqualTo(20);
    }

    private int passes(PolicySet policy, String department, int tries) {
        int passed = 0;
        for (int i = 0; i < tries; i++) {
            if (limits.chargeRequests(exchange(policy, "tool", null, department, tenant)) instanceof Outcome.Continue) {
                passed++;
            }
        }
        return passed;
    }

    private long estimate(PolicySet policy) {
        Exchange exchange = exchange(policy, "tool", null, null, tenant);
        return estimator.estimate(exchange.endpoint(), exchange.request(), null, 100);
    }

    /** Starts {@code n} calls at once on virtual threads; returns how many continued. */
    static int concurrently(int n, java.util.function.Supplier<Outcome> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            int passed = 0;
            for (Future<Outcome> result : results) {
                Outcome outcome = result.get();
                if (outcome instanceof Outcome.Continue) {
                    passed++;
                } else {
                    assertThat(outcome).isInstanceOfSatisfying(Outcome.Deny.class,
                            deny -> assertThat(deny.refusal().status()).isEqualTo(429));
                }
            }
            return passed;
        }
    }
}
