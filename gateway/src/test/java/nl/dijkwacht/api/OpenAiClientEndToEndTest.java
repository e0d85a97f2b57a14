package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/** A real OpenAI client library (LangChain4j's) pointed at the gateway works unchanged, streaming included. */
class OpenAiClientEndToEndTest extends GatewayTestBase {

    @Test
    void langChain4jOpenAiClientGetsARestoredAnswer() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"x","object":"chat.completion","created":1,"model":"echo-7b",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Geachte [EMAIL_1],"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}
                        """)));
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .apiKey(TestPack.TOOL_KEY)
                .modelName("upstream")
                .build();

        String answer = model.chat("Begin een brief aan k.yilmaz@example.nl");

        assertThat(answer).startsWith("Geachte k.yilmaz@example.nl,").contains("AI-tekst (upstream)");
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("[EMAIL_1]")));
    }

    @Test
    void langChain4jStreamingClientGetsTheRestoredStream() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(ChatCompletionsStreamTest.sse(ChatCompletionsStreamTest.smallPieces("Geachte [EMAIL_1], hierbij"), true))));
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .apiKey(TestPack.TOOL_KEY)
                .modelName("upstream")
                .build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        StringBuilder partials = new StringBuilder();

        model.chat("Begin een brief aan k.yilmaz@example.nl", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        ChatResponse response = done.get(20, TimeUnit.SECONDS);
        assertThat(partials.toString()).startsWith("Geachte k.yilmaz@example.nl, hierbij").contains("AI-tekst (upstream)");
        assertThat(response.aiMessage().text()).isEqualTo(partials.toString());
        assertThat(List.of(response.finishReason().name())).containsExactly("STOP");
    }
}
