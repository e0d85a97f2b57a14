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
    private final TokenCounter tokens;

    public DryRunClient(ObjectMapper json, TokenCounter tokens) {
        this.json = json;
        this.tokens = tokens;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.DRY_RUN;
    }

    @Override
    public ObjectNode reply(ModelCall call) {
        String text = render(call.body());
        ObjectNode reply = json.createObjectNode();
        reply.put("id", "chatcmpl-dryrun-" + call.traceId());
        reply.put("object", "chat.completion");
        reply.put("created", System.currentTimeMillis() / 1000);
        reply.put("model", call.model().id());
        ObjectNode choice = reply.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", text);
        choice.put("finish_reason", "stop");
        reply.set("usage", usage(call.body(), text));
        return reply;
    }

    @Override
    public void stream(ModelCall call, ChunkSink sink) {
        String text = render(call.body());
        sink.open();
        String id = "chatcmpl-dryrun-" + call.traceId();
        ObjectNode first = chunk(id, call);
        first.withArray("choices").addObject().put("index", 0).putObject("delta").put("role", "assistant").put("content", "");
        sink.chunk(first);
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + STREAM_PIECE);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            ObjectNode piece = chunk(id, call);
            piece.withArray("choices").addObject().put("index", 0).putObject("delta").put("content", text.substring(start, end));
            sink.chunk(piece);
            start = end;
        }
        ObjectNode last = chunk(id, call);
        ObjectNode finish = last.withArray("choices").addObject().put("index", 0);
        finish.putObject("delta");
        finish.put("finish_reason", "stop");
        sink.chunk(last);
        ObjectNode usage = chunk(id, call);
        usage.putArray("choices");
        usage.set("usage", usage(call.body(), text));
        sink.chunk(usage);
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

    /** The conversation as the model would see it: one block per message, role first. */
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
        return out.toString();
    }

    private ObjectNode chunk(String id, ModelCall call) {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", System.currentTimeMillis() / 1000);
        chunk.put("model", call.model().id());
        return chunk;
    }

    private ObjectNode usage(JsonNode body, String answer) {
        int prompt = countTokens(body.path("messages").toString());
        int completion = countTokens(answer);
        return json.createObjectNode()
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
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
