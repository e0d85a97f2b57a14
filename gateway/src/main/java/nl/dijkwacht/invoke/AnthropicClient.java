package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;

/**
 * Serves Anthropic models on the OpenAI surface through LangChain4j: OpenAI messages become LangChain4j
 * messages, the answer (whole or streamed) comes back as OpenAI {@code chat.completion(.chunk)} objects.
 * Text conversations with the common sampling parameters are supported; tools and images are refused with
 * a clear error rather than silently dropped.
 */
public final class AnthropicClient implements ModelClient {

    private final OpenAiObjects objects;
    /** One LangChain4j model per catalogue entry and upstream base URL. */
    private record Target(ModelDefinition model, java.net.URI baseUrl) {
    }

    private final Map<Target, AnthropicChatModel> models = new ConcurrentHashMap<>();
    private final Map<Target, AnthropicStreamingChatModel> streamingModels = new ConcurrentHashMap<>();

    public AnthropicClient(ObjectMapper json) {
        this.objects = new OpenAiObjects(json);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.ANTHROPIC;
    }

    @Override
    public ObjectNode reply(ModelCall call) {
        ChatRequest request = toLangChain4j(call.body());
        ChatResponse response;
        try {
            response = models.computeIfAbsent(new Target(call.model(), call.baseUrl()), this::buildModel).chat(request);
        } catch (RuntimeException e) {
            throw translate(e);
        }
        String id = "chatcmpl-" + (response.id() != null ? response.id() : call.traceId());
        TokenUsage usage = response.tokenUsage();
        return objects.completion(id, call.model().id(), response.aiMessage().text(), finishReason(response.finishReason()),
                inputTokens(usage), outputTokens(usage));
    }

    @Override
    public void stream(ModelCall call, ChunkSink sink) {
        ChatRequest request = toLangChain4j(call.body());
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        Object complete = new Object();
        try {
            streamingModels.computeIfAbsent(new Target(call.model(), call.baseUrl()), this::buildStreamingModel).chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    events.add(partial);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    events.add(response);
                    events.add(complete);
                }

                @Override
                public void onError(Throwable error) {
                    events.add(error);
                }
            });
        } catch (RuntimeException e) {
            throw translate(e);
        }
        String id = "chatcmpl-" + call.traceId();
        boolean opened = false;
        long idleMillis = call.model().streamIdleTimeout().toMillis();
        while (true) {
            Object event;
            try {
                event = events.poll(idleMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpstreamException(UpstreamException.Kind.STREAM_CUT, null, "interrupted", e);
            }
            if (event == null) {
                throw new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "stream idle too long", null);
            }
            if (event instanceof Throwable error) {
                throw translate(error);
            }
            if (!opened) {
                sink.open();
                sink.chunk(objects.roleChunk(id, call.model().id()));
                opened = true;
            }
            if (event instanceof String partial) {
                sink.chunk(objects.contentChunk(id, call.model().id(), partial));
            } else if (event instanceof ChatResponse response) {
                sink.chunk(objects.finishChunk(id, call.model().id(), finishReason(response.finishReason())));
                TokenUsage usage = response.tokenUsage();
                sink.chunk(objects.usageChunk(id, call.model().id(), inputTokens(usage), outputTokens(usage)));
            } else if (event == complete) {
                sink.complete();
                return;
            }
        }
    }

    @Override
    public ObjectNode embed(ModelCall call) {
        throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED, "Anthropic models do not offer embeddings");
    }

    private ChatRequest toLangChain4j(JsonNode body) {
        for (String unsupported : List.of("tools", "functions", "response_format", "n")) {
            if (body.has(unsupported) && !body.get(unsupported).isNull()
                    && !(unsupported.equals("n") && body.get("n").asInt() == 1)) {
                throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                        "parameter '" + unsupported + "' is not supported for Anthropic models by this gateway");
            }
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String text = textOf(message.path("content"));
            switch (message.path("role").asText()) {
                case "system", "developer" -> messages.add(SystemMessage.from(text));
                case "user" -> messages.add(UserMessage.from(text));
                case "assistant" -> messages.add(AiMessage.from(text));
                default -> throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                        "message role '" + message.path("role").asText() + "' is not supported for Anthropic models by this gateway");
            }
        }
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (body.hasNonNull("temperature")) {
            request.temperature(body.get("temperature").asDouble());
        }
        if (body.hasNonNull("top_p")) {
            request.topP(body.get("top_p").asDouble());
        }
        JsonNode maxTokens = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        if (maxTokens != null && !maxTokens.isNull()) {
            request.maxOutputTokens(maxTokens.asInt());
        }
        JsonNode stop = body.get("stop");
        if (stop != null && stop.isTextual()) {
            request.stopSequences(List.of(stop.asText()));
        } else if (stop != null && stop.isArray()) {
            List<String> sequences = new ArrayList<>();
            stop.forEach(s -> sequences.add(s.asText()));
            request.stopSequences(sequences);
        }
        return request.build();
    }

    private static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!part.path("text").isTextual()) {
                throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                        "content part '" + part.path("type").asText() + "' is not supported for Anthropic models by this gateway");
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(part.path("text").asText());
        }
        return text.toString();
    }

    private AnthropicChatModel buildModel(Target target) {
        ModelDefinition model = target.model();
        return AnthropicChatModel.builder()
                .baseUrl(target.baseUrl().toString() + "/")
                .apiKey(model.apiKey().orElse("not-configured"))
                .modelName(model.upstreamModel())
                .timeout(model.responseTimeout())
                .maxRetries(0)
                .maxTokens(1024)
                .build();
    }

    private AnthropicStreamingChatModel buildStreamingModel(Target target) {
        ModelDefinition model = target.model();
        return AnthropicStreamingChatModel.builder()
                .baseUrl(target.baseUrl().toString() + "/")
                .apiKey(model.apiKey().orElse("not-configured"))
                .modelName(model.upstreamModel())
                .timeout(model.responseTimeout())
                .maxTokens(1024)
                .build();
    }

    private static int inputTokens(TokenUsage usage) {
        return usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    }

    private static int outputTokens(TokenUsage usage) {
        return usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    }

    private static String finishReason(FinishReason reason) {
        if (reason == null) {
            return "stop";
        }
        return switch (reason) {
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
            case TOOL_EXECUTION -> "tool_calls";
            default -> "stop";
        };
    }

    private static UpstreamException translate(Throwable error) {
        if (error instanceof UpstreamException upstream) {
            return upstream;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return new UpstreamException(UpstreamException.Kind.ERROR_STATUS, http.statusCode(), null, error);
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return new UpstreamException(UpstreamException.Kind.TIMEOUT, null, "timeout", error);
            }
            if (t instanceof ConnectException) {
                return new UpstreamException(UpstreamException.Kind.UNREACHABLE, null, "connection refused", error, null, true);
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return new UpstreamException(UpstreamException.Kind.MALFORMED, null, "malformed answer", error);
            }
        }
        return new UpstreamException(UpstreamException.Kind.UNREACHABLE, null, "upstream failed", error);
    }
}
