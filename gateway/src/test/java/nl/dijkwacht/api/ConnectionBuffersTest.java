package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.RawHttp;
import nl.dijkwacht.support.TestPack;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The gateway's port with 4 KB connection buffers ({@link SmallBufferHttp11Protocol}): the buffers as configured, the
 * limits as they were, and requests and answers many buffers long still passing whole.
 */
class ConnectionBuffersTest extends GatewayTestBase {

    /** Lower-case Dutch without personal data, with two-byte characters, so that reads split them. */
    private static final String SENTENCE = "de aanvraag voor één parkeervergunning wordt beëindigd of binnen twee weken beoordeeld; ";

    @Autowired
    WebServerApplicationContext context;

    private Connector connector() {
        return ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    }

    private static String text(int bytes) {
        return SENTENCE.repeat(bytes / SENTENCE.getBytes(StandardCharsets.UTF_8).length + 1);
    }

    @Test
    void theSocketAndResponseBuffersAreFourKilobytesAndTheLimitsAreAsSet() {
        Connector connector = connector();
        assertThat(connector.getProtocolHandler()).isInstanceOf(SmallBufferHttp11Protocol.class);
        assertThat(connector.getProperty("socket.appReadBufSize")).isEqualTo("4096");
        assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo("4096");
        // the servlet response each connection's processor gets
        assertThat(connector.createResponse(new org.apache.coyote.Response()).getBufferSize()).isEqualTo(4096);

        AbstractHttp11Protocol<?> http = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        assertThat(http.getMaxHttpRequestHeaderSize()).isEqualTo(32 * 1024); // auth28: application.yaml, was Tomcat's 8 KB
        assertThat(http.getMaxHttpResponseHeaderSize()).isEqualTo(8 * 1024);
        assertThat(http.getMaxTrailerSize()).isEqualTo(8 * 1024);
        assertThat(http.getMaxSwallowSize()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void theRequestHeaderLimitIsThirtyTwoKilobytesAcrossManyReads() throws Exception {
        assertThat(RawHttp.exchange(port, requestWithHeadersOf(32_000))).startsWith("HTTP/1.1 200");
        String tooLarge = RawHttp.exchange(port, requestWithHeadersOf(33_100));
        assertThat(tooLarge).matches("(?s)HTTP/1.1 431 .*");
    }

    /** A models request whose request line and headers, up to and including the empty line, are {@code total} bytes. */
    private static String requestWithHeadersOf(int total) {
        String head = "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestPack.TOOL_KEY
                + "\r\nConnection: close\r\nX-Notitie: ";
        String end = "\r\n\r\n";
        return head + "x".repeat(total - head.length() - end.length()) + end;
    }

    @Test
    void aRequestOfManyBuffersReachesTheModelWholeWithADeclaredLengthAndChunked() throws Exception {
        String prompt = text(100_000);
        byte[] body = chat("upstream", prompt).getBytes(StandardCharsets.UTF_8);
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(jsonAnswer("goed"))));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        for (HttpRequest.BodyPublisher publisher : List.of(HttpRequest.BodyPublishers.ofByteArray(body),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))) {
            upstream.resetRequests();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/v1/chat/completions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestPack.TOOL_KEY)
                    .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            String sent = upstream.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).getFirst().getBodyAsString();
            assertThat(parse(sent).at("/messages/0/content").asText()).isEqualTo(prompt);
        }
    }

    @Test
    void aStreamedAnswerOfManyBuffersReachesTheToolWhole() throws Exception {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            pieces.add(i + " " + SENTENCE);
        }
        pieces.add(200, text(10_000)); // one event larger than every buffer on its way
        String answer = String.join("", pieces);
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(ChatCompletionsStreamTest.sse(pieces, true))));

        HttpResponse<String> response = postJson("/v1/chat/completions", """
                {"model":"upstream","stream":true,"messages":[{"role":"user","content":"schrijf een lange brief"}]}
                """, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = sseData(response.body());
        assertThat(events.getLast()).isEqualTo("[DONE]");
        StringBuilder content = new StringBuilder();
        for (String data : events.subList(0, events.size() - 1)) {
            for (JsonNode choice : parse(data).path("choices")) {
                content.append(choice.path("delta").path("content").asText(""));
            }
        }
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(content.toString()).isEqualTo(answer + "\n\n---\nAI-tekst (upstream), trace " + trace);
    }

    @Test
    void anAnswerOfManyBuffersKeepsItsDeclaredLength() throws Exception {
        String answer = text(20_000);
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(jsonAnswer(answer))));

        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(url("/v1/chat/completions")).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestPack.TOOL_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(chat("upstream", "schrijf een lange brief"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).contains(String.valueOf(response.body().length));
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(parse(new String(response.body(), StandardCharsets.UTF_8)).at("/choices/0/message/content").asText())
                .isEqualTo(answer + "\n\n---\nAI-tekst (upstream), trace " + trace);
    }

    private static String jsonAnswer(String content) throws Exception {
        var answer = json.createObjectNode().put("id", "c").put("object", "chat.completion").put("created", 1).put("model", "echo-7b");
        answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        return json.writeValueAsString(answer);
    }
}
