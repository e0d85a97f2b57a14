package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay of an upstream event stream over a real HTTP connection (the JDK's server, which sends every flushed
 * write as one HTTP chunk, as model servers do): events that are already at hand when the relay reads go to the tool
 * in one send; an event is never held while the upstream is quiet; the connection serves the next stream.
 */
class EventStreamRelayTest {

    static final ObjectMapper JSON = new ObjectMapper();

    HttpServer server;
    IdleWatchdog watchdog;
    OpenAiCompatibleClient client;
    /** Per test path: what the upstream does while it answers. */
    final ConcurrentHashMap<String, Upstream> upstreams = new ConcurrentHashMap<>();
    final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    /** The length of each request body the upstream read. */
    final List<Integer> received = new CopyOnWriteArrayList<>();

    interface Upstream {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        watchdog = new IdleWatchdog();
        client = new OpenAiCompatibleClient(JSON, watchdog);
    }

    @AfterEach
    void stop() {
        client.close();
        watchdog.close();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.add(exchange.getRequestBody().readAllBytes().length);
        clientPorts.add(exchange.getRemoteAddress().getPort());
        Upstream upstream = upstreams.get(exchange.getRequestURI().getPath().split("/")[1]);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
            out.flush(); // the response head now, before any event (the server holds it until the first flush)
            upstream.answer(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush(); // one HTTP chunk
    }

    private static String text(int i) {
        return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"woord " + i
                + "\"},\"finish_reason\":null}]}";
    }

    private ModelCall call(String path) {
        ModelDefinition model = new ModelDefinition("m", null, ProviderKind.OPENAI_COMPATIBLE,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path), "m", null,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10), false, "m.yaml");
        ObjectNode body = JSON.createObjectNode().put("model", "m");
        body.putArray("messages").addObject().put("role", "user").put("content", "Hallo");
        return new ModelCall(model, body, "t-" + path);
    }

    /** A tool's connection: what the relay hands on, and every send of what was pending. */
    static class Tool implements ChunkSink {
        final List<String> log = new CopyOnWriteArrayList<>();
        final List<Integer> sends = new ArrayList<>();
        int pending;
        Runnable onOpen = () -> { };
        Runnable onSend = () -> { };

        @Override
        public void open() {
            onOpen.run();
        }

        @Override
        public void chunk(ObjectNode chunk) {
            pending(chunk);
            flush();
        }

        @Override
        public void pending(ObjectNode chunk) {
            log.add(chunk.path("choices").path(0).path("delta").path("content").asText());
            pending++;
        }

        @Override
        public void pending(RawChunk chunk) {
            log.add(chunk.plainContent());
            pending++;
        }

        @Override
        public void flush() {
            if (pending > 0) {
                sends.add(pending);
                pending = 0;
                onSend.run();
            }
        }

        @Override
        public void complete() {
            sends.add(pending); // the last events leave with [DONE]
            pending = 0;
        }
    }

    @Test
    void eventsAlreadyAtHandGoToTheToolInOneSend() {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        upstreams.put("samen", out -> {
            // the answer only after the relay has read the response head, so no event arrives with the head
            opened.await(20, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                event(out, text(i));
            }
            event(out, "[DONE]");
            out.close();
            written.countDown();
        });
        Tool tool = new Tool();
        // the relay starts reading only once the whole answer has been sent: every event is at hand, none must wait
        tool.onOpen = () -> {
            opened.countDown();
            await(written);
        };

        client.stream(call("samen"), tool);

        assertThat(tool.log).hasSize(20).first().isEqualTo("woord 0");
        assertThat(tool.sends).containsExactly(20);
    }

    @Test
    void anEventIsNeverHeldWhileTheUpstreamIsQuiet() {
        List<CountDownLatch> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(new CountDownLatch(1));
        }
        List<Boolean> reachedToolFirst = new CopyOnWriteArrayList<>();
        upstreams.put("stil", out -> {
            for (int i = 0; i < 5; i++) {
                event(out, text(i));
                // the next event only after this one reached the tool: a relay that held it would never see more
                reachedToolFirst.add(sent.get(i).await(20, TimeUnit.SECONDS));
            }
            event(out, "[DONE]");
        });
        Tool tool = new Tool();
        int[] sends = {0};
        tool.onSend = () -> sent.get(sends[0]++).countDown();

        client.stream(call("stil"), tool);

        assertThat(reachedToolFirst).containsExactly(true, true, true, true, true);
        assertThat(tool.sends).containsExactly(1, 1, 1, 1, 1, 0);
    }

    @Test
    void headsEventsAndABodyLargerThanTheConnectionsBuffersPassWhole() {
        String word = "x".repeat(OpenAiCompatibleClient.CONNECTION_BUFFER * 5);
        upstreams.put("groot", out -> {
            event(out, text(1).replace("woord 1", word));
            event(out, "[DONE]");
        });
        server.removeContext("/");
        server.createContext("/", exchange -> {
            for (int i = 0; i < 40; i++) { // a response head of about 2.5 buffers
                exchange.getResponseHeaders().set("X-Upstream-" + i, "h".repeat(OpenAiCompatibleClient.CONNECTION_BUFFER / 16));
            }
            handle(exchange);
        });
        ModelCall call = call("groot");
        call.body().withArray("messages").addObject().put("role", "user").put("content", word);
        Tool tool = new Tool();

        client.stream(call, tool);

        assertThat(tool.log).containsExactly(word);
        assertThat(received).singleElement().satisfies(n -> assertThat(n).isGreaterThan(word.length()));
    }

    @Test
    void theConnectionCarriesTheNextStreamAfterTheBodyEnded() {
        upstreams.put("weer", out -> {
            event(out, text(1));
            event(out, "[DONE]");
        });

        client.stream(call("weer"), new Tool());
        Tool second = new Tool();
        client.stream(call("weer"), second);

        assertThat(second.log).containsExactly("woord 1");
        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(1)).as("the second stream on the first one's connection").isEqualTo(clientPorts.get(0));
    }

    @Test
    void anEventStreamWhereAWholeAnswerWasAskedForIsReadToTheEndOfItsChunks() {
        upstreams.put("eigenwijs", out -> {
            event(out, text(1));
            event(out, "[DONE]");
            // the server keeps the connection open: a read to the end of the connection would wait for the timeout
        });

        // not JSON, so refused as malformed at once, not after the response timeout
        assertThatThrownBy(() -> client.reply(call("eigenwijs")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.MALFORMED));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).as("upstream wrote its answer").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
