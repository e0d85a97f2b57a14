package nl.dijkwacht.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the gateway talks to a model. */
public enum ProviderKind {
    /** OpenAI wire format passed through: vLLM (LoRA adapters by name), Ollama, llama.cpp server, OpenAI. */
    OPENAI_COMPATIBLE("openai-compatible"),
    /** Azure OpenAI: deployments, {@code api-version}, {@code api-key} header or a Microsoft Entra ID token. */
    AZURE_OPENAI("azure-openai"),
    /** Mistral La Plateforme: the OpenAI wire format with Mistral's parameter names ({@code random_seed}, no {@code user}). */
    MISTRAL("mistral"),
    /** Anthropic Messages API through the LangChain4j adapter, served on the OpenAI surface. */
    ANTHROPIC("anthropic"),
    /** Built in: answers with exactly the text a real model would have received. Needs no network. */
    DRY_RUN("dry-run");

    private final String yamlName;

    ProviderKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** Whether the gateway's OpenAI-format client serves it (with this provider's dialect). */
    public boolean openAiWire() {
        return this == OPENAI_COMPATIBLE || this == AZURE_OPENAI || this == MISTRAL;
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
        throw new IllegalArgumentException("unknown provider '" + value
                + "' (expected openai-compatible, azure-openai, mistral, anthropic or dry-run)");
    }
}
