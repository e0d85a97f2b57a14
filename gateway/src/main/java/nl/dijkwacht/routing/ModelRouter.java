package nl.dijkwacht.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.invoke.ChunkSink;
import nl.dijkwacht.invoke.Deadline;
import nl.dijkwacht.invoke.ModelInvoker;
import nl.dijkwacht.invoke.OpenedStream;
import nl.dijkwacht.invoke.Upstream;
import nl.dijkwacht.invoke.UpstreamException;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.UpstreamCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one routing/invocation service: calls the model the pipeline chose for a request and, when that fails before
 * anything reached the tool, goes on along the request's route — the failed model's approved fallbacks that fit this
 * request ({@link RoutingRules#fallbacks}). Each model is called through {@link ModelInvoker} (upstream choice,
 * circuit breakers, safe retries) within one deadline for the whole request. Every decision lands on the exchange:
 * the audit rule {@code fallback:<from>-><to>:<kind>} and the {@link RouteLog}. The HTTP handlers only deliver.
 */
public final class ModelRouter {

    private static final Logger log = LoggerFactory.getLogger(ModelRouter.class);

    @FunctionalInterface
    private interface Call<T> {
        T run(ModelDefinition model, Deadline deadline);
    }

    private final ModelInvoker invoker;
    private final RoutingRules rules;

    public ModelRouter(ModelInvoker invoker, RoutingRules rules) {
        this.invoker = invoker;
        this.rules = rules;
    }

    /** A whole {@code chat.completion} from the model on the exchange, or from a fallback. */
    public ObjectNode reply(Exchange exchange) {
        return route(exchange, null, (model, deadline) ->
                invoker.reply(model, exchange.request().body(), exchange.traceId(), deadline, attempts(exchange)));
    }

    public ObjectNode embed(Exchange exchange) {
        return route(exchange, null, (model, deadline) ->
                invoker.embed(model, exchange.request().body(), exchange.traceId(), deadline, attempts(exchange)));
    }

    /** Streams to {@code sink}. Falls back only while the stream has not been opened. */
    public void stream(Exchange exchange, ChunkSink sink) {
        OpenedStream opened = new OpenedStream(sink);
        route(exchange, opened, (model, deadline) -> {
            invoker.stream(model, exchange.request().body(), exchange.traceId(), deadline, attempts(exchange), opened);
            return null;
        });
    }

    /** The models this request would go to if the chosen one failed, in order (for explain). */
    public List<ModelDefinition> fallbacks(Exchange exchange) {
        return exchange.model() == null || exchange.useCase() == null ? List.of() : rules.fallbacks(exchange, exchange.model());
    }

    public ModelInvoker invoker() {
        return invoker;
    }

    private <T> T route(Exchange exchange, OpenedStream stream, Call<T> call) {
        Deadline deadline = Deadline.in(invoker.settings().deadline());
        Deque<ModelDefinition> next = null;
        while (true) {
            ModelDefinition model = exchange.model();
            try {
                return call.run(model, deadline);
            } catch (UpstreamException e) {
                if (e.kind() == UpstreamException.Kind.UNAVAILABLE) {
                    exchange.routing().skip(model.id(), e.upstreamMessage());
                }
                if ((stream != null && stream.started()) || !worthFallingBack(e) || deadline.passed()) {
                    throw e;
                }
                if (next == null) {
                    next = new ArrayDeque<>(rules.fallbacks(exchange, model));
                }
                if (next.isEmpty()) {
                    throw e;
                }
                ModelDefinition target = next.removeFirst();
                log.warn("trace {} upstream failure {} for model {}, falling back to {}", exchange.traceId(), e.getMessage(),
                        model.id(), target.id());
                exchange.reroute(target, "fallback:" + model.id() + "->" + target.id() + ":" + e.kindName());
            }
        }
    }

    static boolean worthFallingBack(UpstreamException e) {
        return switch (e.kind()) {
            case TIMEOUT, UNREACHABLE, MALFORMED, STREAM_CUT, UNAVAILABLE -> true;
            case ERROR_STATUS -> e.status() == null || e.status() >= 500 || e.status() == 429 || e.status() == 401 || e.status() == 403;
            case UNSUPPORTED -> false;
        };
    }

    /** Each call goes into the route log (audit) and the exchange's upstream timings (metrics, traces). */
    private static ModelInvoker.Attempts attempts(Exchange exchange) {
        return new ModelInvoker.Attempts() {
            @Override
            public void started(ModelDefinition model, Upstream upstream) {
                exchange.upstreamStarted(model);
            }

            @Override
            public void ended(ModelDefinition model, Upstream upstream, String outcome, long millis) {
                exchange.routing().attempt(new RouteLog.Attempt(model.id(), upstream.label(), outcome, millis));
                exchange.upstreamEnded(outcome.startsWith("ok") ? UpstreamCall.OK : outcome.replaceFirst(":.*$", ""));
            }
        };
    }
}
