package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ToolChoice;
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
import nl.dijkwacht.openai.ParamPath;

/**
 * Serves Anthropic models on the OpenAI surface through LangChain4j: OpenAI messages become LangChain4j
 * messages, the answer (whole or streamed) comes back as OpenAI {@code chat.completion(.chunk)} objects.
 * Supported as Anthropic supports them: system prompts, function tools (definitions, {@code tool_choice} auto /
 * required / none, assistant tool calls and tool results in the conversation, tool calls in the answer), images
 * (data URLs and https URLs) and the common sampling parameters. {@code max_tokens} — which Anthropic requires —
 * comes from the request, else the model's {@code max-output-tokens}, else {@value #DEFAULT_MAX_TOKENS}. What
 * Anthropic cannot do ({@code response_format}, {@code n} > 1, audio, files) is refused with a clear error rather
 * than silently dropped.
 */
public final class AnthropicClient implements ModelClient {

    static final int DEFAULT_MAX_TOKENS = 4096;

    private final ObjectMapper json;
    private final OpenAiObjects objects;
    /** One LangChain4j model per catalogue entry and upstream base URL. */
    private record Target(ModelDefinition model, java.net.URI baseUrl) {
    }

    private final Map<Target, AnthropicChatModel> models = new ConcurrentHashMap<>();
    private final Map<Target, AnthropicStreamingChatModel> streamingModels = new ConcurrentHashMap<>();

