package nl.dijkwacht.api;

import java.util.Locale;
import java.util.Set;

/**
 * The shape of a model-API address for the audit record of a call to an endpoint Dijkwacht does not offer: each path
 * segment that is a word of the OpenAI API (or of Dijkwacht's own {@code /v1/dijkwacht} endpoints) is kept, every
 * other segment becomes {@code {id}} — so {@code /v1/files/file-abc/content} is recorded as
 * {@code /v1/files/{id}/content} and no value a tool put in a path (an id, a name, a number) reaches the audit store.
 */
final class AddressShape {

    private static final int MAX_SEGMENTS = 8;

    /** Resource and action names of the OpenAI API's paths, and of Dijkwacht's tool endpoints. */
    private static final Set<String> WORDS = Set.of(
            "v1", "chat", "completions", "embeddings", "responses", "models", "audio", "speech", "transcriptions",
            "translations", "images", "generations", "edits", "variations", "files", "content", "uploads", "parts",
            "complete", "cancel", "batches", "moderations", "fine_tuning", "fine-tunes", "jobs", "events",
            "checkpoints", "permissions", "pause", "resume", "alpha", "graders", "run", "validate", "assistants",
            "threads", "messages", "runs", "steps", "submit_tool_outputs", "vector_stores", "file_batches", "search",
            "input_items", "input_tokens", "compact", "realtime", "sessions", "transcription_sessions",
            "client_secrets", "calls", "accept", "reject", "refer", "hangup", "conversations", "items", "containers",
            "evals", "output_items", "videos", "remix", "characters", "organization", "usage", "costs", "audit_logs",
            "admin_api_keys", "projects", "users", "invites", "api_keys", "service_accounts", "rate_limits",
            "certificates", "engines", "skills", "versions", "chatkit", "dijkwacht", "reviews", "feedback", "refusals",
            "flag",
            // the start of another provider's or version's path, where a misconfigured base URL leads (answer47)
            "openai", "deployments", "api", "v2");

    private AddressShape() {
    }

    /** {@code path} (without the query, as sent) with every segment that is not an API word replaced by {@code {id}}. */
    static String of(String path) {
        StringBuilder shape = new StringBuilder();
        String[] segments = path.split("/", -1);
        int shown = 0;
        for (int i = 1; i < segments.length; i++) {
            if (shown == MAX_SEGMENTS) {
                shape.append("/…");
                break;
            }
            String segment = segments[i];
            shape.append('/').append(segment.isEmpty() || WORDS.contains(segment.toLowerCase(Locale.ROOT))
                    ? segment.toLowerCase(Locale.ROOT) : "{id}");
            shown++;
        }
        return shape.isEmpty() ? "/" : shape.toString();
    }
}
