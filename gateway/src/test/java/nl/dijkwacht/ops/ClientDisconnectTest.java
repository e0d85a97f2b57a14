package nl.dijkwacht.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/** "The record tells what the caller got": a tool that hangs up while the model works is recorded as such. */
class ClientDisconnectTest extends GatewayTestBase {

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
