package nl.dijkwacht.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A YAML file read as a JSON tree together with the line on which every node starts, so that validation errors
 * can name file, line and field.
 */
final class YamlDocument {

    /**
     * The largest policy file read, in bytes (3 MiB: the YAML parser's own limit in code points, which a file this size
     * cannot exceed). A larger file is refused before it is parsed.
     */
    static final int MAX_BYTES = 3 * 1024 * 1024;

    /** Policy files are a few levels deep; a document nested deeper than this is refused before it is read into a tree. */
    static final int MAX_NESTING = 64;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();
    private static final ObjectMapper YAML = new YAMLMapper(FACTORY);
    private static final ObjectMapper BINDER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /**
     * Reads the file; a syntax error, a YAML feature a policy file may not use ({@link YamlStructure}), a file too large
     * or an empty file is reported as a {@link PolicyProblem} in Dutch, never thrown past.
     */
    static YamlDocument read(Path file, byte[] bytes, Problems problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(new PolicyProblem(file, 1, null, "het bestand is te groot (" + bytes.length + " bytes; hoogstens "
                    + MAX_BYTES + ")"));
            return null;
        }
        JsonNode root;
        YamlStructure structure;
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(bytes);
            structure = new YamlStructure(file, parser, problems);
            root = YAML.readTree(structure);
            structure.finish();
        } catch (IOException | RuntimeException e) {
            problems.add(YamlSyntaxErrors.problem(file, bytes, e, parser));
            return null;
        } finally {
            closeQuietly(parser);
        }
        if (!structure.clean()) {
            return null;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add(new PolicyProblem(file, 1, null, "het bestand is leeg"));
            return null;
        }
        return new YamlDocument(file, root, structure.lines());
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // reading from a byte array: nothing to release
            }
        }
    }

    /**
     * Checks that the schema-checked tree binds to its {@link PolicyFiles} record (a number too large for its field, say);
     * reports the field and line when it does not.
     */
    boolean binds(Class<?> type, Problems problems) {
        try {
            BINDER.treeToValue(root, type);
            return true;
        } catch (JsonMappingException e) {
            problems.add(bindProblem(e));
            return false;
        } catch (IOException | RuntimeException e) {
            problems.add(new PolicyProblem(file, 1, null, "de inhoud past niet in de vorm van dit bestand"));
            return false;
        }
    }

    /** The schema-checked tree as one of the {@link PolicyFiles} records ({@link #binds} checked it when the file was read). */
    <T> T bind(Class<T> type) {
        try {
            return BINDER.treeToValue(root, type);
        } catch (JsonMappingException e) {
            throw new PolicyLoadException(List.of(bindProblem(e)));
        } catch (IOException e) {
            throw new PolicyLoadException(List.of(new PolicyProblem(file, 1, null, "de inhoud past niet in de vorm van dit bestand")));
        }
    }

    private PolicyProblem bindProblem(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? escape(ref.getFieldName()) : Integer.toString(ref.getIndex()));
        }
        String message = e.getCause() instanceof InputCoercionException || String.valueOf(e.getOriginalMessage()).contains("out of range")
                ? "getal te groot voor dit veld" : "deze waarde past niet in dit veld";
        return problem(pointer.toString(), message);
    }

    /** The line of the node at a JSON pointer ({@code /models/2}), or of its nearest ancestor that has one. */
    int line(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 1;
            }
            p = p.substring(0, slash);
        }
    }

    /** JSON pointer {@code /pii/entities/BSN} → field path {@code pii.entities.BSN}; {@code /models/2} → {@code models[2]}. */
    static String field(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String s = segment.replace("~1", "/").replace("~0", "~");
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                out.append('[').append(s).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(s);
            }
        }
        return out.toString();
    }

    PolicyProblem problem(String pointer, String message) {
        return new PolicyProblem(file, line(pointer), field(pointer), message);
    }

    private static String escape(String name) {
        return name == null ? "" : name.replace("~", "~0").replace("/", "~1");
    }
}
