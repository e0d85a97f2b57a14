package nl.dijkwacht.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the gateway talks to a model. */
public enum ProviderKind {
    /** OpenAI wire format passed through: vLLM, Ollama, llama.cpp server, Azure OpenAI, Mistral, OpenAI. */
    OPENAI_COMPATIBLE("openai-compatible"),
    /** Anthropic Messages API through the LangChain4j adapter, served on the OpenAI surface. */
    ANTHROPIC("anthropic"),
    /** Built in: answers with exactly the text a real model would have received. Needs no network. */
    DRY_RUN("dry-run");

    private final String yamlName;

    ProviderKind(String yamlName) {
        this.yamlName = yamlName;
    }

    @JsonValue
    public String yamlName() {
        return yamlName;
    }

    @JsonCreator
    public static ProviderKind fromYaml(String value) {
        for (ProviderKind kind : values()) {
            if (kind.yamlName.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + value + "' (expected openai-compatible, anthropic or dry-run)");
    }
}
