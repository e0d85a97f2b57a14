package nl.dijkwacht.purpose;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a model reads in a chat request besides its messages' text and the tools' descriptions (redteam46): the names
 * of the tools, legacy functions and structured-output schema ({@code rangschik_sollicitanten_op_geschiktheid}), a
 * custom tool's grammar (a Lark or regex {@code definition}, whose literals the model is made to write), a message's
 * author {@code name} and the name of an attached file. Each was a place a forbidden request reached the model
 * unread by the purpose guard. A name reads as words: {@code _}, {@code -} and {@code .} as spaces, a capital inside
 * a word as the start of the next ({@code beoordeelAanvraag} as "beoordeel Aanvraag"). The PII side reads the same
 * fields already ({@code openai.RequestFields}: identifiers, participant names, texts).
 */
final class ModelReadNames {

    private ModelReadNames() {
    }

    /** Appends the names and grammars of {@code body} (a chat request), one a line, to {@code out}. */
    static void append(JsonNode body, StringBuilder out) {
        for (JsonNode tool : body.path("tools")) {
            name(tool.path("function").path("name"), out);
            JsonNode custom = tool.path("custom");
            name(custom.path("name"), out);
            text(custom.path("format").path("grammar").path("definition"), out);
        }
        for (JsonNode function : body.path("functions")) {
            name(function.path("name"), out);
        }
        name(body.path("response_format").path("json_schema").path("name"), out);
        for (JsonNode message : body.path("messages")) {
            name(message.path("name"), out);
            JsonNode content = message.path("content");
            if (content.isArray()) {
                for (JsonNode part : content) {
                    name(part.path("file").path("filename"), out);
                }
            }
        }
    }

    private static void text(JsonNode node, StringBuilder out) {
        if (node.isTextual() && !node.asText().isBlank()) {
            out.append(node.asText()).append('\n');
        }
    }

    private static void name(JsonNode node, StringBuilder out) {
        if (!node.isTextual() || node.asText().isBlank()) {
            return;
        }
        String name = node.asText();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == '.') {
                out.append(' ');
            } else {
                if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) {
                    out.append(' ');
                }
                out.append(c);
            }
        }
        out.append('\n');
    }
}
