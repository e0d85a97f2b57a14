package nl.dijkwacht.invoke;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Passes the OpenAI request through to an OpenAI-compatible server (vLLM, Ollama, llama.cpp, Azure OpenAI,
 * Mistral, OpenAI) with the upstream model name and credential from the catalogue. Streams are read event
 * by event and handed on as they arrive; a stream that goes quiet longer than the model's response timeout
 * is cut off.
 */
public final class OpenAiCompatibleClient implements ModelClient, AutoCloseable {

    /** The most of an upstream's error answer that is read for its message. */
    static final int ERROR_BODY_LIMIT = 16 * 1024;

    /**
     * Pooled connections per upstream: a stream holds its connection for the whole answer, so this bounds the open
     * streams per model server (1,000 concurrent streams are a sizing target, docs/deployment.md). A model's own limit
     * is its {@code max-concurrent} (the bulkhead); idle connections are closed after 30 s.
     */
    private static final int MAX_CONNECTIONS = 2048;

    /**
     * The buffers of each pooled connection (HttpCore's default is 8 KB, three of them: the session's input buffer, its
     * line buffer and its output buffer). They carry the request's head and the response's head: request bodies of more
     * than 512 bytes are written past the output buffer, and a stream's events are read past the input buffer
     * ({@link ChunkedBody} asks for more than 512 bytes at a time), so a larger buffer only holds heap for as long as a
     * stream is open — 24 KB per open stream at 8 KB (docs/history/benchmark-sessions.md, mem20). A head larger than
     * the buffer is read (or written) in more than one step; the line buffer grows for a longer header line.
     */
    static final int CONNECTION_BUFFER = 4096;

    /** Every request's settings (immutable, so one for all): no socket timeout, see {@link #request}; no redirects. */
    private static final RequestConfig REQUEST_CONFIG = RequestConfig.custom()
            .setResponseTimeout(Timeout.DISABLED)
            .setRedirectsEnabled(false)
            .build();

    private final ObjectMapper json;
    /** The streams' event parsers ({@link PlainEvents}). */
    private final JsonFactory eventParsers;
    private final IdleWatchdog watchdog;
    private final WireDialect dialect;
    private final Map<Duration, CloseableHttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();

    public OpenAiCompatibleClient(ObjectMapper json, IdleWatchdog watchdog) {
        this(json, watchdog, new EntraTokens(java.time.Clock.systemUTC(), Duration.ofSeconds(10)));
    }

    /** @param tokens Microsoft Entra ID tokens for Azure OpenAI models with {@code auth: entra-id} */
    public OpenAiCompatibleClient(ObjectMapper json, IdleWatchdog watchdog, EntraTokens tokens) {
        this.json = json;
        this.eventParsers = PlainEvents.parsers(json);
        this.watchdog = watchdog;
        this.dialect = new WireDialect(tokens);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.OPENAI_COMPATIBLE;
    }

    @Override
    public ObjectNode reply(ModelCall call) {
        ObjectNode body = upstreamBody(call);
        body.remove("stream");
        body.remove("stream_options");
        return parseObject(sendForBytes(call, "/chat/completions", body), "chat.completion");
    }

    @Override
    public ObjectNode embed(ModelCall call) {
        ObjectNode body = upstreamBody(call);
        return parseObject(sendForBytes(call, "/embeddings", body), "embeddings");
    }

    @Override
    public void stream(ModelCall call, ChunkSink sink) {
        ObjectNode body = topLevelCopy(call.body());
        body.put("stream", true);
        // Always ask for usage so the audit has real token counts; the gateway drops it if the tool did not ask.
        body.putObject("stream_options").put("include_usage", true);
        body = dialect.body(call, body);
        ModelDefinition model = call.model();
        HttpPost request = request(call, "/chat/completions", body);
        // the wait for the headers is bounded by the longer of the two timeouts; then silence between events by the
        // stream-idle timeout. The watchdog keeps both (the socket reads are untimed, see IdleWatchdog).
        IdleWatchdog.Watch watch = watchdog.watch(request::cancel, max(call.responseTimeout(), model.streamIdleTimeout()));
        try (watch) {
            ClassicHttpResponse response = open(model, request, watch);
            // the request went out whole (HttpClient retries only before an answer's head): its body, the prompt as sent
            // on, is not kept while the answer streams
            request.setEntity(null);
            boolean finished = false;
            try {
                if (response.getCode() / 100 != 2) {
                    throw errorStatus(call, response, readError(response.getEntity()));
                }
                sink.open();
                watch.retime(model.streamIdleTimeout());
                finished = readEvents(response, watch, sink);
            } finally {
                if (!finished) {
                    // abandon the connection rather than drain a stream nobody reads any more
                    request.cancel();
                }
                try {
                    response.close();
                } catch (IOException ignored) {
                    // the connection is discarded
                }
            }
        }
    }

