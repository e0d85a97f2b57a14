package nl.dijkwacht.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request deadline bounds retries: a Retry-After that does not fit is not waited for, a passed deadline calls
 * nothing. A pooled connection the server had closed is the gateway's problem, not the server's: the request goes out
 * again on a new connection and the breaker hears of no failure; a new connection closed without an answer is one.
 */
class ModelInvokerTest {

    static final WireMockServer upstream = new WireMockServer(options().dynamicPort());
    static final ObjectMapper JSON = new ObjectMapper();

    IdleWatchdog watchdog;
    OpenAiCompatibleClient client;
    ModelInvoker invoker;
    final List<String> outcomes = new ArrayList<>();
    final ModelInvoker.Attempts attempts = (model, upstream, outcome, millis) -> outcomes.add(outcome);

    @BeforeAll
    static void start() {
        upstream.start();
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    @BeforeEach
    void invoker() {
        upstream.resetAll();
        watchdog = new IdleWatchdog();
        client = new OpenAiCompatibleClient(JSON, watchdog);
        invoker = new ModelInvoker(new ModelClients(List.of(client)), new UpstreamPool(),
                new RetrySettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 1));
    }

    @AfterEach
    void close() {
        client.close();
        watchdog.close();
    }

    /** One server path per test, so a late answer of one test can never count in another. */
    private ModelDefinition model(String path) {
        return new ModelDefinition("m-" + path, null, ProviderKind.OPENAI_COMPATIBLE, URI.create(upstream.baseUrl() + "/" + path), "m", null,
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5), false, "m.yaml");
    }

    private static ObjectNode body() {
        ObjectNode body = JSON.createObjectNode().put("model", "m");
        body.putArray("messages").addObject().put("role", "user").put("content", "Hallo");
        return body;
    }

    @Test
    void aRetryAfterLongerThanWhatIsLeftOfTheDeadlineIsNotWaitedFor() {
        upstream.stubFor(post(urlEqualTo("/lang/chat/completions")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "60")));

        // a deadline far longer than one call takes even on a loaded machine, far shorter than the Retry-After, which
        // itself is within what the settings would wait for: only the deadline can be why it is not waited for
        ModelInvoker invoker = new ModelInvoker(new ModelClients(List.of(client)), new UpstreamPool(),
                new RetrySettings(Duration.ofSeconds(30), Duration.ofSeconds(120), 1));
        assertThatThrownBy(() -> invoker.reply(model("lang"), body(), "t1", Deadline.in(Duration.ofSeconds(20)), attempts))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.status()).isEqualTo(503));

        upstream.verify(1, postRequestedFor(urlEqualTo("/lang/chat/completions")));
        assertThat(outcomes).containsExactly("error_status:503");
    }

    @Test
    void aRetryAfterThatFitsIsWaitedForOnce() {
        upstream.stubFor(post(urlEqualTo("/kort/chat/completions")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        assertThatThrownBy(() -> invoker.reply(model("kort"), body(), "t2", Deadline.in(Duration.ofSeconds(10)), attempts))
                .isInstanceOf(UpstreamException.class);

        upstream.verify(2, postRequestedFor(urlEqualTo("/kort/chat/completions")));
        assertThat(outcomes).containsExactly("error_status:429", "error_status:429");
    }

    @Test
    void aPassedDeadlineCallsNothing() {
        assertThatThrownBy(() -> invoker.reply(model("voorbij"), body(), "t3", Deadline.in(Duration.ZERO), attempts))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT));

        upstream.verify(0, postRequestedFor(urlEqualTo("/voorbij/chat/completions")));
        assertThat(outcomes).isEmpty();
    }

    @Test
    void theResponseTimeoutOfACallIsCutToWhatIsLeftOfTheDeadline() {
        upstream.stubFor(post(urlEqualTo("/traag/chat/completions")).willReturn(aResponse().withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        assertThatThrownBy(() -> invoker.reply(model("traag"), body(), "t4", Deadline.in(Duration.ofMillis(500)), attempts))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT));

        assertThat(outcomes).containsExactly("timeout");
    }

    @Test
    void aReplyWhoseBodyStallsAfterItsHeadersIsATimeout() {
        // the headers at once, then the body in two parts 2 s apart: longer than the 800 ms left of the deadline
        upstream.stubFor(post(urlEqualTo("/stokt/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"choices\":[]}").withChunkedDribbleDelay(2, 4000)));

        assertThatThrownBy(() -> invoker.reply(model("stokt"), body(), "t5", Deadline.in(Duration.ofMillis(800)), attempts))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT));

        assertThat(outcomes).containsExactly("timeout");
    }

    @Test
    void aRequestOnAPooledConnectionTheServerHadClosedGoesOutAgainOnANewConnectionAndIsNoFailure() {
        // the second request arrives on the kept-alive connection of the first, and the server closes it unanswered,
        // as a server does that closed an idle connection just before the gateway reused it
        String path = "/gesloten/chat/completions";
        upstream.stubFor(post(urlEqualTo(path)).inScenario("keep-alive").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}"))
                .willSetStateTo("closed-while-pooled"));
        upstream.stubFor(post(urlEqualTo(path)).inScenario("keep-alive").whenScenarioStateIs("closed-while-pooled")
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("answering"));
        upstream.stubFor(post(urlEqualTo(path)).inScenario("keep-alive").whenScenarioStateIs("answering")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        ModelDefinition model = model("gesloten");

        invoker.reply(model, body(), "t5", Deadline.in(Duration.ofSeconds(20)), attempts);
        invoker.reply(model, body(), "t6", Deadline.in(Duration.ofSeconds(20)), attempts);

        upstream.verify(3, postRequestedFor(urlEqualTo(path)));
        assertThat(outcomes).containsExactly("ok", "ok");
        assertThat(invoker.pool().of(model).getFirst().breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    /**
     * A server that answers one request per connection and then closes it, as a server with a short idle timeout does
     * (uvicorn, under vLLM, closes after 5 s): the gateway's pooled connection is closed by the time of the next call.
     */
    private static final class ClosesAfterEachAnswer implements AutoCloseable {
        final java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        final Thread acceptor = Thread.ofVirtual().start(this::serve);

        ClosesAfterEachAnswer() throws java.io.IOException {
        }

        private void serve() {
            while (!server.isClosed()) {
                try (java.net.Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                            java.nio.charset.StandardCharsets.ISO_8859_1));
                    int length = 0;
                    for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    for (int i = 0; i < length && in.read() >= 0; i++) { }
                    answered.incrementAndGet(); // before the write: the client may read the answer before a later count
                    socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 2\r\nConnection: keep-alive\r\n\r\n{}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                } catch (java.io.IOException e) {
                    // the next connection
                }
            }
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1");
        }

        @Override
        public void close() throws Exception {
            server.close();
            acceptor.join(5_000);
        }
    }

    @Test
    void aPooledConnectionTheServerClosedWhileItWasIdleIsReplacedWithoutAFailure() throws Exception {
        // pooled connections are not checked before reuse (the check waited 1 ms on every healthy one): one the server
        // closed while it sat in the pool fails unanswered and the request goes out again on a new connection
        try (ClosesAfterEachAnswer server = new ClosesAfterEachAnswer()) {
            ModelDefinition model = new ModelDefinition("m-sluit", null, ProviderKind.OPENAI_COMPATIBLE, server.base(), "m", null,
                    Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5), false, "m.yaml");

            invoker.reply(model, body(), "t8", Deadline.in(Duration.ofSeconds(20)), attempts);
            Thread.sleep(1_200); // idle longer than the check used to wait for, so neither way is it checked by time
            invoker.reply(model, body(), "t9", Deadline.in(Duration.ofSeconds(20)), attempts);

            assertThat(outcomes).containsExactly("ok", "ok");
            assertThat(server.answered.get()).isEqualTo(2);
            assertThat(server.connections.get()).isEqualTo(2);
            assertThat(invoker.pool().of(model).getFirst().breaker().getMetrics().getNumberOfFailedCalls()).isZero();
        }
    }

    @Test
    void aNewConnectionClosedWithoutAnAnswerIsAFailureAndIsNotSentAgain() {
        upstream.stubFor(post(urlEqualTo("/stil/chat/completions")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        ModelDefinition model = model("stil");

        assertThatThrownBy(() -> invoker.reply(model, body(), "t7", Deadline.in(Duration.ofSeconds(20)), attempts))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.UNREACHABLE));

        upstream.verify(1, postRequestedFor(urlEqualTo("/stil/chat/completions")));
        assertThat(outcomes).containsExactly("unreachable");
        assertThat(invoker.pool().of(model).getFirst().breaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void aStreamTheToolHangsUpOnPartWayIsOneCallEndedClientDisconnectedThatCountsNoFailure() {
        upstream.stubFor(post(urlEqualTo("/weg/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(sse("Een ", "antwoord ", "dat ", "niemand ", "leest"))));
        ModelDefinition model = model("weg");

        assertThatThrownBy(() -> invoker.stream(model, body(), "t8", Deadline.in(Duration.ofSeconds(20)), attempts,
                new OpenedStream(new HangsUpAfter(2, () -> new ClientGoneException(new java.io.IOException("Broken pipe"))))))
                .isInstanceOf(ClientGoneException.class);

        upstream.verify(1, postRequestedFor(urlEqualTo("/weg/chat/completions")));
        assertThat(outcomes).containsExactly(ModelInvoker.CLIENT_DISCONNECTED);
        var breaker = invoker.pool().of(model).getFirst().breaker().getMetrics();
        assertThat(breaker.getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getNumberOfSuccessfulCalls()).isZero();
        assertThat(invoker.pool().of(model).getFirst().inFlight()).isZero();
    }

    @Test
    void aStreamTheGatewayItselfFailsOnIsOneCallEndedGatewayErrorNotClientDisconnected() {
        upstream.stubFor(post(urlEqualTo("/fout/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(sse("Een ", "antwoord"))));
        ModelDefinition model = model("fout");

        assertThatThrownBy(() -> invoker.stream(model, body(), "t9", Deadline.in(Duration.ofSeconds(20)), attempts,
                new OpenedStream(new HangsUpAfter(1, () -> new IllegalStateException("a defect in the gateway")))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(outcomes).containsExactly(ModelInvoker.GATEWAY_ERROR);
        assertThat(invoker.pool().of(model).getFirst().breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private static String sse(String... pieces) {
        StringBuilder body = new StringBuilder();
        for (String piece : pieces) {
            ObjectNode chunk = JSON.createObjectNode().put("id", "c").put("object", "chat.completion.chunk");
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", piece);
            body.append("data: ").append(chunk).append("\n\n");
        }
        return body.append("data: [DONE]\n\n").toString();
    }

    /** A tool's stream that takes {@code chunks} chunks and then fails the way {@code failure} says. */
    private static final class HangsUpAfter implements ChunkSink {
        private final int chunks;
        private final java.util.function.Supplier<RuntimeException> failure;
        private int seen;

        HangsUpAfter(int chunks, java.util.function.Supplier<RuntimeException> failure) {
            this.chunks = chunks;
            this.failure = failure;
        }

        @Override
        public void open() {
        }

        @Override
        public void chunk(ObjectNode chunk) {
            if (++seen > chunks) {
                throw failure.get();
            }
        }

        @Override
        public void complete() {
            throw new AssertionError("the tool hung up before the end");
        }
    }
}
