package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.support.LocalServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * What the limits of one request cost with the buckets in Redis (the machine's, 127.0.0.1:6379, under a random key
 * prefix removed afterwards): per request the request-rate charge, the token reservation and the settling, on the
 * bench pack's scopes (tenant, tool, use-case, department, user; requests per minute and tokens per day and month),
 * from {@code dw.threads} threads. Prints wall time per request (p50, p99) and this JVM's CPU time per request
 * (Lettuce's I/O threads included). Not part of the suite (Surefire excludes *Benchmark; without {@code DW_BENCH=1} it
 * skips):
 *
 * <pre>
 * DW_BENCH=1 ./mvnw -q -B -pl gateway test -Dtest=RedisLimitsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddw.requests=20000 -Ddw.threads=1,16
 * grep BENCH gateway/target/surefire-reports/nl.dijkwacht.limits.RedisLimitsBenchmark-output.txt
 * </pre>
 */
@EnabledIfEnvironmentVariable(named = "DW_BENCH", matches = "1", disabledReason = "benchmark: set DW_BENCH=1 to run it")
class RedisLimitsBenchmark {

    @Test
    void limitsOfOneRequestInRedis() throws Exception {
        LocalServices.requireRedis();
        int requests = Integer.getInteger("dw.requests", 20_000);
        String prefix = "dijkwacht-bench:" + UUID.randomUUID() + ":";
        PolicySet policy = policy(limits(Map.of(
                Scope.TENANT, new Values(null, null, 1_000_000_000_000L),
                Scope.TOOL, new Values(1_000_000_000L, null, null),
                Scope.USE_CASE, new Values(1_000_000_000L, null, null),
                Scope.DEPARTMENT, new Values(null, 1_000_000_000_000L, null),
                Scope.USER, new Values(1_000_000_000L, 1_000_000_000_000L, 1_000_000_000_000L))));
        try (BucketStore store = BucketStore.redis(LocalServices.REDIS_URL, prefix, Duration.ofSeconds(30))) {
            CallerLimits limits = LimitsFixture.callerLimits(store);
            String tenant = LimitsFixture.freshTenant();
            for (String spec : System.getProperty("dw.threads", "1,16").split(",")) {
                int threads = Integer.parseInt(spec.strip());
                run(limits, policy, tenant, Math.min(2_000, requests), threads); // warm-up
                run(limits, policy, tenant, requests, threads);
            }
        } finally {
            try (RedisClient client = RedisClient.create(LocalServices.REDIS_URL);
                 StatefulRedisConnection<String, String> redis = client.connect()) {
                List<String> keys = redis.sync().keys(prefix + "*");
                if (!keys.isEmpty()) {
                    redis.sync().del(keys.toArray(String[]::new));
                }
            }
        }
    }

    private static void run(CallerLimits limits, PolicySet policy, String tenant, int requests, int threads) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] nanos = new long[requests];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long start = System.nanoTime();
                    Exchange exchange = exchange(policy, "bench", "bench-medewerker", "Bench", tenant);
                    if (limits.chargeRequests(exchange) != Outcome.CONTINUE
                            || limits.reserveTokens(exchange, () -> 1_200, () -> 300) != Outcome.CONTINUE) {
                        throw new IllegalStateException("refused");
                    }
                    exchange.upstreamStatus(200);
                    exchange.usage(280, 40);
                    limits.settle(exchange);
                    nanos[i] = System.nanoTime() - start;
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        java.util.Arrays.sort(nanos);
        System.out.printf("BENCH redis limits threads=%d requests=%d: %.0f req/s, p50 %.3f ms, p99 %.3f ms, CPU %.0f µs/req%n",
                threads, requests, requests * 1e9 / wall, nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.99)] / 1e6,
                cpu / 1e3 / requests);
    }
}
