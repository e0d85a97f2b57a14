package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import nl.dijkwacht.catalog.ModelDefinition;

/**
 * Calls one model through its upstreams: picks an upstream (fewest calls in flight, circuit breaker closed), and
 * retries only where that is safe — on another upstream when the connection could not be made (the request never
 * arrived), and after a 429/503 with {@code Retry-After} (on another upstream at once, or on the same one after
 * waiting when the wait is short and the deadline allows). Never after a stream has begun. Every call is reported to
 * the {@link Attempts} listener; a model with no upstream that may take a call fails at once with
 * {@link UpstreamException.Kind#UNAVAILABLE}, without a network call.
 */
public final class ModelInvoker {

    /**
     * Hears of every upstream call: when it starts, and how it ended ({@code ok}, the failure kind, e.g.
     * {@code timeout}, {@code error_status:503}, or {@link #CLIENT_DISCONNECTED} / {@link #GATEWAY_ERROR} when the
     * tool or the gateway ended it) with its duration. A stream ends when the upstream completed it,
     * before the sink hears {@link ChunkSink#complete()}, so whoever writes the audit record there sees the call.
     */
    public interface Attempts {
        default void started(ModelDefinition model, Upstream upstream) {
        }

        void ended(ModelDefinition model, Upstream upstream, String outcome, long millis);
    }

    /** A whole-answer call; streams go through {@link AttemptSink} instead. */
    @FunctionalInterface
    private interface Operation<T> {
        T run(ModelClient client, ModelCall call);
    }

    /** The outcome of a call whose stream the tool hung up on part-way ({@link ClientGoneException}). */
    public static final String CLIENT_DISCONNECTED = "client_disconnected";
    /** The outcome of a call that ended in the gateway's own failure (a bug), not the upstream's or the tool's. */
    public static final String GATEWAY_ERROR = "gateway_error";

    private final ModelClients clients;
    private final UpstreamPool pool;
    private final RetrySettings settings;

    public ModelInvoker(ModelClients clients, UpstreamPool pool, RetrySettings settings) {
        this.clients = clients;
        this.pool = pool;
        this.settings = settings;
    }

    public RetrySettings settings() {
        return settings;
    }

    public UpstreamPool pool() {
        return pool;
    }

    public ObjectNode reply(ModelDefinition model, ObjectNode body, String traceId, Deadline deadline, Attempts attempts) {
        return invoke(model, body, traceId, deadline, attempts, null, ModelClient::reply);
    }

    public ObjectNode embed(ModelDefinition model, ObjectNode body, String traceId, Deadline deadline, Attempts attempts) {
        return invoke(model, body, traceId, deadline, attempts, null, ModelClient::embed);
    }

    /** Streams to {@code sink}; once the upstream has opened the stream, a failure is never retried. */
    public void stream(ModelDefinition model, ObjectNode body, String traceId, Deadline deadline, Attempts attempts,
                       StreamStart sink) {
        invoke(model, body, traceId, deadline, attempts, sink, null);
    }

    private <T> T invoke(ModelDefinition model, ObjectNode body, String traceId, Deadline deadline, Attempts attempts,
                         StreamStart stream, Operation<T> operation) {
        ModelClient client = clients.forKind(model.provider());
        Set<URI> tried = new HashSet<>();
        int waits = 0;
        UpstreamException last = null;
        while (true) {
            if (deadline.passed()) {
                throw last != null ? last : new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "request deadline passed", null);
            }
            UpstreamPool.Acquired acquired = pool.acquire(model, tried);
            if (acquired.lease() == null) {
                if (last != null) {
                    throw last;
                }
                throw new UpstreamException(UpstreamException.Kind.UNAVAILABLE, null, acquired.refusedBecause(), null,
                        model.serving().breaker().openFor(), false);
            }
            UpstreamPool.Lease lease = acquired.lease();
            Upstream upstream = lease.upstream();
            ModelCall call = new ModelCall(model, body, traceId, upstream.baseUrl(), deadline.cap(model.responseTimeout()));
            attempts.started(model, upstream);
            try {
                T result;
                if (operation == null) {
                    client.stream(call, new AttemptSink(stream, () -> succeed(model, lease, attempts)));
                    result = null;
                } else {
                    result = operation.run(client, call);
                }
                succeed(model, lease, attempts);
                return result;
            } catch (UpstreamException e) {
                if (lease.closed()) {
                    throw e; // the attempt already counted as a success (the stream completed); a later failure is not the upstream's
                }
                if (countsAgainstHealth(e)) {
                    lease.failed(e);
                } else {
                    lease.released();
                }
                attempts.ended(model, upstream, e.kindName() + (e.status() == null ? "" : ":" + e.status()), lease.millis());
                if (stream != null && stream.started()) {
                    throw e;
                }
                last = e;
                if (e.connectFailure()) {
                    tried.add(upstream.baseUrl());
                    continue;
                }
                if (askedToWait(e)) {
                    Set<URI> others = new HashSet<>(tried);
                    others.add(upstream.baseUrl());
                    if (pool.hasOther(model, others)) {
                        tried.add(upstream.baseUrl());
                        continue;
                    }
                    if (waits < settings.maxWaits() && worthWaiting(e.retryAfter(), deadline)) {
                        waits++;
                        sleep(e.retryAfter());
                        continue;
                    }
                }
                throw e;
            } catch (RuntimeException e) {
                // not the upstream's doing (the tool went away, a bug): says nothing about its health, but the call
                // was made and goes into the route log like any other — unless it already counted as a success
                if (!lease.closed()) {
                    lease.released();
                    attempts.ended(model, upstream, e instanceof ClientGoneException ? CLIENT_DISCONNECTED
                            : e instanceof AnswerTooLargeException ? AnswerTooLargeException.OUTCOME : GATEWAY_ERROR,
                            lease.millis());
                }
                throw e;
            }
        }
    }

    private static void succeed(ModelDefinition model, UpstreamPool.Lease lease, Attempts attempts) {
        if (!lease.closed()) {
            lease.succeeded();
            attempts.ended(model, lease.upstream(), "ok", lease.millis());
        }
    }

    /** Passes a stream on and, when the upstream completes it, first closes the attempt as a success. */
    private static final class AttemptSink extends ForwardingChunkSink {
        private final Runnable completed;

        AttemptSink(ChunkSink next, Runnable completed) {
            super(next);
            this.completed = completed;
        }

        @Override
        public void complete() {
            completed.run();
            next.complete();
        }
    }

    /** Failures that say the upstream is unwell: no connection, no (timely or readable) answer, 5xx, auth broken. */
    static boolean countsAgainstHealth(UpstreamException e) {
        return switch (e.kind()) {
            case TIMEOUT, UNREACHABLE, MALFORMED, STREAM_CUT -> true;
            case ERROR_STATUS -> e.status() == null || e.status() >= 500 || e.status() == 401 || e.status() == 403;
            case UNSUPPORTED, UNAVAILABLE -> false;
        };
    }

    private static boolean askedToWait(UpstreamException e) {
        return e.kind() == UpstreamException.Kind.ERROR_STATUS && e.retryAfter() != null
                && (Integer.valueOf(429).equals(e.status()) || Integer.valueOf(503).equals(e.status()));
    }

    private boolean worthWaiting(Duration wait, Deadline deadline) {
        return wait.compareTo(settings.maxRetryWait()) <= 0 && wait.compareTo(deadline.remaining()) < 0;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "interrupted while waiting to retry", e);
        }
    }

    /** A stream sink that knows whether the upstream has opened the stream (after which nothing is retried). */
    public interface StreamStart extends ChunkSink {
        boolean started();
    }
}
