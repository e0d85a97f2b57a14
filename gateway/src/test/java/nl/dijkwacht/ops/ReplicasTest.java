package nl.dijkwacht.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.dijkwacht.audit.GatewayClient;
import nl.dijkwacht.support.GatewayProcess;
import nl.dijkwacht.support.LocalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas — separate JVMs — on the machine's PostgreSQL (one fresh schema) and Redis, started at the
 * same moment (Flyway migrates the empty schema once, under its lock), driven together: a rate limit shared exactly,
 * a kill switch and a policy reload on one in force on the other within a second, load on both while one is killed
 * with SIGKILL, a third replica started later that joins by itself, and then every acknowledged request in the audit
 * trail seen from any replica, every chain verifying. Prints the figures recorded in docs/reliability.md.
 */
class ReplicasTest {

    static final int LIMIT = 40;
    static final int BUDGET = 600;
    static final String BUDGET_USER = "budget-" + UUID.randomUUID().toString().substring(0, 8);
    static String schema;
    static Path dir;
    static Path policies;
    static final List<GatewayProcess> started = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void services() throws Exception {
        LocalServices.requireRedis();
        schema = LocalServices.createPostgresSchema("dw_replicas");
        dir = Files.createTempDirectory("dw-replicas");
        policies = dir.resolve("policies");
        copy(Path.of("../policies"), policies);
        copy(Path.of("../models-config"), dir.resolve("models-config"));
        // the test names its callers (user, department) in headers: a front end that authenticates its staff itself
        Path tools = policies.resolve("tools.yaml");
        Files.writeString(tools, Files.readString(tools).replaceFirst("(?m)^(\\s+)default-use-case: algemene-vragen$",
                "$1default-use-case: algemene-vragen\n$1trusted-identity-headers: true"));
        assertThat(Files.readString(tools)).contains("trusted-identity-headers: true");
        // the shared limit under test: LIMIT requests per minute per user; no token budgets, no tool cap in the way of the load
        Files.writeString(policies.resolve("limits.yaml"), """
                estimate:
                  completion-tokens: 32
                defaults:
                  user: { requests-per-minute: %d }
                  tool: { requests-per-minute: 1000000 }
                overrides:
                  user:
                    %s: { tokens-per-day: %d }
                """.formatted(LIMIT, BUDGET_USER, BUDGET));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (GatewayProcess p : started) {
            p.close();
        }
        if (schema != null) {
            LocalServices.dropPostgresSchema(schema);
        }
    }

    static GatewayProcess replica(String chainId) throws Exception {
        GatewayProcess p = GatewayProcess.start(chainId, dir, List.of(
                "--spring.datasource.url=" + LocalServices.postgresUrl(schema),
                "--spring.datasource.username=" + LocalServices.POSTGRES_USER,
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema,
                "--dijkwacht.limits.redis-url=" + LocalServices.REDIS_URL,
                "--dijkwacht.audit.chain-id=" + chainId,
                "--dijkwacht.secret-key=" + "ZGlqa3dhY2h0LXJlcGxpY2EtdGVzdC1zbGV1dGVsLTMyYg==",
                "--dijkwacht.data-dir=" + dir.resolve("data-" + chainId),
                "--dijkwacht.policies-dir=" + policies,
                "--dijkwacht.models-dir=" + dir.resolve("models-config")));
        started.add(p);
        return p;
    }

