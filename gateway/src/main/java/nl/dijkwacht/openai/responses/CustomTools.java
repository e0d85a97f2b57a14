package nl.dijkwacht.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.openai.UnsupportedField;

/**
 * The Responses API's custom tool (answer47; refused as an unknown field before, a false refusal of a legitimate tool):
 * {@code {"type": "custom", "name", "description", "format": {"type": "text"} | {"type": "grammar", "syntax": "lark" |
 * "regex", "definition"}}}, and its call {@code {"type": "custom_tool_call", "call_id", "name", "input"}} with the
 * answer {@code custom_tool_call_output}. The chat API has the same tool with the grammar one level down
 * ({@code custom.format.grammar.{syntax, definition}}), so a custom tool is governed as a chat custom tool is: its name,
 * description and grammar scanned and read by the purpose guard, its call's input restored and scanned like text.
 */
final class CustomTools {

    private CustomTools() {
    }

    /** A Responses custom tool as the chat API's {@code custom} object. */
    static void toChat(JsonNode tool, ObjectNode custom, String path) {
        ResponsesRequest.copy(tool, custom, "name", "description");
        JsonNode format = tool.get("format");
        if (format == null || format.isNull()) {
            return;
        }
        switch (format.path("type").asText()) {
            case "text" -> custom.putObject("format").put("type", "text");
            case "grammar" -> ResponsesRequest.copy(format,
                    custom.putObject("format").put("type", "grammar").putObject("grammar"), "syntax", "definition");
            default -> throw new UnsupportedField("unsupported_parameter", "Het 'format' van een eigen tool is 'text' of"
                    + " 'grammar'.", path + ".format.type");
        }
    }

    /** A chat answer's custom call ({@code {id, type: "custom", custom: {name, input}}}) as an output item. */
    static ObjectNode outputItem(ResponseObjects objects, JsonNode call, String status) {
        return objects.customToolCall(objects.itemId("ctc"), call.path("id").asText(), call.path("custom").path("name").asText(),
                call.path("custom").path("input").asText(""), status);
    }
}
