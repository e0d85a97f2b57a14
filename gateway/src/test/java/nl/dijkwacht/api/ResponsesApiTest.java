package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.models.Model;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/responses}, {@code POST /v1/completions} and {@code GET /v1/models/{id}}, driven by the official
 * OpenAI Java SDK: the same policy as chat (personal data in {@code input} and {@code instructions} pseudonymised,
 * restored in the output items, disclaimer, audit record), JSON and the typed stream events.
 */
class ResponsesApiTest extends GatewayTestBase {

    private OpenAIClient client;

    @BeforeEach
    void sdk() {
        client = OpenAIOkHttpClient.builder().apiKey(TestPack.TOOL_KEY).baseUrl("http://127.0.0.1:" + port + "/v1")
                .maxRetries(0).build();
    }

    private static void upstreamAnswers(String content) {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"echo-7b",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":21,"completion_tokens":9,"total_tokens":30}}""".formatted(content))));
    }

    @Test
    void aResponseIsGovernedLikeAChatAndComesBackAsAValidResponseObject() throws Exception {
        upstreamAnswers("Ik schrijf [EMAIL_1] vandaag.");

        Response response = client.responses().create(ResponseCreateParams.builder().model("upstream")
                .instructions("Antwoord kort. Afzender: jan.jansen@example.nl")
                .input("Schrijf een brief aan jan.jansen@example.nl").build());

        response.validate();
        assertThat(response.id()).startsWith("resp_");
        String text = outputText(response);
        assertThat(text).startsWith("Ik schrijf jan.jansen@example.nl vandaag.").contains("AI-tekst (upstream)");
        assertThat(response.usage().orElseThrow().totalTokens()).isEqualTo(30);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].role", WireMock.equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", WireMock.containing("[EMAIL_1]")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", WireMock.equalTo("Schrijf een brief aan [EMAIL_1]")))
                .withRequestBody(WireMock.notContaining("jan.jansen@example.nl")));
        String trace = response.id().substring(5);
        Map<String, Object> audit = jdbc.queryForMap("SELECT endpoint, decision, entity_counts, http_status FROM audit_record"
                + " WHERE REPLACE(trace_id, '-', '') = ?", trace);
        assertThat(audit.get("ENDPOINT")).isEqualTo("responses");
        assertThat(audit.get("DECISION")).isEqualTo("redacted");
        assertThat((String) audit.get("ENTITY_COUNTS")).contains("\"EMAIL\":2");
    }

    @Test
    void aStreamedResponseComesAsTypedEventsWithThePlaceholdersRestored() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(uncheck(() -> ChatCompletionsStreamTest.sse(List.of("Beste ", "[EMAI", "L_1], ", "tot ziens."), true)))));
        List<String> types = new ArrayList<>();
        StringBuilder deltas = new StringBuilder();
        Response completed = null;

        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(ResponseCreateParams.builder()
                .model("upstream").input("Groet anna@example.nl").build())) {
            for (ResponseStreamEvent event : (Iterable<ResponseStreamEvent>) stream.stream()::iterator) {
                event.validate();
                types.add(type(event));
                event.outputTextDelta().ifPresent(d -> deltas.append(d.delta()));
                if (event.isCompleted()) {
                    completed = event.asCompleted().response();
                }
            }
        }

        assertThat(types).startsWith("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta");
        assertThat(types).endsWith("response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.completed");
        assertThat(deltas.toString()).startsWith("Beste anna@example.nl, tot ziens.").contains("AI-tekst (upstream)");
        assertThat(completed).isNotNull();
        assertThat(outputText(completed)).isEqualTo(deltas.toString());
        assertThat(completed.usage().orElseThrow().totalTokens()).isEqualTo(42);
    }

    @Test
    void functionCallsComeBackAsOutputItemsWithRestoredArguments() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"echo-7b",
                         "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_9","type":"function",
                           "function":{"name":"stuur_mail","arguments":"{\\"aan\\":\\"[EMAIL_1]\\"}"}}]},"finish_reason":"tool_calls"}],
                         "usage":{"prompt_tokens":30,"completion_tokens":12,"total_tokens":42}}""")));
        String body = """
                {"model":"upstream","input":[{"role":"user","content":[{"type":"input_text","text":"Mail piet@example.nl"}]}],
                 "tools":[{"type":"function","name":"stuur_mail","description":"Verstuur een mail",
                   "parameters":{"type":"object","properties":{"aan":{"type":"string"}},"required":["aan"]}}]}""";

        HttpResponse<String> r = postJson("/v1/responses", body, TestPack.TOOL_KEY);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = parse(r.body()).path("output").path(0);
        assertThat(out.path("type").asText()).isEqualTo("function_call");
        assertThat(out.path("call_id").asText()).isEqualTo("call_9");
        assertThat(parse(out.path("arguments").asText()).path("aan").asText()).isEqualTo("piet@example.nl");
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.tools[0].function.name", WireMock.equalTo("stuur_mail")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[0].text", WireMock.equalTo("Mail [EMAIL_1]"))));
    }

    @Test
    void whatCannotBeServedStatelesslyIsRefusedInDutchAndAudited() throws Exception {
        BadRequestException e = org.junit.jupiter.api.Assertions.assertThrows(BadRequestException.class, () ->
                client.responses().create(ResponseCreateParams.builder().model("upstream").input("Hallo")
                        .previousResponseId("resp_123").build()));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.code()).hasValue("unsupported_parameter");
        assertThat(e.param()).hasValue("previous_response_id");
        assertThat(e.getMessage()).contains("bewaart geen antwoorden");
        HttpResponse<String> r = postJson("/v1/responses", "{\"model\":\"upstream\",\"input\":\"x\",\"tools\":[{\"type\":\"web_search\"}]}",
                TestPack.TOOL_KEY);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(parse(r.body()).at("/error/param").asText()).isEqualTo("tools[0].type");
        Map<String, Object> audit = auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("DECISION")).isEqualTo("refused");
        assertThat(audit.get("ENDPOINT")).isEqualTo("responses");
        upstream.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void theDryRunModelShowsWhatWouldHaveBeenSentThroughTheResponsesApi() {
        Response response = client.responses().create(ResponseCreateParams.builder().model("dry-run")
                .input("Mail jan.jansen@example.nl").build());

        assertThat(outputText(response)).contains("[dry-run]").contains("[EMAIL_1]").doesNotContain("jan.jansen@example.nl");
    }

    @Test
    void legacyCompletionsAreServedThroughTheChatPathForOlderTools() {
        upstreamAnswers("Beste [EMAIL_1],");

        Completion completion = client.completions().create(CompletionCreateParams.builder()
                .model("upstream").prompt("Begin een brief aan kees@example.nl").build());

        completion.validate();
        assertThat(completion.choices().getFirst().text()).startsWith("Beste kees@example.nl,").contains("AI-tekst (upstream)");
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[0].content", WireMock.equalTo("Begin een brief aan [EMAIL_1]"))));
    }

    @Test
    void legacyCompletionsStreamAsTextCompletionChunks() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(uncheck(() -> ChatCompletionsStreamTest.sse(List.of("Een ", "begin"), true)))));
        StringBuilder text = new StringBuilder();

        try (StreamResponse<Completion> stream = client.completions().createStreaming(CompletionCreateParams.builder()
                .model("upstream").prompt("Hallo").build())) {
            stream.stream().forEach(c -> c.choices().forEach(choice -> text.append(choice.text())));
        }

        assertThat(text.toString()).startsWith("Een begin").contains("AI-tekst (upstream)");
    }

    @Test
    void completionsFeaturesAChatModelCannotHonourAreRefused() throws Exception {
        HttpResponse<String> r = postJson("/v1/completions", "{\"model\":\"upstream\",\"prompt\":\"def f(\",\"suffix\":\"return x\"}",
                TestPack.TOOL_KEY);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(parse(r.body()).at("/error/param").asText()).isEqualTo("suffix");
        upstream.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aModelCanBeRetrievedByIdOnlyWhenTheCallerMayUseIt() {
        Model model = client.models().retrieve("upstream");
        assertThat(model.id()).isEqualTo("upstream");
        assertThat(model.ownedBy()).isEqualTo("openai-compatible");

        assertThatThrownBy(() -> client.models().retrieve("niet-goedgekeurd")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.code()).hasValue("model_not_found"));
    }

    // ------------------------------------------------------------------ helpers

    private static String outputText(Response response) {
        StringBuilder text = new StringBuilder();
        for (ResponseOutputItem item : response.output()) {
            item.message().ifPresent(m -> m.content().forEach(c -> c.outputText().ifPresent(t -> text.append(t.text()))));
        }
        return text.toString();
    }

    private static String type(ResponseStreamEvent e) {
        if (e.isCreated()) {
            return "response.created";
        } else if (e.isInProgress()) {
            return "response.in_progress";
        } else if (e.isOutputItemAdded()) {
            return "response.output_item.added";
        } else if (e.isContentPartAdded()) {
            return "response.content_part.added";
        } else if (e.isOutputTextDelta()) {
            return "response.output_text.delta";
        } else if (e.isOutputTextDone()) {
            return "response.output_text.done";
        } else if (e.isContentPartDone()) {
            return "response.content_part.done";
        } else if (e.isOutputItemDone()) {
            return "response.output_item.done";
        } else if (e.isCompleted()) {
            return "response.completed";
        } else if (e.isIncomplete()) {
            return "response.incomplete";
        } else if (e.isFailed()) {
            return "response.failed";
        } else if (e.isError()) {
            return "error";
        }
        return "other";
    }

    private interface Body {
        String get() throws Exception;
    }

    private static String uncheck(Body body) {
        try {
            return body.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
