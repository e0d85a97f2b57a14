package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import nl.dijkwacht.catalog.ProviderKind;

/**
 * The built-in model that needs no network: it answers with exactly the text a real model would have
 * received, after policy (so personal data shows as placeholders). Useful to administrators, and honest
 * about what it is: its answers start with a line saying so.
 */
public final class DryRunClient implements ModelClient {

    static final String HEADER = "[dry-run] Dit is geen modelantwoord. Een model zou precies dit hebben ontvangen:";
    private static final int STREAM_PIECE = 16;

    private final ObjectMapper json;
    private final OpenAiObjects objects;
    private final TokenCounter tokens;

    public DryRunClient(ObjectMapper json, TokenCounter tokens) {
        this.json = json;
        this.objects = new OpenAiObjects(json);
        this.tokens = tokens;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.DRY_RUN;
    }

    @Override
    public ObjectNode reply(ModelCall call) {
        String text = render(call.body());
        return objects.completion("chatcmpl-dryrun-" + call.traceId(), call.model().id(), text, "stop",
                promptTokens(call.body()), countTokens(text));
    }

    @Override
    public void stream(ModelCall call, ChunkSink sink) {
        String text = render(call.body());
        String id = "chatcmpl-dryrun-" + call.traceId();
        String model = call.model().id();
        sink.open();
        sink.chunk(objects.roleChunk(id, model));
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + STREAM_PIECE);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            sink.chunk(objects.contentChunk(id, model, text.substring(start, end)));
            start = end;
        }
        sink.chunk(objects.finishChunk(id, model, "stop"));
        sink.chunk(objects.usageChunk(id, model, promptTokens(call.body()), countTokens(text)));
        sink.complete();
    }

    @Override
    public ObjectNode embed(ModelCall call) {
        ObjectNode reply = json.createObjectNode();
        reply.put("object", "list");
        reply.put("model", call.model().id());
        ArrayNode data = reply.putArray("data");
        JsonNode input = call.body().path("input");
        int index = 0;
        int tokens = 0;
        for (JsonNode item : input.isArray() ? input : json.createArrayNode().add(input)) {
            String text = item.asText();
            tokens += countTokens(text);
            ObjectNode entry = data.addObject();
            entry.put("object", "embedding");
            entry.put("index", index++);
            ArrayNode vector = entry.putArray("embedding");
            for (byte b : sha256(text)) {
                vector.add(b / 128.0);
            }
        }
        reply.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return reply;
    }

    /** The conversation as the model would see it: one block per message, role first; then the tool definitions. */
    String render(JsonNode body) {
        StringBuilder out = new StringBuilder(HEADER).append("\n");
        for (JsonNode message : body.path("messages")) {
            out.append("\n[").append(message.path("role").asText("?")).append("]\n");
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                out.append(content.asText()).append('\n');
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    if (part.path("text").isTextual()) {
                        out.append(part.path("text").asText()).append('\n');
                    } else {
                        out.append("<").append(part.path("type").asText("onderdeel")).append(">\n");
                    }
                }
            }
            for (JsonNode call : message.path("tool_calls")) {
                out.append("<tool_call ").append(call.path("function").path("name").asText())
                        .append(' ').append(call.path("function").path("arguments").asText()).append(">\n");
            }
        }
        // their descriptions and schemas reach the model too (after policy), so they are shown as sent
        JsonNode tools = body.path("tools");
        if (tools.isArray() && !tools.isEmpty()) {
            out.append("\n[tools]\n");
            for (JsonNode tool : tools) {
                out.append(tool).append('\n');
            }
        }
        return out.toString();
    }

    private int promptTokens(JsonNode body) {
        return countTokens(body.path("messages").toString());
    }

    private int countTokens(String text) {
        return tokens.count(text);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
