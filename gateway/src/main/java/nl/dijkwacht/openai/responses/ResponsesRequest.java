package nl.dijkwacht.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import nl.dijkwacht.openai.FieldPath;
import nl.dijkwacht.openai.GovernedFields;
import nl.dijkwacht.openai.ParamPath;
import nl.dijkwacht.openai.RequestFields;
import nl.dijkwacht.openai.UnsupportedField;

/**
 * A Responses API request ({@code POST /v1/responses}) turned into the chat-completions request it means, so the
 * one pipeline governs it like any chat request: {@code instructions} become a system message, {@code input} items
 * become messages (text, images, files, function calls and their outputs), function tools and {@code text.format}
 * their chat equivalents. Every field is either mapped or refused: what the gateway cannot honour statelessly
 * ({@code previous_response_id}, {@code conversation}, {@code background}, built-in tools, stored files) is refused
 * with a Dutch message that names the field, never its value.
 *
 * @param chat     the chat-completions body to run through the pipeline
 * @param original the request as sent, without {@code input} (its settings are echoed in the response object)
 * @param inputs   where each of the chat request's messages came from (its {@code input} item, or {@code instructions})
 */
public record ResponsesRequest(ObjectNode chat, ObjectNode original, InputItemPaths inputs) {

    /** The one {@code include} value Dijkwacht serves: the answer's tokens with their log probabilities. */
    public static final String LOGPROBS = "message.output_text.logprobs";

    /** Whether the request asks for the answer's tokens ({@code include: ["message.output_text.logprobs"]}). */
    static boolean logprobs(JsonNode body) {
        for (JsonNode included : body.path("include")) {
            if (LOGPROBS.equals(included.asText())) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> PASSED = Set.of("model", "stream", "temperature", "top_p", "parallel_tool_calls",
            "metadata", "user", "safety_identifier", "prompt_cache_key", "service_tier");
    private static final Set<String> HANDLED = Set.of("input", "instructions", "max_output_tokens", "tools", "tool_choice",
            "text", "reasoning", "store", "stream_options", "truncation", "include", "previous_response_id",
            "conversation", "background", "prompt", "top_logprobs", "max_tool_calls");

    /** @throws UnsupportedField for a field or value the gateway does not serve */
    public static ResponsesRequest from(ObjectNode body, ObjectMapper json) {
        ObjectNode chat = json.createObjectNode();
        var names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!PASSED.contains(name) && !HANDLED.contains(name)) {
                String shown = FieldPath.shown(name);
                throw new UnsupportedField("unknown_field", "Dijkwacht kent het veld '" + shown + "' van de Responses API niet"
                        + " en stuurt niets door dat het niet kan controleren." + FieldPath.hiddenNote(shown), shown);
            }
        }
        refuseStateful(body);
        refuseUnknownFields(body);
        for (String name : PASSED) {
            if (body.has(name)) {
                chat.set(name, body.get(name));
            }
        }
        ArrayNode messages = chat.putArray("messages");
        InputItemPaths inputs = new InputItemPaths();
        JsonNode instructions = body.get("instructions");
        if (instructions != null && !instructions.isNull()) {
            if (!instructions.isTextual()) {
                throw new UnsupportedField("invalid_type", "Het veld 'instructions' moet tekst zijn.", "instructions");
            }
            messages.addObject().put("role", "system").put("content", instructions.asText());
            inputs.instructions();
        }
        new InputItems(messages, inputs).add(body.get("input"));
        if (messages.isEmpty()) {
            throw new UnsupportedField("missing_input", "Het veld 'input' ontbreekt of is leeg.", "input");
        }
        JsonNode max = body.get("max_output_tokens");
        if (max != null && !max.isNull()) {
            chat.set("max_tokens", max);
        }
        tools(body, chat);
        text(body, chat);
        JsonNode effort = body.path("reasoning").path("effort");
        if (effort.isTextual()) {
            chat.set("reasoning_effort", effort);
        }
        if (logprobs(body)) {
            // the answer's tokens, as the chat API gives them (answer48): refused under redact as there, restored under flag
            chat.put("logprobs", true);
            if (body.path("top_logprobs").asInt(0) > 0) {
                chat.set("top_logprobs", body.get("top_logprobs"));
            }
        }
        if (body.path("stream").asBoolean(false)) {
            // the usage chunk feeds response.completed's usage
            chat.putObject("stream_options").put("include_usage", true);
        }
        ObjectNode original = body.deepCopy();
        original.remove("input");
        return new ResponsesRequest(chat, original, inputs);
    }

