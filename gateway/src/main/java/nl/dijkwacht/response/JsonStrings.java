package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.function.UnaryOperator;

/** Applies a function to every string value in a JSON tree, in place. */
final class JsonStrings {

    private JsonStrings() {
    }

    static JsonNode map(JsonNode node, UnaryOperator<String> function) {
        if (node.isTextual()) {
            return TextNode.valueOf(function.apply(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(map(field.getValue(), function)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, map(array.get(i), function));
            }
        }
        return node;
    }
}
