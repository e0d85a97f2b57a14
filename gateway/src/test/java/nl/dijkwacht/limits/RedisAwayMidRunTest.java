package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.support.ThrowawayRedis;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away while requests from several threads are charging it, and comes back. The admin guide promises
 * that limits fail closed: while Redis is away every request is refused with 503 {@code limits_unavailable} and a
 * Dutch message (never let through, never a 500); settling a reservation then fails quietly (the answer stands, the
 * reservation stays spent); once Redis is back, requests pass again without a restart. (That each such refusal is
 * in the audit trail, through the whole gateway, is {@code ops.LimitsStoreOutageTest}.) A redis-server of the test's
 * own: the machine's Redis is never stopped.
 */
class RedisAwayMidRunTest {

    @Test
    void whileRedisIsAwayEveryRequestIsRefusedInDutchAndAfterwardsTheyPassAgain() throws Exception {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(1_000_000L, null, null),
                Scope.USER, new Values(1_000_000L, 10_000_000L, null), Scope.TENANT, new Values(null, null, 100_000_000L))));
        try (ThrowawayRedis redis = ThrowawayRedis.create();
             BucketStore store = BucketStore.redis(redis.url(), "dijkwacht:limit:", Duration.ofSeconds(1))) {
            CallerLimits limits = LimitsFixture.callerLimits(store);
            String tenant = LimitsFixture.freshTenant();

            // reservations open when Redis goes away
            List<Exchange> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Exchange e = exchange(policy, "tool", "anna", null, tenant);
                assertThat(limits.reserveTokens(e, () -> 500)).isEqualTo(Outcome.CONTINUE);
                open.add(e);
            }

            // 0: up, 1: away (from after stop() returned until start() is called), 2: back
            AtomicInteger epoch = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger refusedWhileAway = new AtomicInteger();
            List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> workers = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
                for (int t = 0; t < 4; t++) {
                    int worker = t;
                    workers.add(threads.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            int before = epoch.get();
                            Exchange e = exchange(policy, "tool", "user-" + worker, "Burgerzaken", tenant);
                            Outcome outcome = i % 2 == 0 ? limits.chargeRequests(e) : limits.reserveTokens(e, () -> 100);
                            int after = epoch.get();
                            if (outcome instanceof Outcome.Deny deny) {
                                boolean unavailable = deny.refusal().status() == 503 && deny.refusal().code().equals("limits_unavailable")
                                        && deny.rule().endsWith(":unavailable")
                                        && deny.refusal().message().startsWith("Dijkwacht kan de gebruikslimieten nu niet controleren");
                                if (!unavailable) {
                                    wrong.add("epoch " + before + ".." + after + ": " + deny);
                                } else if (before == 1 && after == 1) {
                                    refusedWhileAway.incrementAndGet();
                                }
                            } else if (before == 1 && after == 1) {
                                wrong.add("let through while Redis was away");
                            }
                            e.upstreamStatus(200);
                            e.usage(20, 30);
                            limits.settle(e); // never throws, whether Redis answers or not
                        }
                        return null;
                    }));
                }
                redis.stop();
                epoch.set(1);
                for (Exchange e : open) {
                    e.upstreamStatus(502);
                    limits.settle(e); // the give-back fails: logged, not thrown
                    assertThat(e.tokensReserved()).isZero();
                }
                while (refusedWhileAway.get() < 8) {
                    Thread.sleep(20);
                }
                epoch.set(2);
                redis.start();
                // back: the next requests pass again (Lettuce reconnects by itself); bounded, not timed
                Outcome again = null;
                for (int i = 0; i < 200 && !(again instanceof Outcome.Continue); i++) {
                    again = limits.chargeRequests(exchange(policy, "tool", "bert", null, tenant));
                    if (!(again instanceof Outcome.Continue)) {
                        Thread.sleep(100);
                    }
                }
                assertThat(again).as("a request after Redis came back").isEqualTo(Outcome.CONTINUE);
                stop.set(true);
                for (Future<?> w : workers) {
                    w.get();
                }
            }
            assertThat(wrong).isEmpty();
            assertThat(refusedWhileAway.get()).isGreaterThanOrEqualTo(8);
        }
    }
}
