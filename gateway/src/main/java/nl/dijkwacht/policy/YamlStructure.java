package nl.dijkwacht.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a policy file's YAML events: the line on which every node starts (for messages that name file, line
 * and field), and the YAML features a policy file may not use because they would make it mean something other than
 * what it says, watched while the tree is read (one pass). Refused, each with its line: an alias ({@code *naam}, also in a merge key {@code <<: *naam}) — the
 * parser would read the anchor's name as text, and expanding aliases is what an alias bomb ("billion laughs") abuses;
 * an explicit tag other than YAML's own scalar and collection tags ({@code !!java.net.URL}, {@code !eigen}) — nothing is
 * ever constructed from a tag, so a tag could only be misleading; a second document ({@code ---}) — it would be ignored
 * (an empty one, a file ending in {@code ---}, holds nothing and is accepted);
 * a key twice in one mapping — only one of them would count; a number no Java number holds ({@code 1e400}, an integer
 * beyond 64 bits). A syntax error stops the pass; {@link YamlSyntaxErrors} reports it in Dutch.
 */
final class YamlStructure extends JsonParserDelegate {

    /** At most this many problems per file: an alias bomb has thousands of aliases, one message says enough. */
    static final int MAX_PROBLEMS = 20;

    /** YAML's core tags (as the parser names them): they mean what the plain value means. */
    private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "seq", "map")
            .stream().map(t -> "tag:yaml.org,2002:" + t).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Path file;
    private final Problems problems;
    private final YAMLParser yaml;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private int documents;
    private int refused;

    /** Watches the events of {@code parser} as they are read (the tree is built in the same pass). */
    YamlStructure(Path file, JsonParser parser, Problems problems) {
        super(parser);
        this.file = file;
        this.problems = problems;
        this.yaml = parser instanceof YAMLParser y ? y : null;
    }

    /** Reads what is left after the first document, so that a second one is seen. */
    void finish() throws IOException {
        while (nextToken() != null) {
            // observed in nextToken
        }
    }

    /** Whether nothing was refused. */
    boolean clean() {
        return refused == 0;
    }

    Map<String, Integer> lines() {
        return lines;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token != null) {
            observe(token);
        }
        return token;
    }

    private void observe(JsonToken token) throws IOException {
        int line = currentTokenLocation().getLineNr();
        if (token == JsonToken.FIELD_NAME) {
            Frame frame = stack.peek();
            frame.field = currentName();
            String pointer = pointer();
            if (!frame.names.add(frame.field)) {
                refuse(line, pointer, "staat twee keer in dezelfde lijst van velden; maar één van beide zou gelden");
            }
            lines.putIfAbsent(pointer, line);
            return;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            stack.pop();
            return;
        }
        // an empty document after the first (a file that ends in "---", as some editors and generators write it; this
        // parser reads it as an empty text) holds nothing that could be ignored: it loaded before policy27 and still
        // does (review43)
        boolean emptyAfterFirst = stack.isEmpty() && documents > 0
                && (token == JsonToken.VALUE_NULL || token == JsonToken.VALUE_STRING && getText().isEmpty());
        if (stack.isEmpty() && !emptyAfterFirst && ++documents == 2) {
            refuse(line, null, "het bestand bevat meer dan één YAML-document (---); alleen het eerste zou gelden. "
                    + "Zet elk document in een eigen bestand");
        }
        Frame parent = stack.peek();
        if (parent != null && parent.array) {
            parent.index++;
        }
        String pointer = pointer();
        lines.putIfAbsent(pointer, line);
        if (yaml != null) {
            checkYamlFeatures(yaml, line, pointer);
        }
        if (token == JsonToken.VALUE_NUMBER_INT && getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            refuse(line, pointer, "getal te groot (" + abbreviated(getText()) + ")");
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(getDoubleValue())) {
            refuse(line, pointer, "getal buiten bereik (" + abbreviated(getText()) + ")");
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            stack.push(new Frame(token == JsonToken.START_ARRAY));
        }
    }

    private void checkYamlFeatures(YAMLParser yaml, int line, String pointer) throws IOException {
        if (yaml.isCurrentAlias()) {
            refuse(line, pointer, "een verwijzing naar een anker (*" + abbreviated(yaml.getText()) + ") wordt niet ondersteund; "
                    + "schrijf de waarde voluit");
            return;
        }
        String tag = yaml.getTypeId();
        if (tag != null && !CORE_TAGS.contains(tag)) {
            String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : "!" + tag;
            refuse(line, pointer, "YAML-tag '" + abbreviated(shown) + "' wordt niet ondersteund; Dijkwacht leest alleen gewone "
                    + "waarden (tekst, getal, ja/nee, lijst, velden)");
        }
    }

    private void refuse(int line, String pointer, String message) {
        if (++refused > MAX_PROBLEMS) {
            if (refused == MAX_PROBLEMS + 1) {
                problems.add(new PolicyProblem(file, line, null, "meer dan " + MAX_PROBLEMS + " problemen; de rest staat niet in dit overzicht"));
            }
            return;
        }
        problems.add(new PolicyProblem(file, line, pointer == null ? null : YamlDocument.field(pointer), message));
    }

    private String pointer() {
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

    /** A value quoted in a message: at most 40 characters. */
    static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static final class Frame {
        final boolean array;
        final Set<String> names = new HashSet<>();
        int index = -1;
        String field;

        Frame(boolean array) {
            this.array = array;
        }
    }
}
