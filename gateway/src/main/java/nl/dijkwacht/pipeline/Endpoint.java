package nl.dijkwacht.pipeline;

/** Which OpenAI operation a request is. */
public enum Endpoint {
    CHAT_COMPLETIONS("chat.completions"),
    /** The Responses API; served as a chat request after translation ({@code openai.responses}). */
    RESPONSES("responses"),
    /** The legacy completions API; served as a chat request after translation ({@code openai.completions}). */
    COMPLETIONS("completions"),
    EMBEDDINGS("embeddings"),
    MODELS("models"),
    /**
     * An address under {@code /v1/} that Dijkwacht does not offer (an OpenAI endpoint it does not serve, such as
     * {@code /v1/audio/speech}), or a method the address does not take: only ever refused (404/405), and recorded
     * only for a caller whose key or token was accepted.
     */
    UNSUPPORTED("unsupported");

    private final String auditName;

    Endpoint(String auditName) {
        this.auditName = auditName;
    }

    public String auditName() {
        return auditName;
    }

    /** Whether the answer is text written by a model for a person (disclaimer, human review, output scan). */
    public boolean producesText() {
        return this == CHAT_COMPLETIONS || this == RESPONSES || this == COMPLETIONS;
    }
}
