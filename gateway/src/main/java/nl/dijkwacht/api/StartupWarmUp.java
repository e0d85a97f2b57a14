package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.IdentitySource;
import nl.dijkwacht.identity.WarmUpPass;
import nl.dijkwacht.invoke.LoopbackUpstream;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.ToolPolicy;
import nl.dijkwacht.policy.UseCasePolicy;
import nl.dijkwacht.response.ChunkOutput;
import nl.dijkwacht.response.ReplyRewriter;
import nl.dijkwacht.routing.ModelRouter;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Sends made-up requests through the real request path at start-up, before the gateway reports ready, so the JIT
 * compiles that path now instead of during the first minute of real traffic.
 *
 * <p>One thread ({@code dijkwacht.warm-up.http-threads}: more; {@code .http-requests}: at most that many in all, then
 * those threads go direct too) sends them over HTTP to the gateway's own port (loopback)
 * with a one-time key ({@link WarmUpPass}): the
 * HTTP server, Spring's dispatch, the route filters (pre-authentication limit, authentication, body size), the
 * handler, the policy steps (parsing, use-case, fields, purpose guard, model choice, the PII engine with the name
 * model, sensitivity routing, rate limit and token budget), the built-in dry-run model, the answer rewriting of whole
 * answers and streams, the audit record and its write, and the answer's serialisation. When the port cannot be
 * reached (no web server, TLS, another bind address), or with {@code dijkwacht.warm-up.over-http=false}, its requests
 * go to the pipeline directly too. The other thread always goes to the pipeline directly: several times more requests
 * per second for the PII engine, the name model, the purpose guard and the policy steps, the costliest and hottest part
 * (docs/benchmarks.md, "Session 23 — first minute"). Its answers come over HTTP from a model server on loopback
 * ({@link LoopbackUpstream}, {@code dijkwacht.warm-up.upstream-call}, on), so that the upstream call — the invoker,
 * the OpenAI-compatible client with its Apache HttpClient pool, the reading of server-sent events and the parsing of
 * answers and chunks — is compiled with a model call's profile too, not left to the first real requests
 * (docs/history/benchmark-sessions.md, "Session 26 — warm-up paths").
 *
 * <p>Nothing is spent or recorded: the warm-up caller ({@link nl.dijkwacht.identity.Caller#warmUp()}) is charged to
 * buckets of its own ({@code CallerLimits}), its audit records are written by a writer that rolls back
 * ({@code ChainedJdbcAuditSink.rehearsal}) and reach no metric or listener, and no network model is called (only a
 * use-case that allows the {@code dry-run} model is used; without one the warm-up runs the pipeline directly and skips
 * the model and answer part; the loopback model server listens on the loopback address under a random path, is called
 * through a client, upstream pool and circuit breakers of its own — not the catalogue's, not in the metrics — and
 * stops when the warm-up ends). The key works only while the warm-up runs. After the requests it waits until the JIT
 * compiler has finished compiling what they made hot (within the same time limit). Spring Boot publishes readiness
 * ({@code /readyz}) only after every {@link ApplicationRunner} has finished, so a load balancer sends traffic to a
 * warm gateway. Bounded ({@link Bounds}) by a request count, a time limit and the start-up budget counted from the
 * JVM's start ({@code dijkwacht.warm-up.requests}, {@code .max-time}, {@code .ready-within}, {@code .min-time}), and
 * it ends early once the JIT compiler is quiet under its requests ({@code .until-steady}); off with
 * {@code dijkwacht.warm-up.enabled=false}.
 */
final class StartupWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmUp.class);
    private static final Set<String> SPENDS_QUOTA = Set.of("rate-limit", "token-budget");
    private static final String DRY_RUN = "dry-run";
    /** Made-up Dutch requests (no real person): names, addresses, identifiers, long running text. */
    static final List<String> PROMPTS = List.of(
            "Goedemiddag, mijn naam is Petra de Vries en ik woon aan de Lindelaan 4 in Zwolle. Sinds de verhuizing "
                    + "ontvang ik twee aanslagen. Kunt u mij mailen op petra.devries@voorbeeld.nl of bellen op 06-98765432? "
                    + "Mijn rekeningnummer is NL02ABNA0123456789. Vat mijn vraag samen in twee zinnen.",
            "Schrijf een korte brief aan de heer J.H. Bakker, Kerkstraat 21, 3811 CV Amersfoort, over zijn aanvraag "
                    + "voor een parkeervergunning van 3 maart. Zijn BSN is 111222333 en zijn klantnummer is 48213. "
                    + "De vergunning gaat in op 1 april; vermeld dat hij bezwaar kan maken binnen zes weken.",
            "Vat de notulen samen: Aanwezig waren Sanne Jansen (voorzitter), Mohammed el Amrani en Kees van Dijk. "
                    + "Besproken: de planning van de nieuwe website, de aanbesteding van het groenonderhoud en de "
                    + "voortgang van het project Wijkgericht Werken. Actiepunt voor Kees: offerte opvragen voor 15 mei.",
            "Hoe formuleer ik een vriendelijke herinnering aan een leverancier die de factuur van februari nog niet "
                    + "heeft gecorrigeerd? Houd het kort en zakelijk, zonder namen van collega's te noemen.");
    private static final ChunkOutput DISCARD = new ChunkOutput() {
        @Override
        public void start() {
        }

        @Override
        public void chunk(ObjectNode chunk) {
        }

        @Override
        public void done() {
        }
    };

    private final ActivePolicy policy;
    private final RequestPipeline pipeline;
    private final ModelRouter router;
    private final ReplyRewriter replies;
    private final ObjectMapper json;
    private final String tenant;
    private final boolean enabled;
    private final Bounds bounds;
    private final WarmUpPass pass;
    private final LoopbackAddress loopback;
    private final int httpThreads;
    private final int httpRequests;
    private final UpstreamRehearsal rehearsal;
    private volatile int completed;
    private volatile int upstreamCalls;
    private volatile java.net.URI lastUpstream;
    private volatile int overHttp;
    private volatile int direct;
    private volatile boolean steady;

    /** Where the gateway's own HTTP port answers: {@code http://127.0.0.1:<port>}, or {@code null} when it cannot. */
    interface LoopbackAddress {
        String baseUrl();
    }

    /** Starts the loopback model server for the warm-up's upstream calls, or gives {@code null} when they are off. */
    interface UpstreamRehearsal {
        UpstreamRehearsal OFF = () -> null;

        LoopbackUpstream start() throws IOException;
    }

    /**
     * How long the warm-up may take.
     *
     * @param requests    at most this many made-up requests
     * @param maxTime     at most this long
     * @param readyWithin and no longer than until this long after the JVM started (the start-up's budget; zero: no such
     *                    bound), but never shorter than {@code minTime}
     * @param minTime     the warm-up's least time: also when the start-up before it took longer than {@code readyWithin},
     *                    and before {@code untilSteady} may end it
     * @param untilSteady end the requests early once the JIT compiler has been quiet for a second while they ran: the
     *                    request path is compiled (sooner with a trained AOT cache), more requests would change nothing
     */
    record Bounds(int requests, Duration maxTime, Duration readyWithin, Duration minTime, boolean untilSteady) {

        /** Nanoseconds the warm-up may run when it starts {@code uptime} after the JVM started. */
        long budgetNanos(Duration uptime) {
            long budget = maxTime.toNanos();
            if (readyWithin.isPositive()) {
                budget = Math.min(budget, Math.max(minTime.toNanos(), readyWithin.minus(uptime).toNanos()));
            }
            return Math.max(0, budget);
        }
    }

    StartupWarmUp(ActivePolicy policy, RequestPipeline pipeline, ModelRouter router, ReplyRewriter replies, ObjectMapper json,
                  String tenant, boolean enabled, Bounds bounds, WarmUpPass pass, LoopbackAddress loopback) {
        this(policy, pipeline, router, replies, json, tenant, enabled, bounds, pass, loopback, 1, UpstreamRehearsal.OFF);
    }

    /**
     * @param httpThreads how many threads send their requests over HTTP (the other one always goes to the pipeline
     *                    directly); more shift the warm-up from the engine to the HTTP layer and the audit write
     * @param rehearsal   the loopback model server the direct thread's answers come from ({@code
     *                    dijkwacht.warm-up.upstream-call}), so the upstream call path is compiled too
     */
    StartupWarmUp(ActivePolicy policy, RequestPipeline pipeline, ModelRouter router, ReplyRewriter replies, ObjectMapper json,
                  String tenant, boolean enabled, Bounds bounds, WarmUpPass pass, LoopbackAddress loopback, int httpThreads,
                  UpstreamRehearsal rehearsal) {
        this(policy, pipeline, router, replies, json, tenant, enabled, bounds, pass, loopback, httpThreads, Integer.MAX_VALUE, rehearsal);
    }

    /**
     * @param httpRequests at most this many requests over HTTP, all HTTP threads together ({@code
     *                     dijkwacht.warm-up.http-requests}); after them the HTTP threads go to the pipeline directly too
     */
    StartupWarmUp(ActivePolicy policy, RequestPipeline pipeline, ModelRouter router, ReplyRewriter replies, ObjectMapper json,
                  String tenant, boolean enabled, Bounds bounds, WarmUpPass pass, LoopbackAddress loopback, int httpThreads,
                  int httpRequests, UpstreamRehearsal rehearsal) {
        if (httpRequests < 0) {
            throw new IllegalArgumentException("dijkwacht.warm-up.http-requests must not be negative");
        }
        this.httpRequests = httpRequests;
        this.rehearsal = rehearsal;
        if (httpThreads < 1) {
            throw new IllegalArgumentException("dijkwacht.warm-up.http-threads must be at least 1");
        }
        this.httpThreads = httpThreads;
        this.pass = pass;
        this.loopback = loopback;
        this.policy = policy;
        this.pipeline = pipeline;
        this.router = router;
        this.replies = replies;
        this.json = json;
        this.tenant = tenant;
        this.enabled = enabled;
        this.bounds = bounds;
    }

    /** The tool and use-case the warm-up speaks as; the model is the dry-run one when the use-case allows it. */
    record Target(String tool, String useCase, boolean dryRun) {
    }

    @Override
    public void run(ApplicationArguments args) {
        int requests = bounds.requests();
        if (!enabled || requests <= 0) {
            return;
        }
        PolicySet set = policy.current();
        Optional<Target> target = target(set);
        if (target.isEmpty()) {
            log.info("warm-up skipped: the policy has no tool with a use-case");
            return;
        }
        long start = System.nanoTime();
        Duration uptime = Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        long deadline = start + bounds.budgetNanos(uptime);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger http = new AtomicInteger();
        AtomicInteger httpLeft = new AtomicInteger(httpRequests);
        AtomicBoolean stop = new AtomicBoolean();
        String base = target.get().dryRun() ? loopback.baseUrl() : null;
        String key = base == null ? null : pass.open(target.get().tool(), tenant);
        boolean quiet = false;
        JitActivity jit = new JitActivity();
        try (CloseableHttpClient client = key == null ? null : httpClient(httpThreads);
             LoopbackUpstream upstream = target.get().dryRun() ? startUpstream() : null) {
            lastUpstream = upstream == null ? null : upstream.baseUrl();
            AtomicBoolean useHttp = new AtomicBoolean(key != null);
            // One thread (or http-threads) over HTTP (server, filters, limits, audit write), one straight into the
            // pipeline (the PII engine, name model, purpose guard and policy steps, several times as many requests per
            // second) - so the engine reaches its optimised code within the start-up budget and the HTTP layer is
            // compiled too. At least two, also so that the compiled code sees the pooled objects (name finders) used
            // concurrently.
            List<Thread> threads = new ArrayList<>();
            int threadCount = key == null ? 2 : httpThreads + 1;
            for (int t = 0; t < threadCount; t++) {
                boolean httpThread = t < httpThreads;
                threads.add(Thread.ofPlatform().name("warm-up-" + t).start(() -> {
                    int i;
                    while (!stop.get() && (i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                        if (httpThread && useHttp.get() && httpLeft.getAndDecrement() > 0
                                && overHttp(client, base, key, target.get(), i)) {
                            http.incrementAndGet();
                        } else {
                            if (httpThread) {
                                useHttp.set(false);
                            }
                            once(set, target.get(), i, upstream);
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            if (bounds.untilSteady()) {
                quiet = awaitSteady(jit, threads, start + bounds.minTime().toNanos(), deadline);
                stop.set(true);
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            upstreamCalls = upstream == null ? 0 : upstream.served();
        } catch (IOException e) {
            log.debug("warm-up client not closed cleanly: {}", e.getClass().getSimpleName());
        } finally {
            pass.close();
        }
        long settled = settleJit(jit, deadline);
        completed = done.get();
        overHttp = http.get();
        direct = done.get() - http.get();
        steady = quiet;
        log.info("warm-up: {} made-up requests ({} over HTTP, {} direct, {} answered by the loopback upstream){} in {} ms{}, "
                        + "then {} ms for the JIT compiler to finish (started {} ms after the JVM; tool {}, use-case {})",
                done.get(), http.get(), done.get() - http.get(), upstreamCalls, target.get().dryRun() ? " with the dry-run model" : "",
                (System.nanoTime() - start) / 1_000_000 - settled, quiet ? " until the JIT was quiet" : "", settled,
                uptime.toMillis(), target.get().tool(), target.get().useCase());
    }

    /**
     * While the requests run: true as soon as (after {@code notBefore}) the JIT compiler was idle - nothing compiling,
     * nothing queued ({@link JitActivity}) - at four looks 250 ms apart in a row; false when the requests ended or the
     * deadline came first.
     */
    private static boolean awaitSteady(JitActivity jit, List<Thread> threads, long notBefore, long deadline) {
        if (!jit.available()) {
            return false;
        }
        int quietWindows = 0;
        while (System.nanoTime() < deadline && threads.stream().anyMatch(Thread::isAlive)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            quietWindows = jit.idle(25) ? quietWindows + 1 : 0;
            if (quietWindows >= 4 && System.nanoTime() >= notBefore) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits (at most until {@code deadline}) until the JIT compiler has stopped working on what the requests made hot:
     * the last compilations of the warm-up are queued behind each other and would otherwise run during the first
     * real requests. Quiet means: idle at two looks 200 ms apart in a row.
     *
     * @return milliseconds waited
     */
    private static long settleJit(JitActivity jit, long deadline) {
        if (!jit.available()) {
            return 0;
        }
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            quiet = jit.idle(20) ? quiet + 1 : 0;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private LoopbackUpstream startUpstream() {
        try {
            return rehearsal.start();
        } catch (IOException | RuntimeException e) {
            log.info("warm-up without upstream calls: the loopback model server did not start ({})", e.getClass().getSimpleName());
            return null;
        }
    }

    /** Answers of the last warm-up that came over HTTP from its loopback model server ({@link LoopbackUpstream}). */
    int upstreamCalls() {
        return upstreamCalls;
    }

    /** Where the last warm-up's loopback model server listened ({@code null}: it had none). */
    java.net.URI lastUpstream() {
        return lastUpstream;
    }

    /** Made-up requests of the last warm-up that went over HTTP to the gateway's own port. */
    int overHttp() {
        return overHttp;
    }

    /** Made-up requests the last warm-up sent through the pipeline. */
    int completed() {
        return completed;
    }

    /** Made-up requests of the last warm-up that went to the pipeline directly, not over HTTP. */
    int direct() {
        return direct;
    }

    /** Whether the last warm-up ended its requests because the JIT compiler had become quiet. */
    boolean endedSteady() {
        return steady;
    }

    static Optional<Target> target(PolicySet set) {
        Target withoutModel = null;
        for (ToolPolicy tool : set.tools().values().stream().sorted(java.util.Comparator.comparing(ToolPolicy::id)).toList()) {
            List<String> useCases = new ArrayList<>();
            if (tool.defaultUseCase() != null) {
                useCases.add(tool.defaultUseCase());
            }
            useCases.addAll(tool.useCases());
            for (String id : useCases) {
                Optional<UseCasePolicy> useCase = set.useCase(id);
                if (useCase.isEmpty() || useCase.get().suspended()) {
                    continue;
                }
                boolean dryRun = useCase.get().models().contains(DRY_RUN)
                        && set.catalog().find(DRY_RUN).map(ModelDefinition::provider).orElse(null) == ProviderKind.DRY_RUN;
                if (dryRun) {
                    return Optional.of(new Target(tool.id(), id, true));
                }
                if (withoutModel == null) {
                    withoutModel = new Target(tool.id(), id, false);
                }
            }
        }
        return Optional.ofNullable(withoutModel);
    }

    /** One made-up request over HTTP; false when it did not come back as an answer (the warm-up then goes direct). */
    private boolean overHttp(CloseableHttpClient client, String base, String key, Target target, int i) {
        try {
            ClassicHttpRequest request = ClassicRequestBuilder.post(base + "/v1/chat/completions")
                    .setHeader("Authorization", "Bearer " + key)
                    .setHeader(CallerHeaders.USE_CASE, target.useCase())
                    .setEntity(new ByteArrayEntity(json.writeValueAsBytes(body(target, i)), ContentType.APPLICATION_JSON))
                    .build();
            int status = client.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            if (status != 200) {
                log.info("warm-up over HTTP answered {}; the warm-up continues without HTTP", status);
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.info("warm-up over HTTP failed ({}); the warm-up continues without HTTP", e.getClass().getSimpleName());
            return false;
        }
    }

    private static CloseableHttpClient httpClient(int threads) {
        int connections = Math.max(4, threads);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(2))
                                .setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    private ObjectNode body(Target target, int i) {
        ObjectNode body = json.createObjectNode();
        body.put("model", target.dryRun() ? DRY_RUN : "auto");
        if (i % 2 == 1) {
            body.put("stream", true);
        }
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "Je bent een behulpzame assistent van de gemeente. Antwoord in het Nederlands.");
        messages.addObject().put("role", "user").put("content", PROMPTS.get(i % PROMPTS.size()));
        return body;
    }

    /**
     * One made-up request straight into the pipeline; with {@code upstream}, its answer comes from the loopback model
     * server through the upstream client (same invoker, HttpClient, event reading and JSON parsing as a real model's)
     * instead of from the dry-run model in-process.
     */
    private void once(PolicySet set, Target target, int i, LoopbackUpstream upstream) {
        boolean stream = i % 2 == 1;
        try {
            ObjectNode body = body(target, i);
            Exchange exchange = new Exchange("warm-up-" + i, Endpoint.CHAT_COMPLETIONS, new CallerHeaders(target.useCase(), null), set);
            exchange.caller(new Caller(target.tool(), null, null, List.of(), tenant, null, IdentitySource.EXPLAIN, null));
            exchange.rawBody(json.writeValueAsBytes(body));
            exchange.contentType("application/json");
            Refusal refusal = pipeline.run(exchange, SPENDS_QUOTA, RequestPipeline.StepListener.NONE);
            if (refusal != null || !target.dryRun() || exchange.model() == null || !DRY_RUN.equals(exchange.model().id())) {
                return;
            }
            ObjectNode upstreamBody = exchange.request().body();
            if (stream && upstream != null) {
                upstream.stream(upstreamBody, exchange.traceId(), replies.stream(exchange, DISCARD));
            } else if (stream) {
                router.stream(exchange, replies.stream(exchange, DISCARD));
            } else if (upstream != null) {
                json.writeValueAsBytes(replies.rewrite(exchange, upstream.reply(upstreamBody, exchange.traceId())));
            } else {
                json.writeValueAsBytes(replies.rewrite(exchange, router.reply(exchange)));
            }
        } catch (IOException | RuntimeException e) {
            // a warm-up request that fails only costs the warm-up; the real requests report their own errors
            log.debug("warm-up request failed: {}", e.getClass().getSimpleName());
        }
    }
}
