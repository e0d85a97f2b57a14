package nl.dijkwacht.pii.anonymize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.dijkwacht.pii.detect.EntityType;
import org.junit.jupiter.api.Test;

/**
 * json28: placeholders restored into JSON text (a JSON-mode answer, tool-call arguments) keep it valid JSON that reads back
 * the original values, whatever the values hold, wherever the placeholder stands (in a string, as a key, bare) and however
 * a stream of it is cut: every value with every awkward character class, generated documents, a cut at every position.
 */
class PlaceholderRestorerJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One value per character class JSON must escape, or that trips readers: quote, backslash, line breaks, controls. */
    private static final List<String> AWKWARD = List.of("Jan \"Johnny\" de Vries", "C:\\Users\\jdevries\\", "Kerkstraat 12\n3511 AB Utrecht",
            "Dorpsstraat 5\r\n1234 AB", "Anna\tJansen", "Anna\u0001Jansen", "06\u001f12345678", "Piet\u0008Bakker\u000c", "x\u007fy",
            "Anna\u2028Jansen\u2029", "</script><b>", "\\u0041 is geen A", "\ud83d\ude00 Émile", "\"", "\\", "\\\"", "nul\u0000teken",
            "[PERSOON_1]", "{\"a\": [1]}");

    private static PlaceholderVault vault(Map<String, String> placeholders) {
        PlaceholderVault vault = new PlaceholderVault();
        for (String value : AWKWARD) {
            placeholders.put(vault.placeholderFor(EntityType.PERSON, value), value);
        }
        return vault;
    }

    @Test
    void everyAwkwardValueReadsBackInAStringAKeyAndBare() throws Exception {
        Map<String, String> placeholders = new LinkedHashMap<>();
        PlaceholderVault vault = vault(placeholders);
        for (var entry : placeholders.entrySet()) {
            String placeholder = entry.getKey();
            String value = entry.getValue();
            String text = "{\"in\": \"Beste " + placeholder + ",\", " + "\"" + placeholder + "\": " + placeholder
                    + ", \"lijst\": [" + placeholder + ", \"" + placeholder + "\"]}";
            PlaceholderRestorer restorer = new PlaceholderRestorer(vault);
            JsonNode read = parse(restorer.restoreAllInJson(text));
            assertThat(read.path("in").asText()).isEqualTo("Beste " + value + ",");
            assertThat(read.path(value).asText()).as("key and bare value").isEqualTo(value);
            assertThat(read.path("lijst").path(0).asText()).isEqualTo(value);
            assertThat(read.path("lijst").path(1).asText()).isEqualTo(value);
            assertThat(restorer.restoredCount()).isEqualTo(5);
        }
    }

    /** Escaped quotes and backslashes before a placeholder do not fool the reader: it knows where each string ends. */
    @Test
    void escapesBeforeAPlaceholderAreRead() throws Exception {
        Map<String, String> placeholders = new LinkedHashMap<>();
        PlaceholderVault vault = vault(placeholders);
        String p = placeholders.keySet().iterator().next();
        String text = "{\"a\": \"zei \\\"" + p + "\\\" en \\\\\", \"b\": " + p + ", \"c\": \"\\\\" + p + "\"}";
        JsonNode read = parse(new PlaceholderRestorer(vault).restoreAllInJson(text));
        String value = placeholders.get(p);
        assertThat(read.path("a").asText()).isEqualTo("zei \"" + value + "\" en \\");
        assertThat(read.path("b").asText()).isEqualTo(value);
        assertThat(read.path("c").asText()).isEqualTo("\\" + value);
    }

    /** Generated documents, restored whole and streamed with a cut at every position and at random places: the same JSON. */
    @Test
    void aStreamCutAnywhereGivesTheWholeRestorationAndReadsBack() throws Exception {
        Map<String, String> placeholders = new LinkedHashMap<>();
        PlaceholderVault vault = vault(placeholders);
        List<String> issued = List.copyOf(placeholders.keySet());
        Random random = new Random(20261205_28L);
        int checked = 0;
        for (int doc = 0; doc < 60; doc++) {
            ObjectNode tree = object(random, issued, 0);
            String text = (doc % 2 == 0 ? JSON.writer() : JSON.writerWithDefaultPrettyPrinter()).writeValueAsString(tree)
                    .replaceAll("\"@bare@(\\[[A-Z]{2,20}_\\d{1,6}])\"", "$1");
            String whole = new PlaceholderRestorer(vault).restoreAllInJson(text);
            assertThat(parse(whole)).as("document %d reads back: %s", doc, text).isEqualTo(restored(tree, placeholders));
            for (int cut = 0; cut <= text.length(); cut += doc < 10 ? 1 : 1 + random.nextInt(7)) {
                assertThat(streamed(vault, List.of(text.substring(0, cut), text.substring(cut)))).as("document %d cut at %d", doc, cut)
                        .isEqualTo(whole);
                checked++;
            }
            List<String> pieces = new java.util.ArrayList<>();
            for (int at = 0; at < text.length(); ) {
                int next = Math.min(text.length(), at + 1 + random.nextInt(5));
                pieces.add(text.substring(at, next));
                at = next;
            }
            assertThat(streamed(vault, pieces)).as("document %d in pieces", doc).isEqualTo(whole);
        }
        assertThat(checked).isGreaterThan(3_000);
    }

    /**
     * leftover45: a JSON-mode answer that is prose (or prose after the JSON value) gets its values as they are, whole and
     * with a stream cut at every position — only a placeholder where a JSON value stands becomes a JSON string.
     */
    @Test
    void proseInAJsonModeAnswerGetsTheValuesAsTheyAre() {
        Map<String, String> placeholders = new LinkedHashMap<>();
        PlaceholderVault vault = vault(placeholders);
        String p = placeholders.keySet().iterator().next();
        String value = placeholders.get(p);
        Map<String, String> cases = Map.of(
                "Naam: " + p + ", zie \"" + p + "\".", "Naam: " + value + ", zie \"" + value + "\".",
                p + " [1, " + p + "]", value + " [1, " + value + "]",
                "  [" + p + "] {\"a\": " + p + "}", "  [\"" + jsonEscaped(value) + "\"] {\"a\": " + value + "}",
                "{\"a\": [" + p + "]}\nGroet, " + p, "{\"a\": [\"" + jsonEscaped(value) + "\"]}\nGroet, " + value);
        cases.forEach((text, expected) -> {
            assertThat(new PlaceholderRestorer(vault).restoreAllInJson(text)).as(text).isEqualTo(expected);
            for (int cut = 0; cut <= text.length(); cut++) {
                assertThat(streamed(vault, List.of(text.substring(0, cut), text.substring(cut)))).as("%s cut at %d", text, cut)
                        .isEqualTo(expected);
            }
        });
    }

    private static String jsonEscaped(String value) {
        try {
            String quoted = JSON.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain text keeps its values as they are: only JSON is escaped. */
    @Test
    void plainTextIsRestoredAsItIs() {
        Map<String, String> placeholders = new LinkedHashMap<>();
        PlaceholderVault vault = vault(placeholders);
        placeholders.forEach((p, value) -> assertThat(new PlaceholderRestorer(vault).restoreAll("Beste " + p + "."))
                .isEqualTo("Beste " + value + "."));
    }

    private static String streamed(PlaceholderVault vault, List<String> pieces) {
        PlaceholderRestorer restorer = new PlaceholderRestorer(vault, true);
        StringBuilder out = new StringBuilder();
        pieces.forEach(piece -> restorer.onChunk(piece, out::append));
        restorer.onComplete(out::append);
        return out.toString();
    }

    private static ObjectNode object(Random random, List<String> issued, int depth) {
        ObjectNode object = JSON.createObjectNode();
        for (int i = 0, fields = 1 + random.nextInt(4); i < fields; i++) {
            String key = random.nextInt(4) == 0 ? pick(random, issued) : "veld" + i;
            JsonNode value = switch (random.nextInt(depth < 2 ? 7 : 5)) {
                case 0 -> JSON.getNodeFactory().textNode("@bare@" + pick(random, issued));
                case 1, 2 -> JSON.getNodeFactory().textNode(pick(random, issued));
                case 3 -> JSON.getNodeFactory().textNode("Beste " + pick(random, issued) + " \"en\" \\ " + pick(random, issued) + "\n");
                case 4 -> JSON.getNodeFactory().numberNode(random.nextInt(100));
                case 5 -> JSON.createArrayNode().add(pick(random, issued)).add(object(random, issued, depth + 1));
                default -> object(random, issued, depth + 1);
            };
            object.set(key, value);
        }
        return object;
    }

    private static JsonNode restored(JsonNode node, Map<String, String> placeholders) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(restored(e.getKey(), placeholders), restored(e.getValue(), placeholders)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(v -> copy.add(restored(v, placeholders)));
            return copy;
        }
        return node.isTextual() ? JSON.getNodeFactory().textNode(restored(node.asText(), placeholders)) : node;
    }

    /** Each placeholder its value, in one pass (a value may look like a placeholder: it is not restored again). */
    private static String restored(String text, Map<String, String> placeholders) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[[A-Z]{2,20}_\\d{1,6}]").matcher(text.replace("@bare@", ""));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(placeholders.getOrDefault(m.group(), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode parse(String text) throws java.io.IOException {
        return JSON.readerFor(JsonNode.class).with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(text);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
