package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every field of one request body, sorted by how it is governed ({@link RequestFields}): the texts the PII engine
 * scans, the identifiers it checks, the user fields to pseudonymise, the metadata, the attachments — and the first
 * field the table does not know, if any. A snapshot: walk the body again after changing it.
 */
public final class GovernedFields {

    /** A name or id in the request that must stay as it is; {@code value} is never shown or logged. */
    public record Identifier(String path, String value) {
    }

    /** One key of the OpenAI {@code metadata} map. */
    public record MetadataEntry(String key, String path, ObjectNode owner) {
    }

    /** JSON Schema keywords whose string values are prose for the model. */
    private static final Set<String> SCHEMA_PROSE = Set.of("description", "title", "$comment");
    /** JSON Schema keywords whose values are example data: every string in them is text. */
    private static final Set<String> SCHEMA_VALUES = Set.of("enum", "const", "default", "examples", "example");
    /** JSON Schema keywords whose keys are property (or definition) names. */
    private static final Set<String> SCHEMA_NAME_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas", "dependentRequired");

    private final List<TextSlot> texts = new ArrayList<>();
    private final List<Identifier> identifiers = new ArrayList<>();
    private final List<TextSlot> pseudonyms = new ArrayList<>();
    private final List<TextSlot> keyedHashes = new ArrayList<>();
    private final List<MetadataEntry> metadata = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private String unknownField;

    private GovernedFields() {
    }

    public static GovernedFields of(ObjectNode body, RequestFields table) {
        GovernedFields fields = new GovernedFields();
        fields.walk(body, table.root(), "", null);
        return fields;
    }

    public List<TextSlot> texts() { return texts; }
    public List<Identifier> identifiers() { return identifiers; }
    public List<TextSlot> pseudonyms() { return pseudonyms; }
    public List<TextSlot> keyedHashes() { return keyedHashes; }
    public List<MetadataEntry> metadata() { return metadata; }
    public List<Attachment> attachments() { return attachments; }

    /** The path of the first field the table does not govern (names made safe), or {@code null}. */
    public String unknownField() { return unknownField; }

