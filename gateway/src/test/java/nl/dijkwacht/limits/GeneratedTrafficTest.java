package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy;
import nl.dijkwacht.policy.LimitsPolicy.Kind;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.support.LocalServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Generated traffic (fixed seed) against the limits component, in memory and on the machine's Redis: requests of
 * random estimated and real token counts from callers that share tools, departments, use-cases and the tenant; some answered
 * within their reservation, some beyond it, some refused by the upstream, some streamed without usage (settled with
 * the count), some cancelled before the stream started, some cancelled or failed midway through the stream (the
 * prompt and what was streamed: budget28), some still in flight when the clock moves on — over
 * midnight of New Year's Eve, so day, month and year budgets roll over while reservations are open.
 *
 * <p>The clock is the test's own (Bucket4j's {@link TimeMeter} and the {@link Clock} of {@link CallerLimits}); it
 * stands still within a phase and moves between phases. Invariants, for every bucket: what it holds at the end is
 * exactly its limit minus what the admitted requests were charged (so a refused request spends nothing, a failed
 * call gives its reservation back, and nothing is given back twice); what was admitted within the reservations
 * never exceeds the limit (only an answer longer than its reservation overshoots, as the policy reference says);
 * request rates admit at most N plus what refilled in between. Single-threaded, the two stores take the same
 * decision for every request.
 */
class GeneratedTrafficTest {

    private static final long SEED = 20261205L;
    private static final ZoneId ZONE = LimitsPolicy.DEFAULT_TIME_ZONE;
    /** New Year's Eve, 23:58:40 in Amsterdam: the phases run over midnight (day, month and year roll over). */
    private static final Instant START = LocalDateTime.of(2026, 12, 31, 23, 58, 40).atZone(ZONE).toInstant();
    private static final int PHASES = 6;
    private static final int PER_PHASE = 80;
    private static final int THREADS = 6;
    private static final List<String> TOOLS = List.of("tool-a", "tool-b", "tool-c");
    private static final List<String> DEPARTMENTS = List.of("Burgerzaken", "Belastingen", "Juridische Zaken");
    private static final int USERS = 9;
    /** Use-cases of the requests; {@code null}: a request without one (no use-case budget applies). */
    private static final List<String> USE_CASES = java.util.Arrays.asList("samenvatten", "brieven", null);

    static final long TOOL_RATE = 45;
    static final long USER_RATE = 9;
    static final long USER_DAY = 5_000;
    static final long DEPARTMENT_DAY = 11_000;
    static final long TENANT_MONTH = 30_000;
    static final long USE_CASE_DAY = 8_000;

