package nl.dijkwacht.openai.completions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import nl.dijkwacht.openai.FieldPath;
import nl.dijkwacht.openai.ParamPath;
import nl.dijkwacht.openai.UnsupportedField;

/**
 * A legacy completions request ({@code POST /v1/completions}, for older tools) turned into the chat-completions
 * request it means: the {@code prompt} becomes one user message and the model's chat endpoint answers (so the
 * model's chat template applies). What a chat endpoint cannot do faithfully is refused rather than faked:
 * {@code suffix} (fill-in-the-middle), {@code echo}, {@code logprobs}, {@code best_of} above 1, token-id prompts and
 * several prompts in one request.
 */
public final class CompletionsRequest {

    private static final Set<String> PASSED = Set.of("model", "max_tokens", "temperature", "top_p", "n", "stream", "stop",
            "presence_penalty", "frequency_penalty", "seed", "user", "logit_bias", "metadata");
    private static final Set<String> HANDLED = Set.of("prompt", "stream_options", "suffix", "echo", "logprobs", "best_of");

    private CompletionsRequest() {
    }

    /** @throws UnsupportedField for a field or value the gateway does not serve */
    public static ObjectNode toChat(ObjectNode body, ObjectMapper json) {
        var names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!PASSED.contains(name) && !HANDLED.contains(name)) {
                String shown = FieldPath.shown(name);
                throw unsupported("unknown_field", "Dijkwacht kent het veld '" + shown + "' van de completions-API niet"
                        + " en stuurt niets door dat het niet kan controleren." + FieldPath.hiddenNote(shown), shown);
            }
        }
        if (body.hasNonNull("suffix") && !body.path("suffix").asText().isEmpty()) {
            throw unsupported("unsupported_parameter", "'suffix' (tekst invullen tussen twee stukken) wordt niet ondersteund.", "suffix");
        }
        if (body.path("echo").asBoolean(false)) {
            throw unsupported("unsupported_parameter", "'echo' wordt niet ondersteund.", "echo");
        }
        if (body.hasNonNull("logprobs")) {
            throw unsupported("unsupported_parameter", "'logprobs' wordt niet ondersteund.", "logprobs");
        }
        if (body.path("best_of").asInt(1) > 1) {
            throw unsupported("unsupported_parameter", "'best_of' groter dan 1 wordt niet ondersteund; gebruik 'n'.", "best_of");
        }
        ObjectNode chat = json.createObjectNode();
        for (String name : PASSED) {
            if (body.has(name)) {
                chat.set(name, body.get(name));
            }
        }
        chat.putArray("messages").addObject().put("role", "user").put("content", prompt(body.get("prompt")));
        JsonNode options = body.get("stream_options");
        if (options != null && options.isObject()) {
            chat.set("stream_options", options);
        }
        return chat;
    }

    /**
     * A parameter of the chat request {@link #toChat} made, by its name in the completions request {@code sent}: the
     * messages are its {@code prompt}, the other fields passed as they were; {@code null} for what the tool did not send.
     */
    public static String toolParam(ObjectNode sent, ParamPath chatParam) {
        if (chatParam == null) {
            return null;
        }
        ParamPath named = chatParam.field().equals("messages") ? chatParam.fieldOnly("prompt") : chatParam;
        ParamPath param = named.sentIn(sent);
        return param == null ? null : param.toString();
    }

    private static String prompt(JsonNode prompt) {
        if (prompt != null && prompt.isTextual()) {
            return prompt.asText();
        }
        if (prompt != null && prompt.isArray() && prompt.size() == 1 && prompt.get(0).isTextual()) {
            return prompt.get(0).asText();
        }
        if (prompt != null && prompt.isArray() && prompt.size() > 1) {
            throw unsupported("unsupported_parameter", "Stuur één prompt per verzoek; meerdere prompts tegelijk worden niet"
                    + " ondersteund.", "prompt");
        }
        throw unsupported("invalid_type", "Het veld 'prompt' moet tekst zijn (geen token-id's), zodat persoonsgegevens"
                + " gecontroleerd kunnen worden.", "prompt");
    }

    private static UnsupportedField unsupported(String code, String message, String param) {
        return new UnsupportedField(code, message, param);
    }
}
