package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The model answers with a recording of OpenAI's wire format (src/test/resources/wire/openai); a stream's chunks read back. */
final class RecordedAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedAnswers() {
    }

    /** The upstream's chat completions answer with {@code recording} (a {@code .sse} file as an event stream). */
    static void answer(WireMockServer upstream, String recording) throws Exception {
        answer(upstream, "openai", recording);
    }

    /** The same with a recording of another provider's wire format ({@code provider}: a directory under wire/). */
    static void answer(WireMockServer upstream, String provider, String recording) throws Exception {
        boolean stream = recording.endsWith(".sse");
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", stream ? "text/event-stream" : "application/json")
                .withBody(Files.readString(Path.of("src/test/resources/wire", provider, recording)))));
    }

    /** The stream's chunks, parsed (without {@code [DONE]}). */
    static List<JsonNode> chunks(HttpResponse<String> r) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : r.body().lines().filter(l -> l.startsWith("data: ") && !l.equals("data: [DONE]")).toList()) {
            chunks.add(JSON.readTree(line.substring(6)));
        }
        return chunks;
    }
}
