package nl.dijkwacht.pipeline;

/** Which OpenAI operation a request is. */
public enum Endpoint {
    CHAT_COMPLETIONS("chat.completions"),
    EMBEDDINGS("embeddings"),
    MODELS("models");

    private final String auditName;

    Endpoint(String auditName) {
        this.auditName = auditName;
    }

    public String auditName() {
        return auditName;
    }
}
