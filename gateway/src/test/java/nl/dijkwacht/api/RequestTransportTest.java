package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import nl.dijkwacht.support.RawHttp;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * redteam46: a request body as HTTP clients can send it — compressed ({@code Content-Encoding}), chunked with trailer
 * fields, after {@code Expect: 100-continue}, with a charset other than UTF-8 — is either read and governed like any
 * other (the model gets the redacted text, never the BSN) or refused in Dutch in the OpenAI error format, audited, and
 * nothing is sent upstream.
 */
class RequestTransportTest extends ExternModelDoorsTestBase {

    private static final String BSN = "111222333";
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static byte[] request() throws Exception {
        return chat("extern", "Vat het dossier samen van de cliënt met BSN " + BSN + ".").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestPack.TOOL_KEY)
                .header("X-Dijkwacht-Use-Case", "test-velden")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> forwarded() {
        return upstream.findAll(postRequestedFor(urlEqualTo(EXTERN_CHAT))).stream().map(r -> r.getBodyAsString()).toList();
    }

    private static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] plain, boolean raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    /** The model got the request the tool meant, its BSN redacted as the use-case says. */
    private void governed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> sent = forwarded();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("Vat het dossier samen").contains("[BSN]").doesNotContain(BSN);
    }

    /** Refused in Dutch in the OpenAI error format, recorded, nothing sent upstream. */
    private JsonNode refused(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).doesNotContain("Exception", "java.", BSN);
        assertThat(forwarded()).isEmpty();
        Map<String, Object> record = auditRecord(traceId(response));
        assertThat(record.get("DECISION")).isEqualTo("refused");
        assertThat(record.get("ERROR_CODE")).isEqualTo(code);
        assertThat(record.get("TOOL_ID")).isEqualTo("test-tool");
        return error;
    }

    @Test
    void aGzipBodyIsUnpackedAndGoverned() throws Exception {
        // before redteam46: 400 invalid_encoding ("geen geldige UTF-8-tekst") for a body the tool sent correctly
        governed(send(gzip(request()), "Content-Encoding", "gzip"));
    }

    @Test
    void aDeflateBodyIsUnpackedAndGovernedInTheZlibFormatAndRaw() throws Exception {
        governed(send(deflate(request(), false), "Content-Encoding", "deflate"));
        upstream.resetRequests();
        governed(send(deflate(request(), true), "Content-Encoding", "Deflate"));
    }

    @Test
    void identityIsNoCompression() throws Exception {
        governed(send(request(), "Content-Encoding", "identity"));
    }

    @Test
    void aSmallBodyThatUnpacksPastTheLimitIsRefusedAsTooLarge() throws Exception {
        // 4 MB of spaces inside the JSON: about 4 KB compressed, over the 1 MB limit unpacked; never read in full
        String big = chat("extern", "Hallo" + " ".repeat(4 * 1024 * 1024));
        byte[] bomb = gzip(big.getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).isLessThan(64 * 1024);

        JsonNode error = refused(send(bomb, "Content-Encoding", "gzip"), 413, "request_too_large");
        assertThat(error.path("message").asText()).contains("groter dan");
    }

    @Test
    void aCodingDijkwachtCannotUnpackIsRefusedInDutch() throws Exception {
        for (String coding : List.of("br", "zstd", "gzip, br", "gzip, gzip")) {
            JsonNode error = refused(send(request(), "Content-Encoding", coding), 415, "unsupported_content_encoding");
            assertThat(error.path("message").asText()).as(coding).contains("kan", "niet uitpakken", "gzip of deflate");
        }
    }

    @Test
    void aBodyThatIsNotWhatItsCodingSaysIsRefusedInDutch() throws Exception {
        byte[] whole = gzip(request());
        for (byte[] body : List.of(request(), java.util.Arrays.copyOf(whole, whole.length / 2))) {
            JsonNode error = refused(send(body, "Content-Encoding", "gzip"), 400, "invalid_content_encoding");
            assertThat(error.path("message").asText()).contains("kon niet uitgepakt worden", "gzip");
        }
        refused(send(request(), "Content-Encoding", "deflate"), 400, "invalid_content_encoding");
    }

    @Test
    void aChunkedBodyWithTrailerFieldsIsGoverned() throws Exception {
        byte[] body = request();
        String text = new String(body, StandardCharsets.UTF_8);
        int half = text.length() / 2;
        String raw = "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + TestPack.TOOL_KEY + "\r\nX-Dijkwacht-Use-Case: test-velden\r\n"
                + "Transfer-Encoding: chunked\r\nTrailer: X-Dijkwacht-Use-Case\r\nConnection: close\r\n\r\n"
                + chunk(text.substring(0, half)) + chunk(text.substring(half))
                + "0\r\nX-Dijkwacht-Use-Case: test-algemeen\r\nX-Notitie: BSN " + BSN + "\r\n\r\n";

        String answer = RawHttp.exchange(port, raw);

        assertThat(answer).startsWith("HTTP/1.1 200");
        List<String> sent = forwarded();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("[BSN]").doesNotContain(BSN);
    }

    private static String chunk(String part) {
        // the request line is written as ISO-8859-1 by RawHttp: the chunk is the UTF-8 bytes, one char per byte
        String bytes = new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return Integer.toHexString(bytes.length()) + "\r\n" + bytes + "\r\n";
    }

    @Test
    void expectContinueIsAnsweredAndAnOversizedBodyIsRefusedBeforeItIsSent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url("/v1/chat/completions")).expectContinue(true)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestPack.TOOL_KEY)
                .header("X-Dijkwacht-Use-Case", "test-velden").POST(HttpRequest.BodyPublishers.ofByteArray(request())).build();
        governed(http.send(request, HttpResponse.BodyHandlers.ofString()));

        // only the head is sent: the answer comes before any body byte (no "100 Continue" for a body that is refused)
        String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + TestPack.TOOL_KEY + "\r\nContent-Length: 50000000\r\nExpect: 100-continue\r\n"
                + "Connection: close\r\n\r\n";
        String answer = RawHttp.exchange(port, head);
        assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue").contains("request_too_large");
    }

    @Test
    void aCharsetOtherThanUtf8IsRefusedSayingSo() throws Exception {
        byte[] latin1 = chat("extern", "Vat het dossier samen van de cliënt.").getBytes(StandardCharsets.ISO_8859_1);
        JsonNode error = refused(send(latin1, "Content-Type", "application/json; charset=iso-8859-1"), 415, "unsupported_media_type");
        // before redteam46 the message asked for 'Content-Type: application/json', which the tool had sent
        assertThat(error.path("message").asText()).contains("tekenset", "UTF-8");
    }
}
