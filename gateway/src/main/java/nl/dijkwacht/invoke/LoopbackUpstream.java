package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;

/**
 * An OpenAI-compatible model server on loopback for the start-up warm-up, so that the upstream call path — the
 * invoker, an {@link OpenAiCompatibleClient} with its Apache HttpClient pool, the reading of server-sent events and
 * the JSON parsing of answers and chunks — is compiled before the first real request needs it. It answers like the
 * dry-run model ({@link DryRunClient}), whole or streamed, and is reached through an invoker, client, upstream pool
 * and circuit-breaker registry of its own: nothing of it is in the catalogue, in the real pool or in the metrics, and
 * it calls no network model. It listens on the loopback address only, under a random path, and stops on
 * {@link #close()}.
 */
public final class LoopbackUpstream implements AutoCloseable {

    private static final String MODEL_ID = "warm-up-loopback";
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ObjectMapper json;
    private final DryRunClient answers;
    private final OpenAiCompatibleClient client;
    private final ModelInvoker invoker;
    private final ModelDefinition model;
    private final AtomicInteger served = new AtomicInteger();

    private LoopbackUpstream(HttpServer server, ObjectMapper json, IdleWatchdog watchdog, RetrySettings settings) {
        this.server = server;
        this.json = json;
        this.answers = new DryRunClient(json, new TokenCounter());
        String path = "/" + UUID.randomUUID() + "/v1";
        URI base = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path);
        this.model = new ModelDefinition(MODEL_ID, "start-up warm-up, loopback", ProviderKind.OPENAI_COMPATIBLE, base,
                "dry-run", null, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(30), false, null);
        this.client = new OpenAiCompatibleClient(json, watchdog);
        this.invoker = new ModelInvoker(new ModelClients(List.of(client)), new UpstreamPool(), settings);
        server.createContext(path + "/chat/completions", this::answer);
    }

    /** Starts the server on an ephemeral loopback port. */
    public static LoopbackUpstream start(ObjectMapper json, IdleWatchdog watchdog, RetrySettings settings) throws IOException {
        // Each event is flushed on its own, as a model server sends it; with Nagle's algorithm on (the JDK server's
        // default) every small write after the first waited for the client's delayed ACK, ~40 ms a streamed answer,
        // which cut the warm-up's direct requests three- to eightfold. Read once, when the first JDK server starts.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        LoopbackUpstream upstream = new LoopbackUpstream(server, json, watchdog, settings);
        server.start();
        return upstream;
    }

    /** A whole answer to the (policy-checked) request body, over HTTP from the loopback server. */
    public ObjectNode reply(ObjectNode body, String traceId) {
        return invoker.reply(model, body, traceId, Deadline.in(invoker.settings().deadline()), (m, u, outcome, millis) -> {
        });
    }

    /** The answer streamed as server-sent events from the loopback server into {@code sink}. */
    public void stream(ObjectNode body, String traceId, ChunkSink sink) {
        ModelInvoker.StreamStart start = new OpenedStream(sink);
        invoker.stream(model, body, traceId, Deadline.in(invoker.settings().deadline()), (m, u, outcome, millis) -> {
        }, start);
    }

    /** Where it listens (base URL of its OpenAI API). */
    public URI baseUrl() {
        return model.baseUrl();
    }

    /** Calls the server has answered. */
    public int served() {
        return served.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ObjectNode body = (ObjectNode) json.readTree(exchange.getRequestBody());
            ModelCall call = new ModelCall(model, body, "loopback");
            if (body.path("stream").asBoolean(false)) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                answers.stream(call, new EventWriter(out));
            } else {
                byte[] reply = json.writeValueAsBytes(answers.reply(call));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
            served.incrementAndGet();
        }
    }

    /** Writes chunks as {@code data:} events, each sent at once like a model server does, and {@code [DONE]}. */
    private final class EventWriter implements ChunkSink {
        private final OutputStream out;

        EventWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void open() {
        }

        @Override
        public void chunk(ObjectNode chunk) {
            try {
                out.write("data: ".getBytes(StandardCharsets.US_ASCII));
                out.write(json.writeValueAsBytes(chunk));
                out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void complete() {
            try {
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.stop(0);
    }
}
