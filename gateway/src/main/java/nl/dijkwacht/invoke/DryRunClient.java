package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import nl.dijkwacht.catalog.ProviderKind;

/**
 * The built-in model that needs no network: it answers with exactly the text a real model would have
 * received, after policy (so personal data shows as placeholders). Useful to administrators, and honest
 * about what it is: its answers start with a line saying so.
 */
public final class DryRunClient implements ModelClient {

    static final String HEADER = "[dry-run] Dit is geen modelantwoord. Een model zou precies dit hebben ontvangen:";
    private static final int STREAM_PIECE = 16;
    /** Dimensions of a vector when the request names none (the dry run has no model whose size it could copy). */
    static final int DIMENSIONS = 32;
    /**
     * The most {@code dimensions} the dry run gives, as many as OpenAI's largest embedding model has. The request schema
     * sets no upper bound (the model does), so without this a tool could make the gateway allocate gigabytes.
     */
    static final int MAX_DIMENSIONS = 3072;
    /** OpenAI's upper bound on {@code n}. */
    private static final int MAX_CHOICES = 128;

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

    /** As many choices as the request's {@code n} asks for, each the same text (what the model would receive). */
    @Override
    public ObjectNode reply(ModelCall call) {
        String text = render(call.body());
        int n = choices(call.body());
        ObjectNode reply = objects.completion("chatcmpl-dryrun-" + call.traceId(), call.model().id(), text, "stop",
                promptTokens(call.body()), countTokens(text) * n);
        ArrayNode choices = (ArrayNode) reply.get("choices");
        for (int i = 1; i < n; i++) {
            choices.add(((ObjectNode) choices.get(0).deepCopy()).put("index", i));
        }
        return reply;
    }

    /** Streamed like OpenAI streams {@code n} choices: each chunk carries one choice, by its index. */
    @Override
    public void stream(ModelCall call, ChunkSink sink) {
        String text = render(call.body());
        int n = choices(call.body());
        String id = "chatcmpl-dryrun-" + call.traceId();
        String model = call.model().id();
        sink.open();
        for (int i = 0; i < n; i++) {
            sink.chunk(objects.roleChunk(id, model, i));
        }
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + STREAM_PIECE);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            for (int i = 0; i < n; i++) {
                sink.chunk(objects.contentChunk(id, model, i, text.substring(start, end)));
            }
            start = end;
        }
        for (int i = 0; i < n; i++) {
            sink.chunk(objects.finishChunk(id, model, i, "stop"));
        }
        sink.chunk(objects.usageChunk(id, model, promptTokens(call.body()), countTokens(text) * n));
        sink.complete();
    }

    /**
     * One vector per input, derived from the text (the same text gives the same vector), of the asked
     * {@code dimensions} (default {@value #DIMENSIONS}) and of unit length as OpenAI's are; as a list of numbers, or with
     * {@code encoding_format: base64} as the base64 of the little-endian 32-bit floats, as OpenAI sends them.
     */
    @Override
    public ObjectNode embed(ModelCall call) {
        ObjectNode reply = json.createObjectNode();
        reply.put("object", "list");
        reply.put("model", call.model().id());
        ArrayNode data = reply.putArray("data");
        JsonNode input = call.body().path("input");
        JsonNode asked = call.body().path("dimensions");
        if (asked.isNumber() && (!asked.canConvertToInt() || asked.asInt() > MAX_DIMENSIONS)) {
            throw new UpstreamException(UpstreamException.Kind.UNSUPPORTED,
                    "'dimensions' mag hoogstens " + MAX_DIMENSIONS + " zijn (zoveel als het grootste embeddingmodel van OpenAI)");
        }
        int dimensions = asked.canConvertToInt() && asked.asInt() > 0 ? asked.asInt() : DIMENSIONS;
        boolean base64 = "base64".equals(call.body().path("encoding_format").asText());
        int index = 0;
        int tokens = 0;
        for (JsonNode item : input.isArray() ? input : json.createArrayNode().add(input)) {
            String text = item.asText();
            tokens += countTokens(text);
            ObjectNode entry = data.addObject();
            entry.put("object", "embedding");
            entry.put("index", index++);
            float[] vector = vector(text, dimensions);
            if (base64) {
                ByteBuffer bytes = ByteBuffer.allocate(4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : vector) {
                    bytes.putFloat(v);
                }
                entry.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
            } else {
                ArrayNode numbers = entry.putArray("embedding");
                for (float v : vector) {
                    numbers.add(v);
                }
            }
        }
        reply.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return reply;
    }

    /** Numbers from SHA-256 of the text and a counter, scaled to unit length. */
    static float[] vector(String text, int dimensions) {
        float[] vector = new float[dimensions];
        byte[] seed = text.getBytes(StandardCharsets.UTF_8);
        double sum = 0;
        int filled = 0;
        for (int block = 0; filled < dimensions; block++) {
            byte[] hash = sha256(seed, block);
            for (int i = 0; i < hash.length && filled < dimensions; i++) {
                vector[filled] = hash[i] / 128f;
                sum += vector[filled] * vector[filled];
                filled++;
            }
        }
        float norm = sum == 0 ? 1 : (float) Math.sqrt(sum);
        for (int i = 0; i < dimensions; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    /** The request's {@code n} (1 when absent); the schema check already bounds it to OpenAI's range. */
    private static int choices(JsonNode body) {
        int n = body.path("n").asInt(1);
        return Math.max(1, Math.min(n, MAX_CHOICES));
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

    private static byte[] sha256(byte[] text, int block) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(text);
            if (block > 0) {
                digest.update(ByteBuffer.allocate(4).putInt(block).array());
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
