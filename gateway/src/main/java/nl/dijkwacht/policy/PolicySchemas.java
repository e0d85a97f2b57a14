package nl.dijkwacht.policy;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The published JSON Schemas (classpath {@code schema/*.schema.json}, in the source tree under
 * gateway/src/main/resources/schema/) and their validation, reported per file, line and field.
 */
final class PolicySchemas {

    /** The kinds of file an administrator writes, each with its schema. */
    enum Kind {
        TOOLS("tools.schema.json", PolicyFiles.ToolsFile.class),
        OPERATORS("operators.schema.json", PolicyFiles.OperatorsFile.class),
        GOVERNANCE("governance.schema.json", PolicyFiles.GovernanceFile.class),
        USE_CASE("use-case.schema.json", PolicyFiles.UseCaseFile.class),
        MODEL("model.schema.json", PolicyFiles.ModelFile.class),
        LIMITS("limits.schema.json", PolicyFiles.LimitsFile.class),
        AI_LITERACY("ai-literacy.schema.json", PolicyFiles.AiLiteracyFile.class);

        final String resource;
        /** The record the file is read into ({@link PolicyFiles}). */
        final Class<?> shape;

        Kind(String resource, Class<?> shape) {
            this.resource = resource;
            this.shape = shape;
        }
    }

    private final Map<Kind, JsonSchema> schemas = new EnumMap<>(Kind.class);

    PolicySchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.forLanguageTag("nl"))
                .build();
        for (Kind kind : Kind.values()) {
            try (InputStream in = PolicySchemas.class.getResourceAsStream("/schema/" + kind.resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + kind.resource + " missing from the classpath");
                }
                schemas.put(kind, factory.getSchema(in, config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return true when the document is valid; otherwise the problems are added */
    boolean validate(Kind kind, YamlDocument doc, Problems problems) {
        List<ValidationMessage> messages = schemas.get(kind).validate(doc.root()).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .toList();
        for (ValidationMessage m : messages) {
            String pointer = m.getInstanceLocation().toString();
            String fieldPointer = pointer;
            if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType())
                    || "dependentRequired".equals(m.getType()) || "propertyNames".equals(m.getType()))) {
                fieldPointer = (pointer.equals("/") ? "" : pointer) + "/" + m.getProperty();
            }
            String text = m.getMessage();
            int colon = text.indexOf(": ");
            if (colon >= 0 && text.substring(0, colon).equals(pointer)) {
                text = text.substring(colon + 2);
            }
            if ("required".equals(m.getType())) {
                text = "verplicht veld ontbreekt";
            } else if ("additionalProperties".equals(m.getType())) {
                text = "onbekend veld (tikfout?); zie docs/policy-reference.md voor de toegestane velden";
            }
            problems.add(new PolicyProblem(doc.file(), doc.line(fieldPointer.equals("/") ? "" : fieldPointer),
                    YamlDocument.field(fieldPointer), text));
        }
        return messages.isEmpty();
    }
}
