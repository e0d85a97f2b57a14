package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A quick yes for a valid chat request: the request without its messages' content against the chat schema, and each
 * message against the one message kind its {@code role} names, instead of against the any-of over all six kinds — which
 * runs (and words the errors of) every kind listed before the right one.
 *
 * <p>Only "fits" is answered here. A message that fits the kind its role names fits the any-of, and the schema without
 * {@code messages.items} is the chat schema minus exactly that constraint (the schema has no
 * {@code unevaluatedItems}/{@code unevaluatedProperties} that could read it), so a request that passes here passes the
 * full schema. Anything else — a message without a textual or known role, any problem at all — is checked again
 * against the full schema, which alone words the refusal: the Dutch texts are those of the full check by construction.
 */
final class ChatMessagesByRole {

    static final String REQUEST = "CreateChatCompletionRequest";
    static final String MESSAGE = "ChatCompletionRequestMessage";
    private static final String MESSAGE_REF = "#/$defs/" + MESSAGE;

    private final JsonSchema withoutMessageItems;
    private final Map<String, JsonSchema> messageByRole;

    /**
     * @param all the schema document as {@link RequestSchema} reads it (any-of already in place of one-of); not changed
     */
    ChatMessagesByRole(JsonSchemaFactory factory, SchemaValidatorsConfig config, ObjectNode all) {
        ObjectNode withoutItems = all.deepCopy();
        ObjectNode messages = messagesProperty(withoutItems.path("$defs").path(REQUEST));
        messages.remove("items");
        this.withoutMessageItems = RequestSchema.load(factory, config, withoutItems, REQUEST);
        this.messageByRole = new HashMap<>();
        Map<String, String> kinds = kindsByRole(all.path("$defs"));
        Map<String, JsonSchema> byKind = new HashMap<>();
        kinds.forEach((role, kind) -> messageByRole.put(role,
                byKind.computeIfAbsent(kind, k -> RequestSchema.load(factory, config, all, k))));
    }

    /** True only when {@code body} fits the full chat schema; false says nothing (check it in full). */
    boolean fits(JsonNode body) {
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray()) {
            return false;
        }
        for (JsonNode message : messages) {
            JsonSchema kind = message.get("role") instanceof JsonNode role && role.isTextual() ? messageByRole.get(role.textValue()) : null;
            if (kind == null || !kind.validate(message).isEmpty()) {
                return false;
            }
        }
        return withoutMessageItems.validate(body).isEmpty();
    }

    /** The roles this check knows, for the test. */
    Set<String> roles() {
        return messageByRole.keySet();
    }

    /** The chat request's {@code messages} property: the one whose items are the message any-of. */
    private static ObjectNode messagesProperty(JsonNode request) {
        ObjectNode found = null;
        for (JsonNode part : request.path("allOf")) {
            if (part.path("properties").path("messages") instanceof ObjectNode messages
                    && MESSAGE_REF.equals(messages.path("items").path("$ref").asText())) {
                if (found != null) {
                    throw new IllegalStateException(REQUEST + " has more than one messages property");
                }
                found = messages;
            }
        }
        if (found == null) {
            throw new IllegalStateException(REQUEST + ".messages with items " + MESSAGE_REF + " not found in " + RequestSchema.RESOURCE);
        }
        return found;
    }

    /** Role → the message kind (definition name) whose {@code role} enumeration holds it; a role in two kinds is left out. */
    static Map<String, String> kindsByRole(JsonNode defs) {
        Map<String, String> kinds = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        JsonNode branches = defs.path(MESSAGE).path("anyOf");
        if (branches.isEmpty()) {
            throw new IllegalStateException(MESSAGE + " has no any-of of message kinds in " + RequestSchema.RESOURCE);
        }
        for (JsonNode branch : branches) {
            String ref = branch.path("$ref").asText();
            if (!ref.startsWith("#/$defs/")) {
                throw new IllegalStateException(MESSAGE + " holds a kind that is not a definition: " + branch);
            }
            String kind = ref.substring("#/$defs/".length());
            for (JsonNode role : defs.path(kind).path("properties").path("role").path("enum")) {
                if (kinds.putIfAbsent(role.asText(), kind) != null) {
                    ambiguous.add(role.asText());
                }
            }
        }
        ambiguous.forEach(kinds::remove);
        return kinds;
    }
}
