package nl.dijkwacht.api.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.IdentitySource;
import nl.dijkwacht.invoke.LoopbackUpstream;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.response.ChunkOutput;
import nl.dijkwacht.response.ReplyRewriter;
import nl.dijkwacht.response.StreamRewriter;
import nl.dijkwacht.routing.ModelRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warm-up's requests straight into the pipeline, in-process, as a dry run ({@link IdentitySource#EXPLAIN}, no
 * audit record): several times more requests per second than over HTTP for the PII engine, the name model, the purpose
 * guard and the policy steps, the costliest and hottest part (docs/benchmarks.md, "Session 23 — first minute"). With a
 * {@link LoopbackUpstream}, their answers come over HTTP from that model server through the upstream client — the
 * invoker, the OpenAI-compatible client with its Apache HttpClient pool, the reading of server-sent events and the
 * parsing of answers and chunks — so the upstream call is compiled with a model call's profile too
 * (docs/history/benchmark-sessions.md, "Session 26 — warm-up paths"); without it, from the dry-run model in-process.
 * The rate-limit and token-budget steps run but spend nothing: the warm-up caller has buckets of its own.
 */
final class DirectWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DirectWarmUp.class);
    private static final Set<String> SPENDS_QUOTA = Set.of("rate-limit", "token-budget");
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

    private final RequestPipeline pipeline;
    private final ModelRouter router;
    private final ReplyRewriter replies;
    private final ObjectMapper json;
    private final WarmUpRequests requests;
    private final String tenant;

    DirectWarmUp(RequestPipeline pipeline, ModelRouter router, ReplyRewriter replies, ObjectMapper json,
                 WarmUpRequests requests, String tenant) {
        this.pipeline = pipeline;
        this.router = router;
        this.replies = replies;
        this.json = json;
        this.requests = requests;
        this.tenant = tenant;
    }

    /**
     * One made-up request straight into the pipeline; with {@code upstream}, its answer comes from the loopback model
     * server through the upstream client (same invoker, HttpClient, event reading and JSON parsing as a real model's)
     * instead of from the dry-run model in-process.
     */
    void send(PolicySet set, WarmUpTarget target, int i, LoopbackUpstream upstream) {
        boolean stream = WarmUpRequests.streams(i);
        try {
            ObjectNode body = requests.body(target, i);
            Exchange exchange = new Exchange("warm-up-" + i, Endpoint.CHAT_COMPLETIONS, new CallerHeaders(target.useCase(), null), set);
            exchange.caller(new Caller(target.tool(), null, null, List.of(), tenant, null, IdentitySource.EXPLAIN, null));
            exchange.rawBody(json.writeValueAsBytes(body));
            exchange.contentType("application/json");
            Refusal refusal = pipeline.run(exchange, SPENDS_QUOTA, RequestPipeline.StepListener.NONE);
            if (refusal != null || !target.dryRun() || exchange.model() == null || !WarmUpTarget.DRY_RUN.equals(exchange.model().id())) {
                return;
            }
            ObjectNode upstreamBody = exchange.request().body();
            if (stream) {
                StreamRewriter sink = replies.stream(exchange, DISCARD);
                try {
                    if (upstream != null) {
                        upstream.stream(upstreamBody, exchange.traceId(), sink);
                    } else {
                        router.stream(exchange, sink);
                    }
                } finally {
                    sink.close(); // whoever starts a stream ends it, however it ended (ChunkSink#close)
                }
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