    /**
     * A parameter of the {@link #chat} request by its name in the Responses request the tool sent: a message is its
     * {@code instructions} or the {@code input} item it came from ({@link InputItemPaths}; {@code messages} as a whole
     * is {@code input}), {@code max_tokens} its
     * {@code max_output_tokens}, a tool's {@code function.parameters} its {@code parameters}, {@code response_format}
     * and {@code verbosity} are under {@code text}, {@code reasoning_effort} is {@code reasoning.effort}; {@code null}
     * for what the tool did not send.
     */
    public String toolParam(ParamPath chatParam) {
        if (chatParam == null) {
            return null;
        }
        if (chatParam.field().equals("messages")) {
            return inputs.named(chatParam.below());
        }
        ParamPath named = switch (chatParam.field()) {
            case "max_tokens" -> chatParam.as("max_output_tokens");
            case "tools" -> new ParamPath("tools", chatParam.below().replaceFirst("^(\\[\\d+])\\.(function|custom)(?=\\.|$)", "$1")
                    .replaceFirst("\\.format\\.grammar(?=\\.|$)", ".format"));
            case "response_format" -> new ParamPath("text", ".format");
            case "verbosity" -> new ParamPath("text", ".verbosity");
            case "reasoning_effort" -> new ParamPath("reasoning", ".effort");
            case "logprobs" -> new ParamPath("include", "");
            case "top_logprobs" -> new ParamPath("top_logprobs", "");
            case "tool_choice" -> chatParam.fieldOnly("tool_choice");
            default -> PASSED.contains(chatParam.field()) ? chatParam : null;
        };
        ParamPath param = named == null ? null : named.sentIn(original);
        return param == null ? null : param.toString();
    }

    /**
     * Every field below the top level, too, must be one the Responses table governs ({@link RequestFields#RESPONSES}):
     * a field OpenAI adds to an input item or a tool is refused rather than silently dropped by the translation.
     * Fields sent as {@code null} ("not given", as the SDKs send them), at any depth, are ignored: a null carries
     * nothing to the model (turns45: an SDK resends an earlier answer's items with the nulls it received).
     */
    private static void refuseUnknownFields(ObjectNode body) {
        ObjectNode given = body.deepCopy();
        withoutNulls(given);
        String unknown = GovernedFields.of(given, RequestFields.RESPONSES).unknownField();
        if (unknown != null) {
            throw new UnsupportedField("unknown_field", "Dijkwacht kent het veld '" + unknown + "' van de Responses API niet"
                    + " en stuurt niets door dat het niet kan controleren." + FieldPath.hiddenNote(unknown), unknown);
        }
    }

