package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The request schema document read once by networknt's validator, and each definition the gateway checks against as a
 * sub-schema of that one root. The validator builds a schema object for every entry of a root's {@code $defs} (about
 * 250 here), so a root per checked definition — four operations and ~40 item kinds — built the whole document ~45
 * times over (mem20: 76,880 schema nodes, 50.5 MB).
 *
 * <p>Each definition is built at start-up ({@code initializeValidators}), as each root was; a {@code $ref} followed
 * from it is still built per place it is used (the validator keeps the evaluation path in each copy).
 */
final class SchemaDefinitions {

    private final JsonSchema document;
    private final Map<String, JsonSchema> loaded = new HashMap<>();

    /** {@code all}: the schema document with everything the checks need already in its {@code $defs}; not changed. */
    SchemaDefinitions(JsonSchemaFactory factory, SchemaValidatorsConfig config, ObjectNode all) {
        this.document = factory.getSchema(all, config);
    }

    /** The definition {@code name} of the document, built once. */
    JsonSchema get(String name) {
        return loaded.computeIfAbsent(name, this::load);
    }

    private JsonSchema load(String name) {
        JsonSchema definition = document.getSubSchema(new JsonNodePath(PathType.JSON_POINTER).append("$defs").append(name));
        definition.initializeValidators();
        return definition;
    }
}
