package nl.dijkwacht.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "The record tells what the caller got": a tool that hangs up while the model works is recorded as such. */
class ClientDisconnectTest extends GatewayTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void aToolThatHangsUpPartWayThroughAStreamIsRecordedWithTheUpstreamCallItLeft() throws Exception {
        // forty events dribbled over eight seconds: the tool reads the first and resets the connection while the
        // model is still writing; the next event the gateway passes on cannot be written
        StringBuilder sse = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            var chunk = json.createObjectNode().put("id", "c").put("object", "chat.completion.chunk").put("model", "echo-7b");
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", "stuk " + i + " ");
            sse.append("data: ").append(json.writeValueAsString(chunk)).append("\n\n");
        }
        sse.append("data: [DONE]\n\n");
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(sse.toString()).withChunkedDribbleDelay(40, 8000)));
        double disconnectedBefore = upstreamCalls("client_disconnected");
        byte[] body = """
                {"model":"upstream","stream":true,"messages":[{"role":"user","content":"Schrijf een lang verhaal"}]}"""
                .getBytes(StandardCharsets.UTF_8);

        String traceId;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestPack.TOOL_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String received = readUntil(socket.getInputStream(), "stuk 0");
            Matcher trace = Pattern.compile("(?i)X-Dijkwacht-Trace-Id: (\\S+)").matcher(received);
            assertThat(trace.find()).as(received).isTrue();
            traceId = trace.group(1);
            socket.setSoLinger(true, 0); // the tool aborts: RST, so the gateway's next write fails at once
        }

        List<Map<String, Object>> records = List.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline) && records.isEmpty()) {
            Thread.sleep(100);
            records = jdbc.queryForList("SELECT * FROM audit_record WHERE trace_id = ?", traceId);
        }
        // a stream is recorded once, at its end: what the tool got, and the upstream call it walked away from
        assertThat(records).hasSize(1);
        Map<String, Object> record = records.getFirst();
        assertThat(record.get("ERROR_CODE")).isEqualTo("client_disconnected");
        assertThat(record.get("HTTP_STATUS")).isEqualTo(499);
        assertThat(record.get("STREAMED")).isEqualTo(true);
        assertThat(record.get("DECISION")).isEqualTo("failed");
        assertThat(record.get("RULE")).isEqualTo("client:disconnected");
        assertThat(record.get("UPSTREAM_STATUS")).isEqualTo(200);
        String upstreamLabel = "127.0.0.1:" + upstream.port() + "/v1";
        assertThat((String) record.get("ROUTE_UPSTREAM")).isEqualTo(upstreamLabel);
        assertThat((String) record.get("ROUTE_SUMMARY")).contains("upstream@" + upstreamLabel + ":client_disconnected ")
                .doesNotContain(":ok ").doesNotContain("gateway_error");
        // the metrics keep the same outcome, once for this call
        Instant metricDeadline = Instant.now().plus(Duration.ofSeconds(5));
        while (upstreamCalls("client_disconnected") == disconnectedBefore && Instant.now().isBefore(metricDeadline)) {
            Thread.sleep(50);
        }
        assertThat(upstreamCalls("client_disconnected")).isEqualTo(disconnectedBefore + 1);
    }

    private double upstreamCalls(String outcome) {
        var timer = meters.find("dijkwacht.upstream.latency").tags("model", "upstream", "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    /** Reads what the gateway sent until {@code marker} appears (headers and the first events). */
    private static String readUntil(InputStream in, String marker) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!seen.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no " + marker + " within 10 s: " + seen.toString(StandardCharsets.UTF_8), e);
            }
            if (n < 0) {
                throw new AssertionError("the stream ended before " + marker + ": " + seen.toString(StandardCharsets.UTF_8));
            }
            seen.write(buffer, 0, n);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aToolThatClosesTheConnectionWhileTheModelWorksIsRecordedAsClientDisconnected() throws Exception {
        hangUpAndCheck(false);
    }

    @Test
    void aToolThatResetsTheConnectionWhileTheModelWorksIsRecordedAsClientDisconnected() throws Exception {
        hangUpAndCheck(true);
    }

    private void hangUpAndCheck(boolean reset) throws Exception {
        // "stall": a model with a 5 s response timeout, so a busy CI machine does not turn the slow answer into a timeout
        upstream.stubFor(post(urlEqualTo("/v1/stall/chat/completions")).willReturn(aResponse().withFixedDelay(600)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"echo-7b",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Een antwoord dat niemand leest."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":8,"completion_tokens":6,"total_tokens":14}}""")));
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_record", Long.class);
        byte[] body = chat("stall", "Vat dit samen").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            if (reset) {
                socket.setSoLinger(true, 0); // close with RST, as an aborted client often does; else a normal FIN
            }
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestPack.TOOL_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Thread.sleep(150); // the model is still working when the tool gives up
        }

        List<Map<String, Object>> records = List.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            records = jdbc.queryForList("SELECT * FROM audit_record WHERE seq > ? ORDER BY seq", before);
            if (records.stream().anyMatch(r -> "client_disconnected".equals(r.get("ERROR_CODE")))) {
                break;
            }
            Thread.sleep(100);
        }
        // one trace, two records: the answer the gateway released (committed before writing it), then what became of it
        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> r.get("TRACE_ID")).containsOnly(records.getFirst().get("TRACE_ID"));
        assertThat(records.getFirst().get("HTTP_STATUS")).isEqualTo(200);
        Map<String, Object> delivery = records.getLast();
        assertThat(delivery.get("ERROR_CODE")).isEqualTo("client_disconnected");
        assertThat(delivery.get("HTTP_STATUS")).isEqualTo(499);
        assertThat(delivery.get("RULE")).isEqualTo("client:disconnected-before-answer");
        assertThat(delivery.get("DECISION")).isEqualTo("failed");
    }
}