    private static void withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(e -> e.getValue().isNull());
            object.forEach(ResponsesRequest::withoutNulls);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ResponsesRequest::withoutNulls);
        }
    }

    private static void refuseStateful(ObjectNode body) {
        for (String field : new String[] {"previous_response_id", "conversation"}) {
            if (body.hasNonNull(field)) {
                throw new UnsupportedField("unsupported_parameter", "Dijkwacht bewaart geen antwoorden of gesprekken. Stuur het"
                        + " hele gesprek mee in 'input' in plaats van '" + field + "'.", field);
            }
        }
        if (body.path("background").asBoolean(false)) {
            throw new UnsupportedField("unsupported_parameter", "Achtergrondverzoeken ('background') worden niet ondersteund;"
                    + " gebruik 'stream' voor lange antwoorden.", "background");
        }
        if (body.hasNonNull("prompt")) {
            throw new UnsupportedField("unsupported_parameter", "Opgeslagen prompts ('prompt') worden niet ondersteund; stuur de"
                    + " tekst zelf mee in 'instructions' en 'input'.", "prompt");
        }
        for (JsonNode included : body.path("include")) {
            if (!LOGPROBS.equals(included.asText())) {
                throw new UnsupportedField("unsupported_parameter", "Van de extra uitvoer via 'include' ondersteunt Dijkwacht alleen"
                        + " '" + LOGPROBS + "'.", "include");
            }
        }
        if (body.path("top_logprobs").asInt(0) > 0 && !logprobs(body)) {
            throw new UnsupportedField("unsupported_parameter", "'top_logprobs' werkt alleen samen met include: [\"" + LOGPROBS
                    + "\"].", "top_logprobs");
        }
        if (body.hasNonNull("max_tool_calls")) {
            throw new UnsupportedField("unsupported_parameter", "'max_tool_calls' wordt niet ondersteund.", "max_tool_calls");
        }
        if (body.has("truncation") && !"disabled".equals(body.path("truncation").asText())) {
            throw new UnsupportedField("unsupported_parameter", "Dijkwacht kort het gesprek niet in: alleen 'truncation: disabled'.",
                    "truncation");
        }
    }

    /**
     * Function and custom tools (answer47: a custom tool, whose input is free text or follows a grammar, became the chat
     * API's {@code custom} tool): built-in tools (web search, file search, code interpreter, …) run at OpenAI, not here.
     */
    private static void tools(ObjectNode body, ObjectNode chat) {
        JsonNode tools = body.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            ArrayNode out = chat.putArray("tools");
            for (int i = 0; i < tools.size(); i++) {
                JsonNode tool = tools.get(i);
                switch (tool.path("type").asText()) {
                    case "function" -> copy(tool, out.addObject().put("type", "function").putObject("function"),
                            "name", "description", "parameters", "strict");
                    case "custom" -> CustomTools.toChat(tool, out.addObject().put("type", "custom").putObject("custom"), "tools[" + i + "]");
                    default -> throw new UnsupportedField("unsupported_parameter", "Alleen functietools en eigen tools (type"
                            + " 'function' of 'custom') worden ondersteund; ingebouwde tools van OpenAI zijn hier niet"
                            + " beschikbaar.", "tools[" + i + "].type");
                }
            }
        }
        JsonNode choice = body.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return;
        }
        String kind = choice.path("type").asText();
        if (choice.isTextual()) {
            chat.set("tool_choice", choice);
        } else if ((kind.equals("function") || kind.equals("custom")) && choice.path("name").isTextual()) {
            chat.putObject("tool_choice").put("type", kind).putObject(kind).put("name", choice.path("name").asText());
        } else {
            throw new UnsupportedField("unsupported_parameter", "Deze 'tool_choice' wordt niet ondersteund.", "tool_choice");
        }
    }

    static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
    }

    /** {@code text.format} → {@code response_format}; {@code text.verbosity} → {@code verbosity}. */
    private static void text(ObjectNode body, ObjectNode chat) {
        JsonNode text = body.get("text");
        if (text == null || text.isNull()) {
            return;
        }
        JsonNode format = text.get("format");
        if (format != null && !format.isNull()) {
            switch (format.path("type").asText()) {
                case "text" -> { }
                case "json_object" -> chat.putObject("response_format").put("type", "json_object");
                case "json_schema" -> {
                    copy(format, chat.putObject("response_format").put("type", "json_schema").putObject("json_schema"),
                            "name", "description", "schema", "strict");
                }
                default -> throw new UnsupportedField("unsupported_parameter", "Deze 'text.format' wordt niet ondersteund.", "text.format.type");
            }
        }
        if (text.hasNonNull("verbosity")) {
            chat.set("verbosity", text.get("verbosity"));
        }
    }
}
