package nl.dijkwacht.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML file read as a JSON tree together with the line on which every node starts, so that validation errors
 * can name file, line and field.
 */
final class YamlDocument {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final YAMLFactory FACTORY = new YAMLFactory();
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

    /** Reads the file; a syntax error or an empty file is reported as a {@link PolicyProblem}, never thrown past. */
    static YamlDocument read(Path file, byte[] bytes, Problems problems) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new PolicyProblem(file, line, null, "geen geldige YAML: " + firstLine(e.getOriginalMessage())));
            return null;
        } catch (IOException e) {
            problems.add(new PolicyProblem(file, 0, null, "onleesbaar: " + e.getClass().getSimpleName()));
            return null;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add(new PolicyProblem(file, 1, null, "het bestand is leeg"));
            return null;
        }
        return new YamlDocument(file, root, lineMap(bytes));
    }

    /** The schema-checked tree as one of the {@link PolicyFiles} records. */
    <T> T bind(Class<T> type) {
        try {
            return BINDER.treeToValue(root, type);
        } catch (IOException e) {
            // the schema should have caught this; report it the same way
            throw new PolicyLoadException(List.of(new PolicyProblem(file, 0, null, firstLine(e.getMessage()))));
        }
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

    private static Map<String, Integer> lineMap(byte[] bytes) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    Frame frame = stack.peek();
                    if (frame != null) {
                        frame.field = parser.currentName();
                        lines.putIfAbsent(pointer(stack), line);
                    }
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                Frame parent = stack.peek();
                if (parent != null && parent.array) {
                    parent.index++;
                }
                lines.putIfAbsent(pointer(stack), line);
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    stack.push(new Frame(token == JsonToken.START_ARRAY));
                }
            }
        } catch (IOException e) {
            // already reported by readTree; lines stay partial
        }
        return lines;
    }

    private static String pointer(Deque<Frame> stack) {
        StringBuilder out = new StringBuilder();
        var it = stack.descendingIterator();
        while (it.hasNext()) {
            Frame f = it.next();
            out.append('/').append(f.array ? Integer.toString(f.index) : escape(f.field));
        }
        return out.toString();
    }

    private static String escape(String name) {
        return name == null ? "" : name.replace("~", "~0").replace("/", "~1");
    }

    static String firstLine(String message) {
        if (message == null) {
            return "onbekende fout";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static final class Frame {
        final boolean array;
        int index = -1;
        String field;

        Frame(boolean array) {
            this.array = array;
        }
    }
}
