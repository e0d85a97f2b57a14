package nl.dijkwacht.openai;

import java.util.Set;

/**
 * The fields of a chat answer (a {@code chat.completion} and a {@code chat.completion.chunk}) that the gateway knows, at
 * the three levels where servers put their own: the answer, a choice, a choice's message (or a chunk's delta). Under
 * {@code pii.output: redact} only these pass (docs/adr/0014): every field here is either scanned where it carries the
 * model's text (content, refusal, reasoning, tool calls, a spoken answer's transcript, citations' titles) or carries no
 * text the model wrote (ids, counts, the serving provider's name, content-filter verdicts). A field that is not here —
 * OpenRouter's {@code reasoning_details}, LiteLLM's {@code thinking_blocks} and {@code provider_specific_fields}, Azure's
 * {@code context} — is dropped there ({@code response.UnknownFieldsUnderRedact}); a stream event that has one is not a
 * plain text event ({@code invoke.PlainEvents}), so the fast path never lets it by.
 */
public final class AnswerFields {

    /**
     * The answer's own fields: OpenAI's ({@code obfuscation} pads stream chunks), Azure's {@code prompt_filter_results},
     * OpenRouter's {@code provider}, Groq's {@code x_groq} (a request id and queue times), llama.cpp's {@code timings}
     * (token counts and speeds, in every event), an upstream {@code error}, the gateway's own extension, a search model's
     * lists ({@link #SEARCH}), Perplexity's stream {@code type} ({@code message}, {@code info}, {@code end_of_stream}) and
     * {@code status} ({@code PENDING}, {@code COMPLETED}; its SDK's {@code StreamChunk}, edges50).
     */
    public static final Set<String> ANSWER = Set.of("id", "object", "created", "model", "choices", "usage",
            "system_fingerprint", "service_tier", "obfuscation", "prompt_filter_results", "provider", "x_groq", "error",
            "dijkwacht", "citations", "search_results", "images", "related_questions", "timings", "type", "status");

    /**
     * A search model's lists beside the answer (Perplexity): URLs, and titles, snippets and questions that are scanned
     * ({@code response.SearchResults}, answer49). Part of {@link #ANSWER}; an event with one is never a plain text event.
     */
    public static final Set<String> SEARCH = Set.of("citations", "search_results", "images", "related_questions");

    /**
     * A choice's: OpenAI's, Azure's {@code content_filter_results} and (asynchronous filter: the stretch of the answer a
     * verdict covers, in character offsets) {@code content_filter_offsets}, vLLM's {@code stop_reason} (the stop string the tool
     * sent, or a token id), OpenRouter's {@code native_finish_reason}.
     */
    public static final Set<String> CHOICE = Set.of("index", "message", "delta", "finish_reason", "logprobs",
            "content_filter_results", "content_filter_offsets", "stop_reason", "native_finish_reason");

    /** A message's and a delta's: OpenAI's, and the reasoning texts vLLM/DeepSeek and Ollama/OpenRouter send (scanned). */
    public static final Set<String> MESSAGE = Set.of("role", "content", "refusal", "tool_calls", "function_call", "audio",
            "annotations", "reasoning_content", "reasoning");

    private AnswerFields() {
    }
}
