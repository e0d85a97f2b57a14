package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dijkwacht.openai.ParamPath;

/**
 * What a model's error answer says, as the provider wrote it: its message (cut to 300 characters) and the request
 * parameter it names, in the provider's own parameter names. The wire formats read:
 * {@code {"error":{"message","param"}}} (OpenAI, Azure OpenAI, Ollama, newer vLLM; Anthropic's
 * {@code {"type":"error","error":{"type","message"}}} without a param), {@code {"object":"error","message","param"}}
 * (older vLLM, Mistral) and the validation errors of FastAPI servers such as Mistral's
 * ({@code "message":{"detail":[{"loc","msg"}]}}, also {@code "detail":[…]}), whose first entry gives message and
 * location. A validation entry's {@code input} (what the tool sent) is never read.
 */
record ProviderError(String message, ParamPath param) {

    static final int MESSAGE_LIMIT = 300;

    static ProviderError of(JsonNode node) {
        if (node == null) {
            return new ProviderError(null, null);
        }
        JsonNode error = node.path("error");
        if (error.isTextual()) {
            return new ProviderError(cut(error.asText()), null);
        }
        if (error.path("message").isTextual()) {
            return new ProviderError(cut(error.path("message").asText()), param(error));
        }
        JsonNode message = node.path("message");
        if (message.isTextual()) {
            return new ProviderError(cut(message.asText()), param(node));
        }
        JsonNode detail = message.path("detail").isArray() ? message.path("detail")
                : node.path("detail").isArray() ? node.path("detail") : message;
        JsonNode first = detail.isArray() && !detail.isEmpty() ? detail.get(0) : null;
        if (first != null && first.path("msg").isTextual()) {
            return new ProviderError(cut(first.path("msg").asText()), ParamPath.ofLocation(first.get("loc")));
        }
        return new ProviderError(null, null);
    }

    private static ParamPath param(JsonNode error) {
        JsonNode param = error.path("param");
        return param.isTextual() ? ParamPath.parse(param.asText()) : null;
    }

    private static String cut(String message) {
        return message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "…" : message;
    }
}