    private final String prefix = "dijkwacht-test:" + UUID.randomUUID() + ":";
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (prefix != null && redisUp()) {
            LocalServices.deleteRedisKeys(prefix);
        }
    }

    // ------------------------------------------------------------------------------------------------ the tests

    @Test
    void inMemoryConcurrentTrafficKeepsEveryBucketsAccount() throws Exception {
        Traffic traffic = Traffic.generate(new Random(SEED));
        ManualTime time = new ManualTime(START);
        BucketStore store = track(BucketStore.inMemory(100_000, time, com.github.benmanes.caffeine.cache.Ticker.systemTicker()));
        Run run = new Run(store, time, LimitsFixture.freshTenant());
        run.concurrently(traffic);
        run.checkInvariants();
    }

    @Test
    void redisConcurrentTrafficKeepsEveryBucketsAccountAndEveryKeyExpires() throws Exception {
        LocalServices.requireRedis();
        Traffic traffic = Traffic.generate(new Random(SEED));
        ManualTime time = new ManualTime(START);
        BucketStore store = track(BucketStore.redis(LocalServices.REDIS_URL, prefix, Duration.ofSeconds(5), time));
        Run run = new Run(store, time, LimitsFixture.freshTenant());
        run.concurrently(traffic);
        run.checkInvariants();

        // no unbounded growth: one key per bucket that was used, each with a time to live within its period, and at
        // most one settlement marker (idempotency key) per request, kept only for the marker's time to live
        Set<String> used = run.bucketKeys();
        try (RedisClient client = RedisClient.create(LocalServices.REDIS_URL);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> all = redis.sync().keys(prefix + "*");
            List<String> markers = all.stream().filter(k -> k.startsWith(prefix + "settled:")).toList();
            List<String> keys = all.stream().filter(k -> !markers.contains(k)).toList();
            assertThat(keys).as("bucket keys after %d requests", traffic.size()).hasSizeLessThanOrEqualTo(used.size())
                    .allMatch(k -> used.contains(k.substring(prefix.length())));
            assertThat(markers).as("settlement markers after %d requests", traffic.size())
                    .hasSizeLessThanOrEqualTo(traffic.size())
                    .allMatch(k -> k.substring((prefix + "settled:").length()).matches("[0-9a-f]{32}"));
            for (String marker : markers) {
                assertThat(redis.sync().pttl(marker)).as(marker).isPositive()
                        .isLessThanOrEqualTo(RedisBuckets.SETTLEMENT_MARKER_TTL.toMillis());
            }
            for (String key : keys) {
                long ttl = redis.sync().pttl(key);
                long most = key.endsWith("requests-per-minute") ? Duration.ofMinutes(1).plus(BucketStore.KEEP_FULL).toMillis()
                        : key.contains("tokens-per-day") ? Duration.ofHours(25).plus(BucketStore.KEEP_FULL).toMillis()
                        : Duration.ofDays(31).plus(BucketStore.KEEP_FULL).toMillis();
                assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(most);
            }
            System.out.printf("generated traffic on Redis: %d requests, %d bucket keys used, %d keys in Redis afterwards%n",
                    traffic.size(), used.size(), keys.size());
        }
    }

    @Test
    void theTwoStoresTakeTheSameDecisionForEveryRequest() throws Exception {
        LocalServices.requireRedis();
        Traffic traffic = Traffic.generate(new Random(SEED + 1));
        ManualTime memoryTime = new ManualTime(START);
        ManualTime redisTime = new ManualTime(START);
        String tenant = LimitsFixture.freshTenant();
        Run memory = new Run(track(BucketStore.inMemory(100_000, memoryTime, com.github.benmanes.caffeine.cache.Ticker.systemTicker())),
                memoryTime, tenant);
        Run redis = new Run(track(BucketStore.redis(LocalServices.REDIS_URL, prefix, Duration.ofSeconds(5), redisTime)), redisTime, tenant);
        memory.inSequence(traffic);
        redis.inSequence(traffic);
        List<String> a = memory.decisions();
        List<String> b = redis.decisions();
        assertThat(a).hasSize(traffic.size());
        int timesCompared = 0;
        for (int i = 0; i < a.size(); i++) {
            assertThat(Run.withoutTimes(b.get(i))).as("request %d: %s", i, traffic.requests.get(i)).isEqualTo(Run.withoutTimes(a.get(i)));
            List<Long> ta = Run.times(a.get(i));
            List<Long> tb = Run.times(b.get(i));
            assertThat(tb).as("request %d: %s", i, b.get(i)).hasSameSizeAs(ta);
            for (int j = 0; j < ta.size(); j++) {
                assertThat(tb.get(j)).as("request %d: %s / %s", i, a.get(i), b.get(i)).isBetween(ta.get(j) - 1, ta.get(j) + 1);
                timesCompared++;
            }
        }
        assertThat(timesCompared).isGreaterThan(traffic.size());
        long refused = a.stream().filter(d -> d.contains("deny")).count();
        assertThat(refused).as("the traffic reaches the limits").isGreaterThan(traffic.size() / 10);
        assertThat(a.size() - refused).as("and is not all refused").isGreaterThan(traffic.size() / 4);
        memory.checkInvariants();
        redis.checkInvariants();
        System.out.printf("differential: %d requests, %d refused, the same decisions in memory and on Redis%n", a.size(), refused);
    }

    // ------------------------------------------------------------------------------------------------ traffic

    /** How a request ends after its tokens were reserved. */
    enum Ending {
        /** Answered with usage within the reservation. */
        ANSWERED,
        /** Answered with more usage than reserved (max_tokens unset, a long answer): the budget may go below zero. */
        OVER,
        /** The upstream refused or failed (502): nothing used. */
        UPSTREAM_FAILED,
        /** Streamed; the upstream sent no usage: settled with the count. */
        STREAMED_WITHOUT_USAGE,
        /** The tool hung up before the stream started: nothing used. */
        CANCELLED_BEFORE_START,
        /** The tool hung up midway through the stream, before the usage chunk: the prompt and what was streamed (budget28). */
        CANCELLED_MIDWAY,
        /** The upstream failed midway through the stream (error event, connection lost): the same (budget28). */
        FAILED_MIDWAY
    }

    /**
     * One generated request: who, how many tokens the cheap bound and the count say, how it ends and with what usage,
     * whether it is still in flight when the phase ends (settled after the clock moved), whether the handler's
     * {@code finally} settles it twice.
     */
    record Request(int index, int phase, int user, int tool, int useCase, long bound, Long counted, Ending ending, double usageShare, boolean inFlight,
                   boolean settledTwice) {

        String userId() {
            return "medewerker-" + user;
        }

        String department() {
            return DEPARTMENTS.get(user % DEPARTMENTS.size());
        }

        String toolId() {
            return TOOLS.get(tool);
        }

        String useCaseId() {
            return USE_CASES.get(useCase);
        }
    }

    record Traffic(List<Request> requests, long[] advanceSeconds) {

        static Traffic generate(Random random) {
            List<Request> requests = new ArrayList<>();
            long[] advance = new long[PHASES];
            for (int phase = 0; phase < PHASES; phase++) {
                advance[phase] = 10 + random.nextInt(31);
                for (int i = 0; i < PER_PHASE; i++) {
                    long bound = 20 + random.nextInt(1_500);
                    Long counted = random.nextInt(4) == 0 ? null : Long.valueOf(1 + random.nextInt((int) bound));
                    Ending ending = Ending.values()[random.nextInt(Ending.values().length)];
                    requests.add(new Request(requests.size(), phase, random.nextInt(USERS), random.nextInt(TOOLS.size()),
                            random.nextInt(USE_CASES.size()), bound, counted, ending,
                            random.nextDouble(), random.nextInt(5) == 0, random.nextInt(6) == 0));
                }
            }
            return new Traffic(requests, advance);
        }

        int size() {
            return requests.size();
        }

        List<Request> phase(int phase) {
            return requests.stream().filter(r -> r.phase() == phase).toList();
        }
    }

    // ------------------------------------------------------------------------------------------------ a run

    /** What happened to one request. */
    record Result(Request request, int index, String rate, String tokens, long reserved, Instant reservedAt, long charged,
                  String remaining) {

        boolean admitted() {
            return reservedAt != null;
        }
    }

    /** One store, one clock, the generated traffic; the results by request. */
    static final class Run {

        final BucketStore store;
        final ManualTime time;
        final String tenant;
        final PolicySet policy;
        final UnaryOperator<String> pseudonym = user -> "p-" + Integer.toHexString(user.hashCode());
        final CallerLimits limits;
        final Map<Integer, Result> results = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<Integer, Instant> rateAdmittedAt = new java.util.concurrent.ConcurrentHashMap<>();
        final List<Instant> phaseStarts = new ArrayList<>();

        Run(BucketStore store, ManualTime time, String tenant) {
            this.store = store;
            this.time = time;
            this.tenant = tenant;
            this.policy = policy(limits(Map.of(
                    Scope.TOOL, new Values(TOOL_RATE, null, null),
                    Scope.USER, new Values(USER_RATE, USER_DAY, null),
                    Scope.DEPARTMENT, new Values(null, DEPARTMENT_DAY, null),
                    Scope.TENANT, new Values(null, null, TENANT_MONTH),
                    Scope.USE_CASE, new Values(null, USE_CASE_DAY, null))));
            this.limits = new CallerLimits(store, pseudonym, 120, time.clock());
        }

        /** All phases from THREADS threads; requests in flight at a phase's end are settled in the next one. */
        void concurrently(Traffic traffic) throws Exception {
            CyclicBarrier barrier = new CyclicBarrier(THREADS, () -> { });
            ConcurrentLinkedQueue<Pending> inFlight = new ConcurrentLinkedQueue<>();
            List<Future<?>> workers = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
                for (int t = 0; t < THREADS; t++) {
                    int worker = t;
                    workers.add(threads.submit(() -> {
                        for (int phase = 0; phase < PHASES; phase++) {
                            if (worker == 0) {
                                phaseStarts.add(time.clock().instant());
                            }
                            barrier.await();
                            // first the requests still open from the previous phase, taken by whichever thread is free
                            for (Pending p; (p = inFlight.poll()) != null; ) {
                                finish(p);
                            }
                            List<Request> mine = traffic.phase(phase);
                            for (int i = worker; i < mine.size(); i += THREADS) {
                                Request r = mine.get(i);
                                Pending p = start(r.index(), r);
                                if (p != null) {
                                    if (r.inFlight()) {
                                        inFlight.add(p);
                                    } else {
                                        finish(p);
                                    }
                                }
                            }
                            barrier.await();
                            if (worker == 0) {
                                time.advance(Duration.ofSeconds(traffic.advanceSeconds()[phase]));
                            }
                        }
                        barrier.await();
                        for (Pending p; (p = inFlight.poll()) != null; ) {
                            finish(p);
                        }
                        return null;
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
            }
            phaseStarts.add(time.clock().instant());
        }

        /** The same traffic on one thread, in order (in-flight requests settled at the start of the next phase). */
        void inSequence(Traffic traffic) {
            List<Pending> inFlight = new ArrayList<>();
            for (int phase = 0; phase < PHASES; phase++) {
                phaseStarts.add(time.clock().instant());
                inFlight.forEach(this::finish);
                inFlight.clear();
                for (Request r : traffic.phase(phase)) {
                    Pending p = start(r.index(), r);
                    if (p != null) {
                        if (r.inFlight()) {
                            inFlight.add(p);
                        } else {
                            finish(p);
                        }
                    }
                }
                time.advance(Duration.ofSeconds(traffic.advanceSeconds()[phase]));
            }
            phaseStarts.add(time.clock().instant());
            inFlight.forEach(this::finish);
        }

        private record Pending(int index, Request request, Exchange exchange, String rate, String tokens, Instant reservedAt,
                               String remaining) {
        }

        /** The request-rate step and the token-budget step; null when either refused (it then ends there). */
        private Pending start(int index, Request r) {
            Exchange exchange = exchange(policy, r.toolId(), r.userId(), r.department(), tenant);
            if (r.useCaseId() != null) {
                exchange.useCase(new nl.dijkwacht.policy.UseCasePolicy(r.useCaseId(), "test", List.of("m"),
                        nl.dijkwacht.pii.anonymize.OperatorPolicy.pseudonymiseAll(), null));
            }
            Outcome rate = limits.chargeRequests(exchange);
            String rateText = describe(rate);
            if (!(rate instanceof Outcome.Continue)) {
                results.put(index, new Result(r, index, rateText, null, 0, null, 0, exchange.rateLimitHeaders().toString()));
                return null;
            }
            rateAdmittedAt.put(index, time.clock().instant());
            Instant at = time.clock().instant();
            LongSupplier counted = r.counted() == null ? null : r.counted()::longValue;
            Outcome tokens = limits.reserveTokens(exchange, r::bound, counted);
            String tokensText = describe(tokens);
            if (!(tokens instanceof Outcome.Continue)) {
                assertThat(exchange.tokensReserved()).as("a refused request reserves nothing").isZero();
                // the pipeline's finally settles a refused request too: it must spend nothing
                exchange.upstreamStatus(null);
                limits.settle(exchange);
                results.put(index, new Result(r, index, rateText, tokensText, 0, null, 0, exchange.rateLimitHeaders().toString()));
                return null;
            }
            return new Pending(index, r, exchange, rateText, tokensText, at, exchange.rateLimitHeaders().toString());
        }

        /** The model call's end as generated, then the handler's settling (twice for some). */
        private void finish(Pending p) {
            Request r = p.request();
            Exchange exchange = p.exchange();
            long reserved = exchange.tokensReserved();
            long charged;
            switch (r.ending()) {
                case ANSWERED -> {
                    long used = Math.max(1, Math.round(reserved * r.usageShare()));
                    exchange.upstreamStatus(200);
                    exchange.usage((int) (used / 3), (int) (used - used / 3));
                    charged = used;
                }
                case OVER -> {
                    long used = reserved + 1 + Math.round(reserved * r.usageShare());
                    exchange.upstreamStatus(200);
                    exchange.usage((int) (used / 3), (int) (used - used / 3));
                    charged = used;
                }
                case UPSTREAM_FAILED -> {
                    exchange.upstreamStatus(502);
                    charged = 0;
                }
                case STREAMED_WITHOUT_USAGE -> {
                    exchange.upstreamStatus(200);
                    charged = r.counted() != null ? r.counted() : r.bound();
                }
                case CANCELLED_MIDWAY, FAILED_MIDWAY -> {
                    // as the handler does: what the model streamed passes StreamedOutput, the failure puts the figure on
                    long prompt = 1 + Math.round(r.bound() * r.usageShare() / 4);
                    exchange.promptCounted(() -> prompt);
                    var sink = StreamedOutput.around(exchange, new BudgetContract.Discard());
                    sink.open();
                    exchange.upstreamStatus(200);
                    String streamed = "woord ".repeat(1 + (int) (r.usageShare() * 40));
                    sink.chunk(BudgetContract.contentChunk(streamed));
                    StreamedOutput.failed(sink, exchange);
                    if (r.ending() == Ending.FAILED_MIDWAY) {
                        exchange.upstreamStatus(null);
                    }
                    charged = prompt + nl.dijkwacht.invoke.TokenEncodings.cl100k().countTokensOrdinary(streamed);
                }
                case CANCELLED_BEFORE_START -> charged = 0;
                default -> throw new IllegalStateException();
            }
            limits.settle(exchange);
            if (r.settledTwice()) {
                limits.settle(exchange);
            }
            results.put(p.index(), new Result(r, p.index(), p.rate(), p.tokens(), reserved, p.reservedAt(), charged, p.remaining()));
        }

        private static String describe(Outcome outcome) {
            return outcome instanceof Outcome.Deny deny ? "deny " + deny.rule() + " " + deny.refusal().status() + " "
                    + deny.refusal().code() + " retry-after " + deny.refusal().retryAfterSeconds() + "s" : "continue";
        }

        /** Per request, what the steps decided, what was reserved and what the headers said: the differential's subject. */
        List<String> decisions() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Result r = results.get(i);
                out.add(r.rate() + " / " + r.tokens() + " / reserved " + r.reserved() + " / " + r.remaining());
            }
            return out;
        }

        /**
         * Times in the answer (Retry-After, x-ratelimit-reset-*) are written in whole seconds, rounded up; Redis counts
         * microseconds (rounded up), Bucket4j nanoseconds (rounded down), so at an exact second the two may write
         * one second apart. The differential compares them within that second, everything else exactly.
         */
        static String withoutTimes(String decision) {
            return decision.replaceAll("retry-after \\d+s", "retry-after ?").replaceAll("(reset-(?:requests|tokens))=[0-9hms]+", "$1=?");
        }

        static List<Long> times(String decision) {
            List<Long> out = new ArrayList<>();
            var m = java.util.regex.Pattern.compile("(?:retry-after |reset-(?:requests|tokens)=)((?:\\d+h)?(?:\\d+m)?(?:\\d+m?s)?)")
                    .matcher(decision);
            while (m.find()) {
                out.add(seconds(m.group(1)));
            }
            return out;
        }

        private static long seconds(String text) {
            var m = java.util.regex.Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)(ms|s))?").matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException(text);
            }
            long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            long rest = m.group(3) == null ? 0 : "ms".equals(m.group(4)) ? 1 : Long.parseLong(m.group(3));
            return h * 3600 + min * 60 + rest;
        }

        // -------------------------------------------------------------------------------------------- invariants

        /** A budget bucket: scope, member and period (the day or month of the reservation, in the policy's zone). */
        record Budget(Scope scope, String member, Kind kind, String period, long limit) {
        }

        private List<Budget> budgetsOf(Result r) {
            LocalDate date = r.reservedAt().atZone(ZONE).toLocalDate();
            String day = date.toString();
            String month = date.toString().substring(0, 7);
            List<Budget> budgets = new ArrayList<>(List.of(new Budget(Scope.USER, r.request().userId(), Kind.TOKENS_PER_DAY, day, USER_DAY),
                    new Budget(Scope.DEPARTMENT, r.request().department(), Kind.TOKENS_PER_DAY, day, DEPARTMENT_DAY),
                    new Budget(Scope.TENANT, tenant, Kind.TOKENS_PER_MONTH, month, TENANT_MONTH)));
            if (r.request().useCaseId() != null) {
                budgets.add(new Budget(Scope.USE_CASE, r.request().useCaseId(), Kind.TOKENS_PER_DAY, day, USE_CASE_DAY));
            }
            return budgets;
        }

        private String key(Budget b) {
            String member = b.scope() == Scope.USER ? pseudonym.apply(b.member()) : b.member();
            return tenant + ':' + b.scope().yamlName() + ':' + member + ':' + b.kind().yamlName() + ':' + b.period();
        }

        private String rateKey(Scope scope, String member) {
            String m = scope == Scope.USER ? pseudonym.apply(member) : member;
            return tenant + ':' + scope.yamlName() + ':' + m + ':' + Kind.REQUESTS_PER_MINUTE.yamlName();
        }

        Set<String> bucketKeys() {
            Set<String> keys = new HashSet<>();
            for (Result r : results.values()) {
                keys.add(rateKey(Scope.TOOL, r.request().toolId()));
                keys.add(rateKey(Scope.USER, r.request().userId()));
                if (r.admitted()) {
                    budgetsOf(r).forEach(b -> keys.add(key(b)));
                }
            }
            return keys;
        }

        void checkInvariants() {
            assertThat(results).as("every request ended").hasSize(PHASES * PER_PHASE);
            // token budgets: the account of every bucket
            Map<Budget, long[]> account = new HashMap<>(); // charged, admitted within reservations
            for (Result r : results.values()) {
                if (r.request().ending() == Ending.UPSTREAM_FAILED || r.request().ending() == Ending.CANCELLED_BEFORE_START) {
                    assertThat(r.charged()).isZero();
                }
                if (!r.admitted()) {
                    continue;
                }
                for (Budget b : budgetsOf(r)) {
                    long[] a = account.computeIfAbsent(b, x -> new long[2]);
                    a[0] += r.charged();
                    a[1] += Math.min(r.charged(), r.reserved());
                }
            }
            assertThat(account).as("budgets used").isNotEmpty();
            int full = 0;
            for (var e : account.entrySet()) {
                Budget b = e.getKey();
                long charged = e.getValue()[0];
                long withinReservations = e.getValue()[1];
                Charge probe = new Charge(b.scope(), b.member(), b.kind(), key(b), b.limit(), 0,
                        b.kind() == Kind.TOKENS_PER_DAY ? LocalDate.parse(b.period()).plusDays(1).atStartOfDay(ZONE).toInstant()
                                : LocalDate.parse(b.period() + "-01").plusMonths(1).atStartOfDay(ZONE).toInstant());
                long available = store.available(probe, Long.MAX_VALUE);
                assertThat(b.limit() - available).as("%s: spent in %s (%s): what the admitted requests were charged", store.shared() ? "Redis" : "memory", b, key(b))
                        .isEqualTo(charged);
                assertThat(withinReservations).as("admitted within reservations in %s", b).isLessThanOrEqualTo(b.limit());
                if (available < b.limit() / 10) {
                    full++;
                }
            }
            assertThat(full).as("some budgets are (nearly) spent: the traffic reaches the limits").isPositive();

            // request rates: at most N, plus what refilled, in every span of phases
            Map<String, long[]> perPhase = new HashMap<>();
            for (Result r : results.values()) {
                if (!r.rate().equals("continue")) {
                    continue;
                }
                perPhase.computeIfAbsent("tool " + r.request().toolId(), k -> new long[PHASES])[r.request().phase()]++;
                perPhase.computeIfAbsent("user " + r.request().userId(), k -> new long[PHASES])[r.request().phase()]++;
            }
            for (var e : perPhase.entrySet()) {
                long n = e.getKey().startsWith("tool") ? TOOL_RATE : USER_RATE;
                long[] counts = e.getValue();
                for (int from = 0; from < PHASES; from++) {
                    long admitted = 0;
                    for (int to = from; to < PHASES; to++) {
                        admitted += counts[to];
                        long refilled = n * Duration.between(phaseStarts.get(from), phaseStarts.get(to)).toMillis() / 60_000;
                        assertThat(admitted).as("%s admitted in phases %d..%d", e.getKey(), from, to).isLessThanOrEqualTo(n + refilled);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the clock

    /** Bucket4j's clock and the limits' clock in one, moved by the test only. */
    static final class ManualTime implements TimeMeter {
        private final AtomicLong nanos;

        ManualTime(Instant start) {
            this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneId.of("UTC");
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    long n = nanos.get();
                    return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
                }
            };
        }
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private static boolean redisUp() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", 6379), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