    /**
     * @return true when the stream ended with [DONE] (or, without it, with every choice finished and the body whole,
     *     {@link FinishedChoices}) and the connection may be reused
     */
    private boolean readEvents(ClassicHttpResponse response, IdleWatchdog.Watch watch, ChunkSink sink) {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new UpstreamException(UpstreamException.Kind.STREAM_CUT, "stream ended without [DONE]");
        }
        // the watchdog aborts the exchange; a reader blocked on the socket then sees an I/O error
        FinishedChoices finished = new FinishedChoices();
        try (PlainEvents plain = new PlainEvents(eventParsers)) {
            InputStream in = ChunkedEventStreams.body(response, entity);
            // events that arrived together go to the tool together: the sink sends what it holds before a read that
            // may wait, and only then; the idle time counts from each read (keep-alive comments count as activity)
            SseEvents events = new SseEvents(in, mayWait -> {
                watch.touch();
                if (mayWait) {
                    sink.flush();
                }
            });
            SseEvents.Data data;
            while ((data = events.next()) != null) {
                if (handleEvent(data, plain, finished, sink)) {
                    return drained(in);
                }
            }
            if (watch.expired()) {
                throw new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "stream idle too long", null);
            }
            if (finished.all()) {
                sink.complete(); // Perplexity's stream ends so (no [DONE]) after its finishing event
                return drained(in);
            }
            throw new UpstreamException(UpstreamException.Kind.STREAM_CUT, "stream ended without [DONE]");
        } catch (IOException e) {
            if (watch.expired() || e instanceof SocketTimeoutException) {
                throw new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "stream idle too long", e);
            }
            throw new UpstreamException(UpstreamException.Kind.STREAM_CUT, null, "stream broken", e);
        }
    }

    /** @return true when the event ends the stream */
    private boolean handleEvent(SseEvents.Data data, PlainEvents plain, FinishedChoices finished, ChunkSink sink) {
        if (data.isDone()) {
            sink.complete();
            return true;
        }
        RawChunk chunk = new RawChunk(data.bytes(), data.length(), json, plain);
        // a plain text event has no "error"; any other is read as a tree here, which also finds one that is not JSON
        if (chunk.plainContent() == null) {
            if (chunk.tree().has("error")) {
                throw new UpstreamException(UpstreamException.Kind.ERROR_STATUS, null, ProviderError.of(chunk.tree()).message(), null);
            }
            finished.event(chunk.tree());
        } else {
            finished.plain();
        }
        sink.pending(chunk);
        return false;
    }

    private ObjectNode upstreamBody(ModelCall call) {
        return dialect.body(call, topLevelCopy(call.body()));
    }

    /**
     * A new top level holding the request's own field values. What goes to the upstream differs from the request only
     * in top-level fields (the dialect's model name and renames, the stream flags), so the request's tree — sent again
     * on a fallback, read by the audit — stays as it is, and its messages are not copied for every call.
     */
    private ObjectNode topLevelCopy(ObjectNode body) {
        ObjectNode copy = json.createObjectNode();
        copy.setAll(body);
        return copy;
    }

    /** Reads the rest of the body (normally just the end of the chunked encoding) so the connection can be reused. */
    private static boolean drained(InputStream in) {
        try {
            in.close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private byte[] sendForBytes(ModelCall call, String path, ObjectNode body) {
        ModelDefinition model = call.model();
        HttpPost request = request(call, path, body);
        // the response timeout bounds the wait for the headers, then anew the wait for the body (untimed socket reads:
        // the watchdog keeps the timeout, see IdleWatchdog)
        try (IdleWatchdog.Watch watch = watchdog.watch(request::cancel, call.responseTimeout());
             ClassicHttpResponse response = open(model, request, watch)) {
            watch.touch();
            HttpEntity entity = response.getEntity();
            if (response.getCode() / 100 != 2) {
                throw errorStatus(call, response, readError(entity));
            }
            try {
                if (entity != null && ChunkedEventStreams.leftFramed(response, entity)) {
                    // an event stream where a whole answer was asked for: read to the end of its chunks, not of the connection
                    try (InputStream in = new ChunkedBody(entity.getContent())) {
                        return in.readAllBytes();
                    }
                }
                return entity == null ? new byte[0] : replyBytes(entity);
            } catch (IOException e) {
                throw transportFailure(e, watch);
            }
        } catch (IOException e) {
            // closing the response failed after the body was read: the connection is discarded
            throw transportFailure(e);
        }
    }

    /**
     * The request, with no socket timeout: the caller sets a watch with the model's timeout on it (an untimed read on
     * a virtual thread does not wake the JDK's delay-scheduler thread; a timed one did, twice per wait).
     */
    private HttpPost request(ModelCall call, String path, ObjectNode body) {
        HttpPost request = new HttpPost(dialect.target(call, path));
        request.setConfig(REQUEST_CONFIG);
        request.setHeader("Content-Type", "application/json");
        request.setHeader("Accept", body.path("stream").asBoolean(false) ? "text/event-stream" : "application/json");
        dialect.authenticate(call, request);
        request.setEntity(new ByteArrayEntity(toBytes(body), null));
        return request;
    }

    private ClassicHttpResponse open(ModelDefinition model, HttpPost request, IdleWatchdog.Watch watch) {
        try {
            return client(model.connectTimeout()).executeOpen(null, request, null);
        } catch (IOException e) {
            throw transportFailure(e, watch);
        }
    }

    /** A failure while the watch was on: a timeout if the watchdog ended the exchange. */
    private static UpstreamException transportFailure(IOException e, IdleWatchdog.Watch watch) {
        if (watch.expired()) {
            return new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "response timeout", e);
        }
        return transportFailure(e);
    }

    private static UpstreamException transportFailure(IOException e) {
        return switch (e) {
            case ConnectTimeoutException t -> new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "connect timeout", e, null, true);
            case SocketTimeoutException t -> new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "response timeout", e);
            case ConnectException c -> new UpstreamException(UpstreamException.Kind.UNREACHABLE, null, "connection refused", e, null, true);
            case UnknownHostException u -> new UpstreamException(UpstreamException.Kind.UNREACHABLE, null, "unknown host", e, null, true);
            default -> new UpstreamException(UpstreamException.Kind.UNREACHABLE, null, "I/O error", e);
        };
    }

    private UpstreamException errorStatus(ModelCall call, ClassicHttpResponse response, ProviderError error) {
        return new UpstreamException(UpstreamException.Kind.ERROR_STATUS, response.getCode(), error.message(),
                dialect.requestParam(call, error.param()), null,
                RetryAfter.parse(header(response, "retry-after-ms"), header(response, "Retry-After")), false);
    }

    private static String header(ClassicHttpResponse response, String name) {
        var header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /**
     * The reply body. With a declared length it is read straight into an array of that length; {@code EntityUtils}
     * fills a buffer through a 4 KB scratch array and then copies it (chunked or compressed replies still go there).
     */
    static byte[] replyBytes(HttpEntity entity) throws IOException {
        long length = entity.getContentLength();
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            return EntityUtils.toByteArray(entity);
        }
        try (InputStream in = entity.getContent()) {
            return in == null ? null : in.readNBytes((int) length);
        }
    }

    /**
     * An upstream's error answer, from at most {@value #ERROR_BODY_LIMIT} bytes of it (an error is a few hundred; a
     * misconfigured server's larger answer is not held in memory: closing the stream skips the rest).
     */
    private ProviderError readError(HttpEntity entity) {
        if (entity == null) {
            return ProviderError.of(null);
        }
        try (InputStream in = entity.getContent()) {
            return ProviderError.of(json.readTree(in.readNBytes(ERROR_BODY_LIMIT)));
        } catch (IOException e) {
            return ProviderError.of(null);
        }
    }

    private ObjectNode parseObject(byte[] bytes, String what) {
        return parseObject(bytes, bytes.length, what);
    }

    private ObjectNode parseObject(byte[] bytes, int length, String what) {
        try {
            JsonNode node = json.readTree(bytes, 0, length);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new UpstreamException(UpstreamException.Kind.MALFORMED, null, "upstream " + what + " is not valid JSON", e);
        }
        throw new UpstreamException(UpstreamException.Kind.MALFORMED, "upstream " + what + " is not a JSON object");
    }

    private byte[] toBytes(ObjectNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CloseableHttpClient client(Duration connectTimeout) {
        return clientsByConnectTimeout.computeIfAbsent(connectTimeout, t -> StaleConnectionRetry.install(HttpClients.custom())
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(Http1Config.custom().setBufferSize(CONNECTION_BUFFER).build())
                                .incomingContentLengthStrategy(new ChunkedEventStreams())
                                .build())
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(t))
                                // no check of a pooled connection before reuse: HttpCore's check is a read that waits
                                // 1 ms on every healthy idle connection, which a tool sending a request every few
                                // seconds paid on nearly every request; a connection the server closed meanwhile is
                                // sent on, fails unanswered and goes out again on a new one (StaleConnectionRetry)
                                .setValidateAfterInactivity(TimeValue.NEG_ONE_MILLISECOND)
                                .build())
                        .build())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .build());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public void close() {
        clientsByConnectTimeout.values().forEach(client -> client.close(CloseMode.GRACEFUL));
        clientsByConnectTimeout.clear();
    }
}
