package nl.dijkwacht.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which field of an OpenAI request is governed how: a table from field paths to {@link FieldKind}. A field that is not
 * in the table is refused (fail closed), so a field OpenAI adds later cannot reach a model unnoticed;
 * {@code RequestSchemaCoverageTest} checks the table against every string field of the official request schema.
 *
 * <p>Paths are written {@code messages[].content[].text}: {@code []} stands for any element of an array, {@code *} for
 * any key of a map. A field may be a leaf (string, number, boolean, null) and a container at once ({@code content} is
 * a string or a list of parts). {@link FieldKind#METADATA} and {@link FieldKind#SCHEMA} govern their whole subtree.
 */
public final class RequestFields {

    private final Node root;

    private RequestFields(Node root) {
        this.root = root;
    }

    /** {@code POST /v1/chat/completions}, after the OpenAI API reference (CreateChatCompletionRequest). */
    public static final RequestFields CHAT_COMPLETIONS = chatCompletions();

    /** {@code POST /v1/embeddings} (CreateEmbeddingRequest). */
    public static final RequestFields EMBEDDINGS = new Builder()
            .field("model", FieldKind.PASS)
            .field("input", FieldKind.TEXT)
            .field("input[]", FieldKind.TEXT)
            .field("encoding_format", FieldKind.PASS)
            .field("dimensions", FieldKind.PASS)
            .field("user", FieldKind.PSEUDONYM)
            .build();

    /**
     * {@code POST /v1/responses} (CreateResponse), checked on the body as sent before it is translated into a chat
     * request ({@code ResponsesRequest}): a field not in this table is refused, at any depth. Text and function-calling conversations — messages with text, image
     * and file parts, function calls and their outputs, reasoning summaries, function and web-search tools, structured
     * output. Everything that keeps or fetches state at the provider or runs tools there (previous_response_id,
     * conversation, stored prompts, background mode, MCP and file-search tools, encrypted reasoning) is not in the table
     * and therefore refused.
     */
    public static final RequestFields RESPONSES = new Builder()
            .field("model", FieldKind.PASS)
            .field("instructions", FieldKind.TEXT)
            .field("input", FieldKind.TEXT)
            .field("input[].type", FieldKind.PASS)
            .field("input[].role", FieldKind.PASS)
            .field("input[].id", FieldKind.IDENTIFIER)
            .field("input[].status", FieldKind.PASS)
            .field("input[].phase", FieldKind.PASS)
            .field("input[].content", FieldKind.TEXT)
            .field("input[].content[].type", FieldKind.PASS)
            .field("input[].content[].text", FieldKind.TEXT)
            .field("input[].content[].refusal", FieldKind.TEXT)
            .field("input[].content[].detail", FieldKind.PASS)
            .field("input[].content[].image_url", FieldKind.ATTACHMENT)
            .field("input[].content[].file_data", FieldKind.ATTACHMENT)
            .field("input[].content[].file_id", FieldKind.ATTACHMENT)
            .field("input[].content[].file_url", FieldKind.ATTACHMENT)
            .field("input[].content[].filename", FieldKind.TEXT)
            .field("input[].content[].prompt_cache_breakpoint.mode", FieldKind.PASS)
            // an earlier answer's output_text resent as the SDKs resend it (turns45): its citations and token
            // probabilities are accepted and not sent on (a chat message has no place for them; the model reads the text)
            .field("input[].content[].annotations[].type", FieldKind.PASS)
            .field("input[].content[].annotations[].url", FieldKind.TEXT)
            .field("input[].content[].annotations[].title", FieldKind.TEXT)
            .field("input[].content[].annotations[].filename", FieldKind.TEXT)
            .field("input[].content[].annotations[].file_id", FieldKind.IDENTIFIER)
            .field("input[].content[].annotations[].container_id", FieldKind.IDENTIFIER)
            .field("input[].content[].annotations[].index", FieldKind.PASS)
            .field("input[].content[].annotations[].start_index", FieldKind.PASS)
            .field("input[].content[].annotations[].end_index", FieldKind.PASS)
            .field("input[].content[].logprobs[].token", FieldKind.TEXT)
            .field("input[].content[].logprobs[].logprob", FieldKind.PASS)
            .field("input[].content[].logprobs[].bytes[]", FieldKind.PASS)
            .field("input[].content[].logprobs[].top_logprobs[].token", FieldKind.TEXT)
            .field("input[].content[].logprobs[].top_logprobs[].logprob", FieldKind.PASS)
            .field("input[].content[].logprobs[].top_logprobs[].bytes[]", FieldKind.PASS)
            .field("input[].call_id", FieldKind.IDENTIFIER)
            .field("input[].name", FieldKind.IDENTIFIER)
            .field("input[].arguments", FieldKind.TEXT)
            .field("input[].input", FieldKind.TEXT)
            .field("input[].output", FieldKind.TEXT)
            .field("input[].output[].type", FieldKind.PASS)
            .field("input[].output[].text", FieldKind.TEXT)
            .field("input[].summary[].type", FieldKind.PASS)
            .field("input[].summary[].text", FieldKind.TEXT)
            .field("tools[].type", FieldKind.PASS)
            .field("tools[].name", FieldKind.IDENTIFIER)
            .field("tools[].description", FieldKind.TEXT)
            .field("tools[].parameters", FieldKind.SCHEMA)
            .field("tools[].strict", FieldKind.PASS)
            // a custom tool (answer47): its input format, free text or a grammar the model's input must follow
            .field("tools[].format.type", FieldKind.PASS)
            .field("tools[].format.syntax", FieldKind.PASS)
            .field("tools[].format.definition", FieldKind.TEXT)
            .field("tools[].search_context_size", FieldKind.PASS)
            .field("tools[].user_location.type", FieldKind.PASS)
            .field("tools[].user_location.country", FieldKind.TEXT)
            .field("tools[].user_location.region", FieldKind.TEXT)
            .field("tools[].user_location.city", FieldKind.TEXT)
            .field("tools[].user_location.timezone", FieldKind.TEXT)
            .field("tool_choice", FieldKind.PASS)
            .field("tool_choice.type", FieldKind.PASS)
            .field("tool_choice.mode", FieldKind.PASS)
            .field("tool_choice.name", FieldKind.IDENTIFIER)
            .field("text.format.type", FieldKind.PASS)
            .field("text.format.name", FieldKind.IDENTIFIER)
            .field("text.format.description", FieldKind.TEXT)
            .field("text.format.schema", FieldKind.SCHEMA)
            .field("text.format.strict", FieldKind.PASS)
            .field("text.verbosity", FieldKind.PASS)
            .sharedByChatAndResponses()
            .field("max_output_tokens", FieldKind.PASS)
            .field("max_tool_calls", FieldKind.PASS)
            .field("parallel_tool_calls", FieldKind.PASS)
            .field("stream", FieldKind.PASS)
            .field("stream_options.include_obfuscation", FieldKind.PASS)
            .field("store", FieldKind.PASS)
            // only false: background mode is refused by the translation (ResponsesRequest)
            .field("background", FieldKind.PASS)
            .field("service_tier", FieldKind.PASS)
            .field("truncation", FieldKind.PASS)
            .field("include[]", FieldKind.PASS)
            .field("reasoning.effort", FieldKind.PASS)
            .field("reasoning.summary", FieldKind.PASS)
            .field("reasoning.generate_summary", FieldKind.PASS)
            .build();

    private static RequestFields chatCompletions() {
        Builder b = new Builder()
                // the model id is replaced by the catalogue's upstream model
                .field("model", FieldKind.PASS)
                .field("messages[].role", FieldKind.PASS)
                .field("messages[].name", FieldKind.PARTICIPANT)
                .field("messages[].content", FieldKind.TEXT)
                .field("messages[].refusal", FieldKind.TEXT)
                .field("messages[].tool_call_id", FieldKind.IDENTIFIER)
                .field("messages[].audio.id", FieldKind.IDENTIFIER)
                .field("messages[].tool_calls[].id", FieldKind.IDENTIFIER)
                .field("messages[].tool_calls[].type", FieldKind.PASS)
                .field("messages[].tool_calls[].function.name", FieldKind.IDENTIFIER)
                .field("messages[].tool_calls[].function.arguments", FieldKind.TEXT)
                .field("messages[].tool_calls[].custom.name", FieldKind.IDENTIFIER)
                .field("messages[].tool_calls[].custom.input", FieldKind.TEXT)
                .field("messages[].function_call.name", FieldKind.IDENTIFIER)
                .field("messages[].function_call.arguments", FieldKind.TEXT)
                .field("messages[].content[].type", FieldKind.PASS)
                .field("messages[].content[].text", FieldKind.TEXT)
                .field("messages[].content[].refusal", FieldKind.TEXT)
                .field("messages[].content[].prompt_cache_breakpoint.mode", FieldKind.PASS)
                .field("messages[].content[].image_url.url", FieldKind.ATTACHMENT)
                .field("messages[].content[].image_url.detail", FieldKind.PASS)
                .field("messages[].content[].input_audio.data", FieldKind.ATTACHMENT)
                .field("messages[].content[].input_audio.format", FieldKind.PASS)
                .field("messages[].content[].file.file_data", FieldKind.ATTACHMENT)
                .field("messages[].content[].file.file_id", FieldKind.ATTACHMENT)
                .field("messages[].content[].file.filename", FieldKind.TEXT)
                .sharedByChatAndResponses()
                .field("logprobs", FieldKind.PASS)
                .field("service_tier", FieldKind.PASS)
                .field("modalities[]", FieldKind.PASS)
                .field("verbosity", FieldKind.PASS)
                .field("reasoning_effort", FieldKind.PASS)
                .field("max_completion_tokens", FieldKind.PASS)
                .field("max_tokens", FieldKind.PASS)
                .field("frequency_penalty", FieldKind.PASS)
                .field("presence_penalty", FieldKind.PASS)
                .field("n", FieldKind.PASS)
                .field("seed", FieldKind.PASS)
                .field("store", FieldKind.PASS)
                .field("stream", FieldKind.PASS)
                .field("stream_options.include_usage", FieldKind.PASS)
                .field("stream_options.include_obfuscation", FieldKind.PASS)
                .field("parallel_tool_calls", FieldKind.PASS)
                .field("web_search_options.search_context_size", FieldKind.PASS)
                .field("web_search_options.user_location.type", FieldKind.PASS)
                .field("web_search_options.user_location.approximate.country", FieldKind.TEXT)
                .field("web_search_options.user_location.approximate.region", FieldKind.TEXT)
                .field("web_search_options.user_location.approximate.city", FieldKind.TEXT)
                .field("web_search_options.user_location.approximate.timezone", FieldKind.TEXT)
                // a voice name or id: any string per the schema, so scanned like every name the model gets (parse28)
                .field("audio.voice", FieldKind.IDENTIFIER)
                .field("audio.voice.id", FieldKind.IDENTIFIER)
                .field("audio.format", FieldKind.PASS)
                .field("stop", FieldKind.TEXT)
                .field("stop[]", FieldKind.TEXT)
                // token ids (checked: small integers) and bias values
                .field("logit_bias.*", FieldKind.PASS)
                .field("prediction.type", FieldKind.PASS)
                .field("prediction.content", FieldKind.TEXT)
                .field("prediction.content[].type", FieldKind.PASS)
                .field("prediction.content[].text", FieldKind.TEXT)
                .field("prediction.content[].prompt_cache_breakpoint.mode", FieldKind.PASS)
                .field("response_format.type", FieldKind.PASS)
                .field("response_format.json_schema.name", FieldKind.IDENTIFIER)
                .field("response_format.json_schema.description", FieldKind.TEXT)
                .field("response_format.json_schema.strict", FieldKind.PASS)
                .field("response_format.json_schema.schema", FieldKind.SCHEMA)
                .field("tools[].type", FieldKind.PASS)
                .field("tools[].function.name", FieldKind.IDENTIFIER)
                .field("tools[].function.description", FieldKind.TEXT)
                .field("tools[].function.strict", FieldKind.PASS)
                .field("tools[].function.parameters", FieldKind.SCHEMA)
                .field("tools[].custom.name", FieldKind.IDENTIFIER)
                .field("tools[].custom.description", FieldKind.TEXT)
                .field("tools[].custom.format.type", FieldKind.PASS)
                .field("tools[].custom.format.grammar.syntax", FieldKind.PASS)
                .field("tools[].custom.format.grammar.definition", FieldKind.TEXT)
                .field("functions[].name", FieldKind.IDENTIFIER)
                .field("functions[].description", FieldKind.TEXT)
                .field("functions[].parameters", FieldKind.SCHEMA)
                .field("function_call", FieldKind.PASS)
                .field("function_call.name", FieldKind.IDENTIFIER)
                .field("tool_choice", FieldKind.PASS)
                .field("tool_choice.type", FieldKind.PASS)
                .field("tool_choice.function.name", FieldKind.IDENTIFIER)
                .field("tool_choice.custom.name", FieldKind.IDENTIFIER)
                .field("tool_choice.allowed_tools.mode", FieldKind.PASS)
                // the allowed tools repeat tool definitions by reference: {"type": "function", "function": {"name": …}}
                .field("tool_choice.allowed_tools.tools[].type", FieldKind.PASS)
                .field("tool_choice.allowed_tools.tools[].function.name", FieldKind.IDENTIFIER)
                .field("tool_choice.allowed_tools.tools[].custom.name", FieldKind.IDENTIFIER);
        return b.build();
    }

    /** The kind of the field at {@code path} (written as in the table, with {@code []} and {@code *}), if governed. */
    public Optional<FieldKind> kindOf(String path) {
        Node node = root;
        for (String segment : Builder.segments(path)) {
            if (node.subtree != null) {
                return Optional.of(node.subtree);
            }
            Node next = node.children.get(segment);
            if (next == null && !segment.equals("[]")) {
                next = node.children.get("*");
            }
            if (next == null) {
                return Optional.empty();
            }
            node = next;
        }
        return Optional.ofNullable(node.subtree != null ? node.subtree : node.leaf);
    }

    Node root() {
        return root;
    }

    /** One step of the table: a leaf kind, a subtree kind, and the fields below. */
    static final class Node {
        FieldKind leaf;
        FieldKind subtree;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node child(String segment) {
            Node exact = children.get(segment);
            return exact != null ? exact : children.get("*");
        }
    }

    static final class Builder {
        private final Node root = new Node();

        Builder field(String path, FieldKind kind) {
            Node node = root;
            for (String segment : segments(path)) {
                node = node.children.computeIfAbsent(segment, s -> new Node());
            }
            if (kind == FieldKind.METADATA || kind == FieldKind.SCHEMA) {
                node.subtree = kind;
            } else {
                node.leaf = kind;
            }
            return this;
        }

        /**
         * Fields Chat Completions and Responses both have, with the same meaning: who asks (pseudonymised the same way
         * on both), prompt caching, sampling and moderation.
         */
        Builder sharedByChatAndResponses() {
            return field("metadata", FieldKind.METADATA)
                    .field("user", FieldKind.PSEUDONYM)
                    .field("safety_identifier", FieldKind.PSEUDONYM)
                    .field("prompt_cache_key", FieldKind.KEYED_HASH)
                    .field("prompt_cache_retention", FieldKind.PASS)
                    .field("prompt_cache_options.ttl", FieldKind.PASS)
                    .field("prompt_cache_options.mode", FieldKind.PASS)
                    .field("temperature", FieldKind.PASS)
                    .field("top_p", FieldKind.PASS)
                    .field("top_logprobs", FieldKind.PASS)
                    // any string per the schema: scanned like every name the model gets (parse28)
                    .field("moderation.model", FieldKind.IDENTIFIER)
                    .field("moderation.policy.input.mode", FieldKind.PASS)
                    .field("moderation.policy.output.mode", FieldKind.PASS);
        }

        RequestFields build() {
            return new RequestFields(root);
        }

        /** {@code messages[].content} → [messages, [], content]. */
        static List<String> segments(String path) {
            List<String> out = new java.util.ArrayList<>();
            for (String part : path.split("\\.")) {
                String name = part;
                int arrays = 0;
                while (name.endsWith("[]")) {
                    name = name.substring(0, name.length() - 2);
                    arrays++;
                }
                if (!name.isEmpty()) {
                    out.add(name);
                }
                for (int i = 0; i < arrays; i++) {
                    out.add("[]");
                }
            }
            return out;
        }
    }
}
