package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the "doors" tests share — and the other model-API tests that look at what {@code extern} received
 * (edges51): the {@code extern} model (no personal data allowed) answers through WireMock, and one chat turn is checked
 * to reach it governed, with the audit record naming the entity and holding no raw value.
 */
abstract class ExternModelDoorsTestBase extends GatewayTestBase {

    static final String EXTERN_CHAT = "/extern/v1/chat/completions";
    /** A whole chat answer, "Goed." */
    static final String ANSWER = """
            {"id":"c1","object":"chat.completion","created":1,"model":"extern-model","choices":[{"index":0,
             "message":{"role":"assistant","content":"Goed."},"finish_reason":"stop"}]}
            """;

    @BeforeEach
    void stubExternModel() {
        answerOn(EXTERN_CHAT);
    }

    /** Further upstream chat addresses (another model's) that answer {@link #ANSWER}. */
    void answerOn(String... paths) {
        for (String path : paths) {
            upstream.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ANSWER)));
        }
    }

    /** Sends {@code content} as one user turn to {@code extern}; the model and the audit record must not hold {@code raw}. */
    void assertGovernedOnTheWay(String content, String raw, String entity) throws Exception {
        var response = postJson("/v1/chat/completions", chat("extern", content), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<LoggedRequest> sent = upstream.findAll(postRequestedFor(urlEqualTo(EXTERN_CHAT)));
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getBodyAsString()).doesNotContain(raw);
        Map<String, Object> audit = auditRecord(traceId(response));
        assertThat((String) audit.get("ENTITY_COUNTS")).contains(entity);
        assertThat(recordedText(audit, traceId(response))).doesNotContain(raw);
    }

    private static final Pattern RUN_NOISE = Pattern.compile("127\\.0\\.0\\.1:\\d+|\\b\\d+ms\\b|\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z?");

    /**
     * The record's values that could carry text, with what differs per run masked: a short raw value ("214") must not
     * match a hash's identity string ({@code [B@214e5337}), the row id, the trace id, the WireMock port, a duration or a
     * timestamp.
     */
    static String recordedText(Map<String, Object> audit, String traceId) {
        String text = audit.values().stream()
                .filter(v -> !(v instanceof byte[] || v instanceof Number || v instanceof java.util.Date))
                .map(String::valueOf)
                .collect(Collectors.joining(", "))
                .replace(traceId, "<trace>");
        return RUN_NOISE.matcher(text).replaceAll("<run>");
    }

    static String traceId(HttpResponse<String> response) {
        return response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
    }
}