    public AnthropicClient(ObjectMapper json) {
        this.json = json;
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
            throw translate(e, call);
        }
        String id = "chatcmpl-" + (response.id() != null ? response.id() : call.traceId());
        TokenUsage usage = response.tokenUsage();
        ObjectNode reply = objects.completion(id, call.model().id(), response.aiMessage().text(), finishReason(response.finishReason()),
                inputTokens(usage), outputTokens(usage));
        if (response.aiMessage().hasToolExecutionRequests()) {
            ObjectNode message = (ObjectNode) reply.at("/choices/0/message");
            message.set("tool_calls", toolCalls(response.aiMessage().toolExecutionRequests(), false));
        }
        return reply;
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
            throw translate(e, call);
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
                throw translate(error, call);
            }
            if (!opened) {
                sink.open();
                sink.chunk(objects.roleChunk(id, call.model().id()));
                opened = true;
            }
            if (event instanceof String partial) {
                sink.chunk(objects.contentChunk(id, call.model().id(), partial));
            } else if (event instanceof ChatResponse response) {
                if (response.aiMessage().hasToolExecutionRequests()) {
                    ObjectNode chunk = objects.contentChunk(id, call.model().id(), "");
                    ObjectNode delta = (ObjectNode) chunk.at("/choices/0/delta");
                    delta.remove("content");
                    delta.set("tool_calls", toolCalls(response.aiMessage().toolExecutionRequests(), true));
                    sink.chunk(chunk);
                }
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
        throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED, "Anthropic-modellen bieden geen embeddings");
    }

    private ChatRequest toLangChain4j(JsonNode body) {
        for (String unsupported : List.of("response_format", "n", "audio", "modalities", "functions", "function_call")) {
            if (body.has(unsupported) && !body.get(unsupported).isNull()
                    && !(unsupported.equals("n") && body.get("n").asInt() == 1)) {
                throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                        "Dijkwacht ondersteunt de parameter '" + unsupported + "' niet voor Anthropic-modellen");
            }
        }
        Map<String, String> toolNames = new java.util.HashMap<>();
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            switch (message.path("role").asText()) {
                case "system", "developer" -> messages.add(SystemMessage.from(textOf(message.path("content"))));
                case "user" -> messages.add(userMessage(message.path("content")));
                case "assistant" -> messages.add(assistantMessage(message, toolNames));
                case "tool" -> messages.add(ToolExecutionResultMessage.from(message.path("tool_call_id").asText(),
                        toolNames.getOrDefault(message.path("tool_call_id").asText(), ""), textOf(message.path("content"))));
                default -> throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                        "Dijkwacht ondersteunt de berichtrol '" + message.path("role").asText() + "' niet voor Anthropic-modellen");
            }
        }
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        tools(body, request);
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

    /** Function tools become tool specifications; {@code tool_choice} auto, required or none. */
    private static void tools(JsonNode body, ChatRequest.Builder request) {
        JsonNode tools = body.get("tools");
        if (tools == null || !tools.isArray() || tools.isEmpty()) {
            return;
        }
        List<ToolSpecification> specifications = new ArrayList<>();
        for (JsonNode tool : tools) {
            if (!"function".equals(tool.path("type").asText())) {
                throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                        "Dijkwacht ondersteunt het tooltype '" + tool.path("type").asText() + "' niet voor Anthropic-modellen");
            }
            JsonNode function = tool.path("function");
            specifications.add(ToolSpecification.builder()
                    .name(function.path("name").asText())
                    .description(function.path("description").asText(null))
                    .parameters(ToolSchemas.parameters(function.get("parameters")))
                    .build());
        }
        request.toolSpecifications(specifications);
        JsonNode choice = body.get("tool_choice");
        if (choice != null && choice.isTextual()) {
            request.toolChoice(switch (choice.asText()) {
                case "required" -> ToolChoice.REQUIRED;
                case "none" -> ToolChoice.NONE;
                default -> ToolChoice.AUTO;
            });
        } else if (choice != null && !choice.isNull()) {
            throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                    "Dijkwacht ondersteunt een 'tool_choice' die één functie noemt niet voor Anthropic-modellen");
        }
    }

    private static UserMessage userMessage(JsonNode content) {
        if (content.isTextual()) {
            return UserMessage.from(content.asText());
        }
        List<Content> contents = new ArrayList<>();
        for (JsonNode part : content) {
            switch (part.path("type").asText()) {
                case "text" -> contents.add(TextContent.from(part.path("text").asText()));
                case "image_url" -> contents.add(image(part.path("image_url").path("url").asText()));
                default -> throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                        "Dijkwacht ondersteunt het inhoudsdeel '" + part.path("type").asText() + "' niet voor Anthropic-modellen");
            }
        }
        return UserMessage.from(contents);
    }

    /** A data URL ({@code data:image/png;base64,…}) or an https URL, as Anthropic's image blocks take them. */
    private static ImageContent image(String url) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring(5, comma);
            if (!header.endsWith(";base64")) {
                throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED, "een afbeelding moet een base64-data-URL of een https-URL zijn");
            }
            return ImageContent.from(url.substring(comma + 1), header.substring(0, header.length() - ";base64".length()));
        }
        if (url.startsWith("https://")) {
            return ImageContent.from(java.net.URI.create(url));
        }
        throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED, "een afbeelding moet een base64-data-URL of een https-URL zijn");
    }

    private static AiMessage assistantMessage(JsonNode message, Map<String, String> toolNames) {
        JsonNode content = message.path("content");
        String text = content.isMissingNode() || content.isNull() ? null : textOf(content);
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            String id = call.path("id").asText();
            String name = call.path("function").path("name").asText();
            toolNames.put(id, name);
            calls.add(ToolExecutionRequest.builder().id(id).name(name).arguments(call.path("function").path("arguments").asText("{}")).build());
        }
        AiMessage.Builder ai = AiMessage.builder();
        if (text != null && !text.isEmpty()) {
            ai.text(text);
        }
        if (!calls.isEmpty()) {
            ai.toolExecutionRequests(calls);
        }
        return ai.build();
    }

    /** LangChain4j tool calls as OpenAI {@code tool_calls} (with {@code index} in stream deltas). */
    private ArrayNode toolCalls(List<ToolExecutionRequest> requests, boolean indexed) {
        ArrayNode calls = objects.array();
        for (int i = 0; i < requests.size(); i++) {
            ToolExecutionRequest r = requests.get(i);
            ObjectNode call = calls.addObject();
            if (indexed) {
                call.put("index", i);
            }
            call.put("id", r.id()).put("type", "function");
            call.putObject("function").put("name", r.name()).put("arguments", r.arguments() == null ? "{}" : r.arguments());
        }
        return calls;
    }

    private static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!part.path("text").isTextual()) {
                throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                        "Dijkwacht ondersteunt het inhoudsdeel '" + part.path("type").asText() + "' hier niet voor Anthropic-modellen");
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
                .maxTokens(maxTokens(model))
                .build();
    }

    private AnthropicStreamingChatModel buildStreamingModel(Target target) {
        ModelDefinition model = target.model();
        return AnthropicStreamingChatModel.builder()
                .baseUrl(target.baseUrl().toString() + "/")
                .apiKey(model.apiKey().orElse("not-configured"))
                .modelName(model.upstreamModel())
                .timeout(model.responseTimeout())
                .maxTokens(maxTokens(model))
                .build();
    }

    /** Anthropic requires {@code max_tokens}: the model's {@code max-output-tokens}, unless the request names its own. */
    private static int maxTokens(ModelDefinition model) {
        Integer max = model.serving().maxOutputTokens();
        return max == null ? DEFAULT_MAX_TOKENS : max;
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

    private UpstreamException translate(Throwable error, ModelCall call) {
        if (error instanceof UpstreamException upstream) {
            return upstream;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                // LangChain4j's message is the answer's body: {"type":"error","error":{"type","message"}}
                ProviderError answer = errorAnswer(http.getMessage());
                return new UpstreamException(UpstreamException.Kind.ERROR_STATUS, http.statusCode(), answer.message(),
                        requestParam(call.body(), namedParam(answer.message())), error, null, false);
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

    private ProviderError errorAnswer(String body) {
        try {
            return ProviderError.of(body == null ? null : json.readTree(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ProviderError.of(null);
        }
    }

    /** Anthropic has no {@code param}: its message starts with the parameter's path ({@code "max_tokens: 10000 > 4096, …"}). */
    static ParamPath namedParam(String message) {
        int colon = message == null ? -1 : message.indexOf(": ");
        return colon > 0 ? ParamPath.parse(message.substring(0, colon)) : null;
    }

    /**
     * A parameter of the Messages API by its name in the chat request this client was given: {@code stop_sequences} is
     * {@code stop}, {@code max_tokens} the request's {@code max_completion_tokens} when it sent that one (and no one's
     * when the catalogue's {@code max-output-tokens} filled it in); {@code system} and {@code messages} are
     * {@code messages} — system messages are taken out of the list, so its indexes differ — and {@code tools} keep only
     * their name (a tool's schema sits elsewhere in each format).
     */
    static ParamPath requestParam(JsonNode request, ParamPath param) {
        if (param == null) {
            return null;
        }
        ParamPath named = switch (param.field()) {
            case "max_tokens" -> request.hasNonNull("max_completion_tokens") ? param.as("max_completion_tokens") : param;
            case "stop_sequences" -> param.fieldOnly("stop");
            case "system", "messages" -> param.fieldOnly("messages");
            case "tools" -> param.fieldOnly("tools");
            default -> param;
        };
        return named.sentIn(request);
    }
}
