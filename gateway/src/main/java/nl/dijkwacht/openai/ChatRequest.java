package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * An OpenAI chat-completions (or embeddings) request body, kept as the JSON the tool sent and governed field by field
 * through its {@link RequestFields} table: policy reaches the free text through {@link #textSlots()}, and every other
 * field through {@link #fields()}.
 */
public final class ChatRequest {

    /** Metadata keys with this prefix are meant for the gateway (audit sources, prompt template), not for the model. */
    public static final String GATEWAY_METADATA_PREFIX = "dw_";

    private final ObjectNode body;
    private final RequestFields table;
    private final java.util.Map<String, String> gatewayMetadata = new java.util.HashMap<>();

    public ChatRequest(ObjectNode body, RequestFields table) {
        this.body = body;
        this.table = table;
    }

    /** A chat request when the body has {@code messages}, else an embeddings request. */
    public ChatRequest(ObjectNode body) {
        this(body, body.has("messages") ? RequestFields.CHAT_COMPLETIONS : RequestFields.EMBEDDINGS);
    }

    public ObjectNode body() {
        return body;
    }

    public String model() {
        JsonNode m = body.get("model");
        return m != null && m.isTextual() ? m.asText() : null;
    }

    public void model(String model) {
        body.put("model", model);
    }

    public boolean stream() {
        return body.path("stream").asBoolean(false);
    }

    public boolean includeUsageInStream() {
        return body.path("stream_options").path("include_usage").asBoolean(false);
    }

    public Optional<String> user() {
        JsonNode u = body.get("user");
        return u != null && u.isTextual() && !u.asText().isBlank() ? Optional.of(u.asText()) : Optional.empty();
    }

    public Optional<JsonNode> metadata() {
        return Optional.ofNullable(body.get("metadata")).filter(JsonNode::isObject);
    }

    /** The field table this request is governed by. */
    public RequestFields table() {
        return table;
    }

    /** Every field of the request, sorted by how it is governed. Walks the body as it is now. */
    public GovernedFields fields() {
        return GovernedFields.of(body, table);
    }

    /**
     * Every text of the request that reaches the model: messages and their parts, participant names, tool and
     * function descriptions, schema descriptions and examples, stop sequences, predictions, refusals, metadata values
     * (chat); every input string (embeddings).
     */
    public List<TextSlot> textSlots() {
        return fields().texts();
    }

    /**
     * The message texts only (contents, text parts, tool-call arguments; embeddings: the inputs), in order: what the
     * audit trail hashes as "the prompt" and keeps (redacted) in its content tier.
     */
    public List<TextSlot> messageTexts() {
        List<TextSlot> slots = textSlots();
        List<TextSlot> texts = new java.util.ArrayList<>(slots.size());
        for (TextSlot s : slots) { // a loop, not a stream: every request asks (perf46)
            if (s.kind() == FieldKind.TEXT && (s.path().startsWith("messages[") || s.path().startsWith("input"))
                    && !s.path().endsWith(".refusal") && !s.path().endsWith(".filename")) {
                texts.add(s);
            }
        }
        return java.util.Collections.unmodifiableList(texts);
    }

    /** The gateway's own metadata ({@code dw_*}: sources, prompt template) as the tool sent it; never forwarded. */
    public Optional<String> gatewayMetadata(String key) {
        return Optional.ofNullable(gatewayMetadata.get(key));
    }

    /** Takes the gateway's own {@code dw_*} metadata out of the body, to keep for the audit trail. */
    public void takeGatewayMetadata() {
        if (body.get("metadata") instanceof ObjectNode metadata) {
            for (var it = metadata.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().startsWith(GATEWAY_METADATA_PREFIX)) {
                    if (e.getValue().isTextual()) {
                        gatewayMetadata.put(e.getKey(), e.getValue().asText());
                    }
                    it.remove();
                }
            }
        }
    }
}