    private void walk(JsonNode node, RequestFields.Node rule, String path, Slot slot) {
        if (rule.subtree == FieldKind.METADATA) {
            walkMetadata(node, path);
            return;
        }
        if (rule.subtree == FieldKind.SCHEMA) {
            walkSchema(node, path, false, slot);
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String childPath = FieldPath.field(path, e.getKey());
                RequestFields.Node child = rule.child(e.getKey());
                if (child == null) {
                    unknown(childPath);
                } else {
                    walk(e.getValue(), child, childPath, new Slot(object, e.getKey(), -1, childPath, null));
                }
            }
        } else if (node instanceof ArrayNode array) {
            RequestFields.Node child = rule.children.get("[]");
            if (child == null) {
                if (!array.isEmpty()) {
                    unknown(path);
                }
                return;
            }
            for (int i = 0; i < array.size(); i++) {
                String childPath = FieldPath.element(path, i);
                walk(array.get(i), child, childPath, new Slot(array, null, i, childPath, null));
            }
        } else if (!node.isNull()) {
            leaf(node, rule.leaf, path, slot);
        }
    }

    private void leaf(JsonNode node, FieldKind kind, String path, Slot slot) {
        if (kind == null) {
            unknown(path);
            return;
        }
        if (!node.isTextual()) {
            return; // numbers and booleans: the request schema has checked them
        }
        switch (kind) {
            case TEXT, PARTICIPANT -> texts.add(slot.as(kind));
            case IDENTIFIER -> identifiers.add(new Identifier(path, node.asText()));
            case PSEUDONYM -> pseudonyms.add(slot.as(kind));
            case KEYED_HASH -> keyedHashes.add(slot.as(kind));
            case ATTACHMENT -> attachments.add(attachment(path, node.asText()));
            case PASS, METADATA, SCHEMA -> { }
        }
    }

    private void walkMetadata(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String childPath = FieldPath.field(path, e.getKey());
                metadata.add(new MetadataEntry(e.getKey(), childPath, object));
                identifiers.add(new Identifier(childPath, e.getKey()));
                if (e.getValue().isTextual()) {
                    texts.add(new Slot(object, e.getKey(), -1, childPath, FieldKind.TEXT));
                }
            }
        }
    }

    /**
     * A JSON Schema: prose and example values are text; property names, keys that are no keyword, keywords' values and
     * every other number (bounds and sizes included) are identifiers.
     */
    private void walkSchema(JsonNode node, String path, boolean namesHere, Slot slot) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode value = e.getValue();
                String childPath = FieldPath.field(path, key);
                if (namesHere || !SchemaKeywords.ALL.contains(key)) {
                    // a property name, or a key the tool chose (an extension, an annotation): the model reads it too (parse28)
                    identifiers.add(new Identifier(childPath, key));
                }
                if (namesHere) {
                    walkSchema(value, childPath, false, new Slot(object, key, -1, childPath, null));
                } else if (value.isTextual() && SCHEMA_PROSE.contains(key)) {
                    texts.add(new Slot(object, key, -1, childPath, FieldKind.TEXT));
                } else if (SCHEMA_VALUES.contains(key)) {
                    walkValues(value, childPath, new Slot(object, key, -1, childPath, null));
                } else {
                    walkSchema(value, childPath, SCHEMA_NAME_MAPS.contains(key), new Slot(object, key, -1, childPath, null));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = FieldPath.element(path, i);
                walkSchema(array.get(i), childPath, false, new Slot(array, null, i, childPath, null));
            }
        } else if (node.isTextual()) {
            identifiers.add(new Identifier(path, node.asText()));
        } else if (node.isNumber()) {
            // every other number of a schema — a bound or size ("minimum": 111222333, maxLength, multipleOf) or one under a
            // key the tool chose ("x-bsn") — is read like a name (leftover28, leftover45): the model reads it, and a bound
            // cannot become "[BSN]" without breaking the schema, so personal data in it refuses the request
            identifiers.add(new Identifier(path, JsonNumbers.asScanned(node.asText())));
        }
    }

    /**
     * Example data inside a schema (enum, const, default, examples): every string is text, and so is every whole number,
     * as in a JSON answer (json27): a BSN written as {@code "enum": [111222333]} reached the model unscanned (review44).
     * A float that is a whole number ({@code 111222333.0}) is read as its digits, as json28 reads it in an answer
     * ({@link JsonNumbers}); one the policy changes is written back as a JSON string; a fraction is not read.
     */
    private void walkValues(JsonNode node, String path, Slot slot) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String childPath = FieldPath.field(path, e.getKey());
                identifiers.add(new Identifier(childPath, e.getKey()));
                walkValues(e.getValue(), childPath, new Slot(object, e.getKey(), -1, childPath, null));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = FieldPath.element(path, i);
                walkValues(array.get(i), childPath, new Slot(array, null, i, childPath, null));
            }
        } else if (node.isTextual() || node.isIntegralNumber()
                || node.isNumber() && !JsonNumbers.asScanned(node.asText()).equals(node.asText())) {
            texts.add(slot.as(FieldKind.TEXT));
        }
    }

    private static Attachment attachment(String path, String value) {
        Attachment.Kind kind = path.contains("image_url") ? Attachment.Kind.IMAGE
                : path.contains("input_audio") ? Attachment.Kind.AUDIO : Attachment.Kind.FILE;
        Attachment.Form form;
        if (path.endsWith("file_id")) {
            form = Attachment.Form.FILE_ID;
        } else if (kind == Attachment.Kind.IMAGE && !value.regionMatches(true, 0, "data:", 0, 5)) {
            form = Attachment.Form.URL;
        } else {
            form = Attachment.Form.INLINE;
        }
        return new Attachment(path, kind, form);
    }

    private void unknown(String path) {
        if (unknownField == null) {
            unknownField = path;
        }
    }

    /** Where a string sits: a field of an object or an element of an array. */
    private record Slot(JsonNode owner, String field, int index, String path, FieldKind kind) implements TextSlot {

        Slot as(FieldKind kind) {
            return new Slot(owner, field, index, path, kind);
        }

        @Override
        public String get() {
            JsonNode node = field != null ? owner.get(field) : owner.get(index);
            // a float that is a whole number (schema example data): its digits, as the scan reads it (JsonNumbers)
            return node.isNumber() && !node.isIntegralNumber() ? JsonNumbers.asScanned(node.asText()) : node.asText();
        }

        @Override
        public void set(String text) {
            if (field != null) {
                ((ObjectNode) owner).put(field, text);
            } else {
                ((ArrayNode) owner).set(index, TextNode.valueOf(text));
            }
        }

        @Override
        public FieldKind kind() {
            return kind == null ? FieldKind.TEXT : kind;
        }
    }
}
