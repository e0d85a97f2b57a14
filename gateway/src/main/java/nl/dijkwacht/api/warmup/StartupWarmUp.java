package nl.dijkwacht.api.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.audit.WarmUpAuditStore;
import nl.dijkwacht.identity.WarmUpPass;
import nl.dijkwacht.invoke.LoopbackUpstream;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.response.ReplyRewriter;
import nl.dijkwacht.routing.ModelRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Sends made-up requests ({@link WarmUpRequests}) through the real request path at start-up, before the gateway reports
 * ready, so the JIT compiles that path now instead of during the first minute of real traffic.
 *
 * <p>One thread ({@code dijkwacht.warm-up.http-threads}: more; {@code .http-requests}: at most that many in all, then
 * those threads go direct too) sends them over HTTP to the gateway's own port ({@link HttpWarmUp}). When the port
 * cannot be reached (no web server, TLS, another bind address), or with {@code dijkwacht.warm-up.over-http=false}, its
 * requests go to the pipeline directly too. The other thread always goes to the pipeline directly ({@link DirectWarmUp}),
 * its answers from a model server on loopback ({@link LoopbackUpstream}, {@code dijkwacht.warm-up.upstream-call}, on).
 *
 * <p>Before its chat requests it also loads what those never reach, so that no first request of another kind pays
 * a one-off load after readiness (docs/bench/first-requests.sh measures each kind's first request against its 20th):
 * every catalogue model's token encoding ({@link EagerLoads}), one request each of the Responses API, legacy
 * completions and embeddings with the same key ({@link HttpWarmUp#otherOperations}), the public pages — the sign-in
 * and transparency pages, which set up the template engine ({@link HttpWarmUp#pages}) — and one request from a virtual
 * thread, as the server's request threads are, which starts the JDK's socket poller for them at its upstream call.
 *
 * <p>Nothing is spent or recorded: the warm-up caller ({@link nl.dijkwacht.identity.Caller#warmUp()}) is charged to
 * buckets of its own ({@code CallerLimits}), its audit records are written by a writer that rolls back
 * ({@code ChainedJdbcAuditSink.rehearsal}) — on the embedded H2 file store committed into a throw-away copy of the
 * store that is deleted when the warm-up ends ({@link WarmUpAuditStore}, {@code dijkwacht.warm-up.scratch-store}) —
 * and reach no metric or listener, and no network model is called (only a
 * use-case that allows the {@code dry-run} model is used, {@link WarmUpTarget}; without one the warm-up runs the
 * pipeline directly and skips the model and answer part; the loopback model server listens on the loopback address
 * under a random path, is called through a client, upstream pool and circuit breakers of its own — not the
 * catalogue's, not in the metrics — and stops when the warm-up ends). The key works only while the warm-up runs. After
 * the requests it waits until the JIT compiler has finished compiling what they made hot ({@link JitSettling}, within
 * the same time limit). Spring Boot publishes readiness ({@code /readyz}) only after every {@link ApplicationRunner} has
 * finished, so a load balancer sends traffic to a warm gateway. Bounded ({@link WarmUpBounds}) by a request count, a
 * time limit and the start-up budget counted from the JVM's start, and it ends early once the JIT compiler is quiet
 * under its requests; off with {@code dijkwacht.warm-up.enabled=false}.
 */
final class StartupWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmUp.class);

    private final ActivePolicy policy;
    private final WarmUpRequests requests;
    private final DirectWarmUp directly;
    private final String tenant;
    private final boolean enabled;
    private final WarmUpBounds bounds;
    private final WarmUpPass pass;
    private final LoopbackAddress loopback;
    private final int httpThreads;
    private final int httpRequests;
    private final UpstreamRehearsal rehearsal;
    private final RecordRehearsal records;
    private volatile int completed;
    private volatile int upstreamCalls;
    private volatile java.net.URI lastUpstream;
    private volatile int overHttp;
    private volatile long committedRecords;
    private volatile int direct;
    private volatile boolean steady;
    private volatile java.util.Set<String> tokenizers = java.util.Set.of();
    private volatile int pages;
    private volatile int fromVirtualThread;
    private volatile int otherOperations;

    /** Where the gateway's own HTTP port answers: {@code http://127.0.0.1:<port>}, or {@code null} when it cannot. */
    interface LoopbackAddress {
        String baseUrl();
    }

    /** Starts the loopback model server for the warm-up's upstream calls, or gives {@code null} when they are off. */
    interface UpstreamRehearsal {
        UpstreamRehearsal OFF = () -> null;

        LoopbackUpstream start() throws IOException;
    }

    /** Where the warm-up's audit records are committed while it runs; closing the session ends that (and deletes it). */
    interface RecordRehearsal {
        RecordRehearsal OFF = () -> WarmUpAuditStore.Session.NONE;

        WarmUpAuditStore.Session open();
    }

    /**
     * @param httpThreads  how many threads send their requests over HTTP (the other one always goes to the pipeline
     *                     directly); more shift the warm-up from the engine to the HTTP layer and the audit write
     * @param httpRequests at most this many requests over HTTP, all HTTP threads together ({@code
     *                     dijkwacht.warm-up.http-requests}); after them the HTTP threads go to the pipeline directly too.
     *                     It and {@code httpThreads} come checked from {@link WarmUpProperties}.
     * @param rehearsal    the loopback model server the direct thread's answers come from ({@code
     *                     dijkwacht.warm-up.upstream-call}), so the upstream call path is compiled too
     * @param records      where the records of the requests over HTTP are committed while the warm-up runs (a
     *                     throw-away copy of the embedded store, {@code dijkwacht.warm-up.scratch-store}), so the
     *                     committed write path is compiled too
     */
    StartupWarmUp(ActivePolicy policy, RequestPipeline pipeline, ModelRouter router, ReplyRewriter replies, ObjectMapper json,
                  String tenant, boolean enabled, WarmUpBounds bounds, WarmUpPass pass, LoopbackAddress loopback, int httpThreads,
                  int httpRequests, UpstreamRehearsal rehearsal, RecordRehearsal records) {
        this.httpRequests = httpRequests;
        this.records = records;
        this.rehearsal = rehearsal;
        this.httpThreads = httpThreads;
        this.pass = pass;
        this.loopback = loopback;
        this.policy = policy;
        this.requests = new WarmUpRequests(json);
        this.directly = new DirectWarmUp(pipeline, router, replies, json, requests, tenant);
        this.tenant = tenant;
        this.enabled = enabled;
        this.bounds = bounds;
    }

    @Override
    public void run(ApplicationArguments args) {
        int count = bounds.requests();
        if (!enabled || count <= 0) {
            return;
        }
        PolicySet set = policy.current();
        Optional<WarmUpTarget> chosen = WarmUpTarget.choose(set);
        if (chosen.isEmpty()) {
            log.info("warm-up skipped: the policy has no tool with a use-case");
            return;
        }
        WarmUpTarget target = chosen.get();
        long start = System.nanoTime();
        Duration uptime = Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        long deadline = start + bounds.budgetNanos(uptime);
        // within the warm-up's time: what no made-up request reaches (EagerLoads)
        tokenizers = EagerLoads.tokenizers(set);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger http = new AtomicInteger();
        AtomicInteger httpLeft = new AtomicInteger(httpRequests);
        AtomicBoolean stop = new AtomicBoolean();
        String base = target.dryRun() ? loopback.baseUrl() : null;
        String key = base == null ? null : pass.open(target.tool(), tenant);
        boolean quiet = false;
        JitSettling jit = new JitSettling(new JitActivity());
        try (WarmUpAuditStore.Session recordStore = key == null ? null : records.open();
             HttpWarmUp overHttpClient = key == null ? null : new HttpWarmUp(base, key, httpThreads, requests);
             LoopbackUpstream upstream = target.dryRun() ? startUpstream() : null) {
            lastUpstream = upstream == null ? null : upstream.baseUrl();
            // the public pages once: the first page rendered sets up the template engine (HttpWarmUp#pages)
            pages = overHttpClient == null ? 0 : overHttpClient.pages();
            otherOperations = overHttpClient == null ? 0 : overHttpClient.otherOperations(target);
            // the first request from a virtual thread, as the server's request threads are: the JDK starts its socket
            // poller for virtual threads at the first blocking socket call from one (the upstream call), which would
            // otherwise be in the first real request to a network model
            if (upstream != null && next.get() < count) {
                int first = next.getAndIncrement();
                Thread virtual = Thread.ofVirtual().name("warm-up-virtual").start(() -> directly.send(set, target, first, upstream));
                try {
                    virtual.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                done.incrementAndGet();
                fromVirtualThread = 1;
            }
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
                    while (!stop.get() && (i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        if (httpThread && useHttp.get() && httpLeft.getAndDecrement() > 0 && overHttpClient.send(target, i)) {
                            http.incrementAndGet();
                        } else {
                            if (httpThread) {
                                useHttp.set(false);
                            }
                            directly.send(set, target, i, upstream);
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            if (bounds.untilSteady()) {
                quiet = jit.quietWhileRunning(threads, start + bounds.minTime().toNanos(), deadline);
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
            committedRecords = recordStore == null ? 0 : recordStore.committed();
        } catch (IOException e) {
            log.debug("warm-up client not closed cleanly: {}", e.getClass().getSimpleName());
        } finally {
            pass.close();
        }
        long settled = jit.settle(deadline);
        completed = done.get();
        overHttp = http.get();
        direct = done.get() - http.get();
        steady = quiet;
        log.info("warm-up: {} made-up requests ({} over HTTP, {} direct, {} answered by the loopback upstream{}){}, {} of the other operations, {} public pages, "
                        + "in {} ms{}{} (started {} ms after the JVM; tool {}, use-case {})",
                done.get(), http.get(), done.get() - http.get(), upstreamCalls,
                committedRecords > 0 ? ", " + committedRecords + " records committed to a throw-away copy of the audit store" : "",
                target.dryRun() ? " with the dry-run model" : "", otherOperations, pages,
                (System.nanoTime() - start) / 1_000_000 - settled, quiet ? " until the JIT was quiet" : "",
                jitEnd(settled, System.nanoTime() >= deadline), uptime.toMillis(), target.tool(), target.useCase());
    }

    /**
     * How the wait for the JIT compiler ended: it finished, or the warm-up's time bound came first (then the gateway
     * turns ready with compilations still queued, and the first requests may be slower).
     */
    static String jitEnd(long settledMillis, boolean timeUp) {
        return timeUp ? "; stopped at its time bound, the JIT compiler still at work"
                : ", then " + settledMillis + " ms for the JIT compiler to finish";
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

    /** Audit records of the last warm-up committed to a scratch copy of the embedded store. */
    long committedRecords() {
        return committedRecords;
    }

    /** The upstream models whose token encoding the last warm-up loaded ({@link EagerLoads#tokenizers}). */
    java.util.Set<String> tokenizers() {
        return tokenizers;
    }

    /** Public pages the last warm-up fetched and the gateway rendered ({@link HttpWarmUp#pages}). */
    int pages() {
        return pages;
    }

    /** Requests of the other OpenAI operations the last warm-up sent and got answered ({@link HttpWarmUp#otherOperations}). */
    int otherOperations() {
        return otherOperations;
    }

    /** Made-up requests of the last warm-up sent from a virtual thread (one, when it had a loopback model server). */
    int fromVirtualThread() {
        return fromVirtualThread;
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
}