    @Test
    void twoReplicasShareLimitsPolicyAndAuditAndSurviveAKill() throws Exception {
        // both start at once on an empty schema: Flyway's lock lets one migrate, the other waits and finds it done
        GatewayProcess a = replica("replica-a");
        GatewayProcess b = replica("replica-b");
        a.awaitUp(GatewayProcess.START_TIMEOUT);
        b.awaitUp(GatewayProcess.START_TIMEOUT);
        GatewayClient ca = new GatewayClient(a.port());
        GatewayClient cb = new GatewayClient(b.port());
        String marker = "rep-" + UUID.randomUUID().toString().substring(0, 8);

        // 1. one caller, both replicas, concurrently: exactly LIMIT answered, the rest 429
        String user = "limit-" + marker;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        long limitStart = System.nanoTime();
        for (int i = 0; i < LIMIT + 20; i++) {
            GatewayClient c = i % 2 == 0 ? ca : cb;
            calls.add(pool.submit(() -> {
                int status = c.post("/v1/chat/completions", GatewayClient.TOOL_KEY, c.chatBody("limiet", false),
                        "X-Dijkwacht-User", user, "X-Dijkwacht-Department", marker).statusCode();
                (status == 200 ? ok : limited).incrementAndGet();
                assertThat(status).isIn(200, 429);
            }));
        }
        for (Future<?> f : calls) {
            f.get(2, TimeUnit.MINUTES);
        }
        // the bucket refills greedily (LIMIT per minute): what it could have refilled during the burst may also pass
        long refill = (System.nanoTime() - limitStart) * LIMIT / TimeUnit.MINUTES.toNanos(1);
        assertThat(ok.get()).as("answered across both replicas (one shared bucket, not one per replica)")
                .isBetween(LIMIT, (int) (LIMIT + refill));
        assertThat(ok.get() + limited.get()).isEqualTo(LIMIT + 20);

        // 1b. one caller's token budget, spent in turns on A and B: spent once, not once per replica
        long budgetTokens = 0;
        long largest = 0;
        int budgetAnswered = 0;
        for (int i = 0; i < LIMIT - 5; i++) {
            GatewayClient c = i % 2 == 0 ? ca : cb;
            HttpResponse<String> r = c.post("/v1/chat/completions", GatewayClient.TOOL_KEY, c.chatBody("Budgetvraag " + i + ": vat de notulen van de commissievergadering over de begroting, de reserves en de investeringen samen.", false),
                    "X-Dijkwacht-User", BUDGET_USER, "X-Dijkwacht-Department", marker);
            if (r.statusCode() != 200) {
                assertThat(c.json(r).path("error").path("code").asText()).as(r.body()).isEqualTo("token_budget_exceeded");
                break;
            }
            long tokens = c.json(r).path("usage").path("total_tokens").asLong();
            budgetTokens += tokens;
            largest = Math.max(largest, tokens);
            budgetAnswered++;
        }
        for (GatewayClient c : List.of(ca, cb)) {
            HttpResponse<String> r = c.post("/v1/chat/completions", GatewayClient.TOOL_KEY, c.chatBody("nog een", false),
                    "X-Dijkwacht-User", BUDGET_USER, "X-Dijkwacht-Department", marker);
            assertThat(r.statusCode()).as("budget spent, on both replicas").isEqualTo(429);
        }
        // settled with the real usage: the total lands within one request of the budget, never near twice of it
        assertThat(budgetAnswered).isGreaterThan(1);
        assertThat(budgetTokens).isBetween(BUDGET - 2 * largest, BUDGET + largest);

        // 2. kill switch on A, in force on B within a second; resumed on B, in force on A
        Instant suspended = Instant.now();
        assertThat(ca.post("/admin/models/dry-run/suspend", GatewayClient.ADMIN_KEY, "{\"reason\":\"replica test\"}").statusCode()).isEqualTo(200);
        long killSwitchMillis = untilStatus(cb, 403, suspended);
        Instant resumed = Instant.now();
        assertThat(cb.post("/admin/models/dry-run/resume", GatewayClient.ADMIN_KEY, "{}").statusCode()).isEqualTo(200);
        long resumeMillis = untilStatus(ca, 200, resumed);

        // 3. a policy edit reloaded on A is in force on B within a second (both read the same policy files)
        Path useCase = policies.resolve("use-cases/algemene-vragen.yaml");
        String original = Files.readString(useCase);
        Instant edited = Instant.now();
        Files.writeString(useCase, original.replaceFirst("(?m)^status: .*$", "").replaceFirst("(?m)^id: (.*)$", "id: $1\nstatus: suspended"));
        assertThat(ca.post("/admin/policy/reload", GatewayClient.ADMIN_KEY, "{}").statusCode()).isEqualTo(200);
        long reloadMillis = untilStatus(cb, 403, edited);
        Files.writeString(useCase, original);
        assertThat(ca.post("/admin/policy/reload", GatewayClient.ADMIN_KEY, "{}").statusCode()).isEqualTo(200);
        untilStatus(cb, 200, Instant.now());
        // in force on the other replica without a restart, by the shared store and files: untilStatus waits at most
        // 10 s; the measured time is printed (policy poll every 500 ms: within a second on a machine that is not
        // overloaded; docs/reliability.md records the figures). No timing threshold here: CI machines are shared.
        assertThat(List.of(killSwitchMillis, resumeMillis, reloadMillis)).allSatisfy(ms -> assertThat(ms).isLessThan(10_000L));

        // 4. load on both; A is killed with SIGKILL mid-load; a third replica joins later
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            GatewayClient c = t % 2 == 0 ? ca : cb;
            boolean stream = t % 3 == 0;
            load.add(pool.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = c.post("/v1/chat/completions", GatewayClient.TOOL_KEY, c.chatBody("last " + n, stream),
                                "X-Dijkwacht-User", "load-" + Thread.currentThread().threadId() + "-" + n++, "X-Dijkwacht-Department", marker);
                        boolean done = stream ? r.body().contains("data: [DONE]") : r.body().contains("\"choices\"");
                        if (r.statusCode() == 200 && done) {
                            acknowledged.add(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet(); // cut by the kill, then connection refused: a balancer would stop sending here
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                }
            }));
        }
        Instant deadline = Instant.now().plusSeconds(90);
        while (acknowledged.size() < 300 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        a.kill();
        int atKill = acknowledged.size();
        GatewayProcess c = replica("replica-c"); // joins the running system: schema, chains and limits exist
        c.awaitUp(GatewayProcess.START_TIMEOUT);
        GatewayClient cc = new GatewayClient(c.port());
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = cc.post("/v1/chat/completions", GatewayClient.TOOL_KEY, cc.chatBody("nieuw " + i, false),
                    "X-Dijkwacht-User", "late-" + i, "X-Dijkwacht-Department", marker);
            assertThat(r.statusCode()).isEqualTo(200);
            acknowledged.add(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        }
        stop.set(true);
        for (Future<?> f : load) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(atKill).isGreaterThanOrEqualTo(100);

        // 5. every acknowledged request is in the audit trail, seen from B and from C; every chain verifies
        Set<String> seenFromB = cb.exportedTraceIds("department=" + marker);
        Set<String> seenFromC = cc.exportedTraceIds("department=" + marker);
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(seenFromB);
        assertThat(missing).as("acknowledged but not in the audit trail").isEmpty();
        assertThat(seenFromC).isEqualTo(seenFromB);
        JsonNode verify = cb.json(cb.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY));
        assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
        List<String> chains = new ArrayList<>();
        long checked = 0;
        for (JsonNode chain : verify.path("chains")) {
            chains.add(chain.path("chainId").asText(chain.path("chain_id").asText()) + "=" + chain.path("ok").asBoolean());
            checked += chain.path("recordsChecked").asLong(chain.path("records_checked").asLong());
        }
        assertThat(chains).contains("replica-a=true", "replica-b=true", "replica-c=true");
        System.out.printf("replicas: token budget %d shared: %d answered using %d tokens, then 429 on both; "
                        + "limit %d/min shared: %d answered, %d refused (429) of %d; kill switch A->B %d ms, resume B->A %d ms, "
                        + "reload A->B %d ms; load: %d sent, %d acknowledged (%d before SIGKILL of A), %d failed or cut; audit: %d records "
                        + "with the marker, 0 acknowledged missing, chains %s, %d records verified%n",
                BUDGET, budgetAnswered, budgetTokens, LIMIT, ok.get(), limited.get(), LIMIT + 20, killSwitchMillis, resumeMillis, reloadMillis, sent.get(),
                acknowledged.size(), atKill, failed.get(), seenFromB.size(), chains, checked);
    }

    /** Sends a request to {@code client} until it answers {@code status}; the time since {@code since}. */
    static long untilStatus(GatewayClient client, int status, Instant since) throws InterruptedException {
        Instant deadline = since.plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            int got = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("schakelaar", false),
                    "X-Dijkwacht-User", "switch-" + UUID.randomUUID()).statusCode();
            if (got == status) {
                return Duration.between(since, Instant.now()).toMillis();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + status + " within 10 s");
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
