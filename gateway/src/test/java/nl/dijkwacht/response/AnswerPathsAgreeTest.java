package nl.dijkwacht.response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * The answer's two ways back, compared end to end (rewrite27): one model output, served once as a whole answer and once
 * as a stream cut into events at random places, by each provider's own wire format (OpenAI, Azure OpenAI with its
 * filter results, Mistral with usage in the finishing chunk, Ollama with the role on every delta, vLLM's extras,
 * Anthropic's Messages API) and asked for on each surface (chat completions, the Responses API, legacy completions).
 * The outputs hold placeholders the gateway issued (intact, repeated, adjacent, next to punctuation and unicode,
 * mangled the way models mangle them, never issued), personal data the model invents, surrogate pairs and combining
 * marks cut between events, empty deltas, refusals, tool-call arguments with placeholders, several choices, every
 * finish_reason, usage or none. The streamed text must be the whole answer's text, choice by choice, with the same
 * restoring, the same output findings in the audit record, one disclaimer and one trace id, the same finish_reason and
 * usage, and valid SSE framing.
 *
 * <p>Differences by design, and so not compared: the streamed text reaches the tool in other pieces than the upstream's
 * (held-back tails of a possible placeholder or of the output scan); the usage chunk only when the tool asked for it
 * ({@code stream_options}); legacy completions and the Responses API carry no extension field on either path. Not
 * generated: Anthropic tool calls, personal data glued to a word (found by neither path alike), n &gt; 1 where a provider
 * or surface has no n. On main (before session 43) 31 of the 144 cases differed.
 *
 * <p>JSON-mode answers (json27, {@link #aJsonModeAnswerIsTheSameJsonWholeOrStreamed}): {@code response_format} on chat and
 * {@code text.format} on the Responses API, both {@code json_object} and {@code json_schema}, by every provider with a JSON
 * mode (Anthropic has none), the JSON written compact, pretty or with every non-ASCII character escaped, its values holding
 * placeholders, invented personal data (a BSN as a number too), quotes, backslashes, control characters, {@code \u00e9} and
 * surrogate pairs as {@code \ud83d\ude00}, now and then cut short ({@code length}). The streamed JSON must be the whole
 * answer's, parse as the same JSON, and keep the model's structure. Before json27 37 of the 60 cases differed (28 texts
 * under redact, 9 audit counts under flag).
 */
class AnswerPathsAgreeTest extends GatewayTestBase {

    private static final long SEED = 20261205_27L;
    private static final int CASES = 144;
    private static final int JSON_CASES = 60;
    private static final String PROMPT = "Schrijf een brief aan jan.devries@example.nl (telefoon 06-12345678) over BSN 111222333,"
            + " rekening NL91ABNA0417164300 en postcode 3511 AB.";
    /**
     * json28: a prompt whose findings hold a line break and control characters (the kinds of awkward character the engine
     * finds inside a value: {@code 06\n12345678}, {@code Anna\u0001Jansen}); restored into JSON they must be escaped.
     */
    private static final String AWKWARD_PROMPT = "Schrijf mevrouw Anna\u0001Jansen en de heer Piet\u0008Bakker (telefoon 06\n12345678)"
            + " over BSN 111\u0001222\u0001333, rekening NL91\u0001ABNA\u00010417\u00011643\u000100 en postcode 3511\u0001AB.";
    private static final int RESTORING_CASES = 30;
    /** The prompt the requests send: {@link #PROMPT}, or {@link #AWKWARD_PROMPT} while the json28 test runs. */
    private static String prompt = PROMPT;
    /** The prompt as the model received it, read by {@link #issuedPlaceholders}. */
    private static String sentPrompt;
    private static final Pattern ISSUED = Pattern.compile("\\[[A-Z]{2,20}_\\d{1,6}]");
    /** Personal data the model makes up (a valid IBAN and BSN, an address, a phone number). */
    private static final List<String> INVENTED = List.of("k.bakker@voorbeeld.nl", "06-98765432", "NL20INGB0001234567", "BSN 123456782");
    private static final List<String> WORDS = List.of("Geachte", "heer", "mevrouw", "uw", "aanvraag", "is", "ontvangen", "de",
            "gemeente", "besluit", "binnen", "twee", "weken", "met", "vriendelijke", "groet", "zie", "bijlage", "over", "en");
    private static final List<String> PUNCTUATION = List.of(",", ".", ":", ";", "!", "?", "(", ")", "\"", "—", "'", "…", "-");
    /** Surrogate pairs, a skin-tone modifier, a ZWJ sequence, combining marks, CJK. */
    private static final List<String> UNICODE = List.of("😀", "👍🏽", "👩\u200d💻", "e\u0301", "n\u0303a", "ß", "中文", "Ĳ", "€", "\u00a0");
    private static final List<String> FINISH = List.of("stop", "length", "content_filter", "tool_calls", "function_call");
    private static final List<String> ANTHROPIC_FINISH = List.of("end_turn", "max_tokens", "stop_sequence");
    /** Non-ASCII as \\u escapes, so that a surrogate cut between two events travels as JSON can carry it. */
    private static final ObjectWriter WIRE = json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    enum Provider { OPENAI, AZURE, MISTRAL, OLLAMA, VLLM, ANTHROPIC }

    enum Surface { CHAT, RESPONSES, COMPLETIONS }

    record Call(String id, String name, String arguments) {
    }

    record Choice(String content, String refusal, List<Call> calls, String finish) {
    }

    /** @param format {@code json_object} or {@code json_schema} for a JSON-mode answer, null for text */
    record Case(int number, Provider provider, Surface surface, boolean redact, boolean toolWantsUsage, List<Choice> choices,
                int[] usage, long split, String format) {
        String model() {
            return switch (provider) {
                case OPENAI, OLLAMA, VLLM -> "upstream";
                case AZURE -> "azure";
                case MISTRAL -> "mistral";
                case ANTHROPIC -> "claude";
            };
        }

        @Override
        public String toString() {
            return "case " + number + " " + provider + " " + surface + (redact ? " redact" : " flag") + " n=" + choices.size()
                    + (usage == null ? " no-usage" : "") + (toolWantsUsage ? " include_usage" : "") + (format == null ? "" : " " + format);
        }
    }

    @Test
    void theStreamedAnswerIsTheWholeAnswerForEveryProviderSurfaceAndChunking() throws Exception {
        List<String> issued = issuedPlaceholders();
        assertThat(issued).as("the prompt's placeholders").hasSizeGreaterThanOrEqualTo(3);
        Random random = new Random(SEED);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Case c = generate(i, random, issued);
            try {
                compare(c, issued);
            } catch (AssertionError e) {
                differences.add(c + ": " + e.getMessage() + "\n  the model's output: " + c.choices());
            }
        }
        java.nio.file.Files.write(java.nio.file.Path.of("target/answer-paths-differences.txt"), differences);
        assertThat(differences).as("cases where the two ways back differ (all in target/answer-paths-differences.txt)").isEmpty();
    }

    /**
     * JSON-mode answers (json27): the whole answer is scanned value by value, so the stream holds a JSON-mode text until
     * its choice ends and scans it the same way ({@code redact}), or counts a copy so ({@code flag}); the two ways back
     * then agree, and a redaction never breaks the JSON, however the events cut a key, a value or an escape.
     */
    @Test
    void aJsonModeAnswerIsTheSameJsonWholeOrStreamed() throws Exception {
        List<String> issued = issuedPlaceholders();
        Random random = new Random(SEED + 1);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < JSON_CASES; i++) {
            Case c = generateJson(i, random, issued);
            try {
                compare(c, issued);
            } catch (AssertionError e) {
                differences.add(c + ": " + e.getMessage() + "\n  the model's output: " + c.choices());
            }
        }
        java.nio.file.Files.write(java.nio.file.Path.of("target/answer-paths-json-differences.txt"), differences);
        assertThat(differences).as("JSON-mode cases where the two ways back differ (all in target/answer-paths-json-differences.txt)").isEmpty();
    }

    /**
     * json28: placeholders restored into JSON (a JSON-mode answer, tool-call arguments) with values that hold a line break
     * and control characters, by every provider with a JSON mode, on chat and the Responses API, whole and streamed in
     * events cut anywhere, with redact and flag; the placeholder inside a string, as a key, or bare where a value goes
     * ({@code {"naam": [PERSOON_1]}}). The tool's parse of the answer must succeed and give back the prompt's values.
     * Before json28 the values were put back unescaped into JSON-mode answers (and unquoted where bare).
     */
    @Test
    void restoredValuesKeepTheJsonValidAndReadBackAsTheOriginals() throws Exception {
        prompt = AWKWARD_PROMPT;
        try {
            List<String> issued = issuedPlaceholders();
            Map<String, String> originals = originals(AWKWARD_PROMPT, sentPrompt, issued);
            assertThat(String.join("", originals.values())).as("the findings hold a line break and control characters: %s",
                    originals.keySet()).contains("\n", "\u0001", "\u0008");
            Random random = new Random(SEED + 2);
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < RESTORING_CASES; i++) {
                RestoringCase r = generateRestoring(i, random, issued);
                try {
                    Got[] got = compare(r.c(), issued);
                    for (Got g : got) {
                        readsBack(r, g, originals);
                    }
                } catch (AssertionError e) {
                    differences.add(r.c() + ": " + e.getMessage());
                }
            }
            java.nio.file.Files.write(java.nio.file.Path.of("target/answer-paths-restoring-differences.txt"), differences);
            assertThat(differences).as("cases whose restored JSON is broken or reads back otherwise (all in"
                    + " target/answer-paths-restoring-differences.txt)").isEmpty();
        } finally {
            prompt = PROMPT;
        }
    }

    /** A generated case and, per choice, the JSON the tool must read back: the content's, or each tool call's arguments. */
    record RestoringCase(Case c, List<JsonNode> content, List<List<JsonNode>> arguments) {
    }

    /** The value behind each issued placeholder: the prompt as sent, with its placeholders as groups, matched against the prompt. */
    private static Map<String, String> originals(String prompt, String sent, List<String> issued) {
        StringBuilder regex = new StringBuilder();
        List<String> order = new ArrayList<>();
        Matcher m = ISSUED.matcher(sent);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(sent.substring(at, m.start()))).append("(.+?)");
            order.add(m.group());
            at = m.end();
        }
        regex.append(Pattern.quote(sent.substring(at)));
        Matcher values = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(prompt);
        assertThat(values.matches()).as("the sent prompt is the prompt with placeholders").isTrue();
        Map<String, String> originals = new java.util.LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            originals.put(order.get(i), values.group(i + 1));
        }
        assertThat(originals.keySet()).containsAll(issued);
        return originals;
    }

    private static final String BARE = "@@bare@@";

    private static RestoringCase generateRestoring(int number, Random random, List<String> issued) throws Exception {
        Provider provider = JSON_PROVIDERS.get(number % JSON_PROVIDERS.size());
        Surface surface = (number / JSON_PROVIDERS.size()) % 2 == 0 ? Surface.CHAT : Surface.RESPONSES;
        boolean redact = (number / (2 * JSON_PROVIDERS.size())) % 2 == 0;
        int n = surface == Surface.CHAT && random.nextInt(3) == 0 ? 2 : 1;
        List<Choice> choices = new ArrayList<>();
        List<JsonNode> contents = new ArrayList<>();
        List<List<JsonNode>> arguments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (random.nextInt(3) == 0) {
                List<Call> calls = new ArrayList<>();
                List<JsonNode> trees = new ArrayList<>();
                for (int t = 0, count = 1 + random.nextInt(2); t < count; t++) {
                    ObjectNode tree = restoringObject(random, issued, 1);
                    trees.add(tree);
                    calls.add(new Call("call_" + Integer.toHexString(random.nextInt()), t == 0 ? "stuur_brief" : "zoek_dossier",
                            written(tree, random)));
                }
                choices.add(new Choice(null, null, calls, "tool_calls"));
                contents.add(null);
                arguments.add(trees);
            } else {
                ObjectNode tree = restoringObject(random, issued, 0);
                choices.add(new Choice(written(tree, random), null, List.of(), "stop"));
                contents.add(tree);
                arguments.add(List.of());
            }
        }
        int[] usage = new int[] {10 + random.nextInt(90), 1 + random.nextInt(300)};
        Case c = new Case(number, provider, surface, redact, random.nextBoolean(), choices, usage, random.nextLong(),
                random.nextBoolean() ? "json_object" : "json_schema");
        return new RestoringCase(c, contents, arguments);
    }

    /** An object of placeholders (alone, in text, as keys; now and then to be written bare), awkward text, numbers, nesting. */
    private static ObjectNode restoringObject(Random random, List<String> issued, int depth) {
        ObjectNode object = json.createObjectNode();
        for (int i = 0, fields = 1 + random.nextInt(depth == 0 ? 5 : 3); i < fields; i++) {
            String key = random.nextInt(6) == 0 ? pick(random, issued) : WORDS.get(random.nextInt(WORDS.size())).toLowerCase(java.util.Locale.ROOT);
            key = object.has(key) ? key + "_" + i : key;
            JsonNode value = switch (random.nextInt(depth < 2 ? 8 : 6)) {
                case 0, 1 -> json.getNodeFactory().textNode((random.nextBoolean() ? BARE : "") + pick(random, issued));
                case 2, 3 -> json.getNodeFactory().textNode(restoringText(random, issued));
                case 4 -> json.getNodeFactory().numberNode(random.nextInt(1000));
                case 5 -> json.getNodeFactory().booleanNode(random.nextBoolean());
                case 6 -> json.createArrayNode().add(pick(random, issued)).add(restoringText(random, issued));
                default -> restoringObject(random, issued, depth + 1);
            };
            object.set(key, value);
        }
        return object;
    }

    private static String restoringText(Random random, List<String> issued) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, atoms = 1 + random.nextInt(6); i < atoms; i++) {
            text.append(switch (random.nextInt(4)) {
                // values side by side ("Anna Jansen Anna Jansen", "… JansenPiet Bakker") are a name the prompt did not have,
                // which the output scan finds with redact: a comma between them
                case 0 -> pick(random, issued) + ", ";
                case 1 -> pick(random, JSON_AWKWARD);
                case 2 -> UNICODE.get(random.nextInt(UNICODE.size()));
                default -> WORDS.get(random.nextInt(WORDS.size())).toLowerCase(java.util.Locale.ROOT) + " ";
            });
        }
        return text.toString();
    }

    /** The tree as the model writes it (compact, pretty, or non-ASCII escaped); a value marked bare loses its quotes. */
    private static String written(JsonNode tree, Random random) throws Exception {
        ObjectWriter writer = switch (random.nextInt(3)) {
            case 0 -> WIRE;
            case 1 -> json.writerWithDefaultPrettyPrinter();
            default -> json.writer();
        };
        return writer.writeValueAsString(tree).replaceAll("\"" + BARE + "(\\[[A-Z]{2,20}_\\d{1,6}])\"", "$1");
    }

    /** The JSON the tool must read: the tree with each issued placeholder (in keys and values) the prompt's value. */
    private static JsonNode restored(JsonNode node, Map<String, String> originals) {
        if (node.isObject()) {
            ObjectNode copy = json.createObjectNode();
            node.properties().forEach(e -> copy.set(restored(e.getKey(), originals), restored(e.getValue(), originals)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.forEach(v -> copy.add(restored(v, originals)));
            return copy;
        }
        return node.isTextual() ? json.getNodeFactory().textNode(restored(node.asText(), originals)) : node;
    }

    private static String restored(String text, Map<String, String> originals) {
        String out = text.replace(BARE, "");
        for (var e : originals.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The tool parses what it got (content; each call's arguments) and reads back the prompt's values. */
    private static void readsBack(RestoringCase r, Got got, Map<String, String> originals) throws Exception {
        for (int i = 0; i < r.content().size(); i++) {
            if (r.content().get(i) != null) {
                String text = got.content().get(i);
                assertThat(isJson(text)).as("choice %d content is JSON: %s", i, text).isTrue();
                assertThat(parse(text)).as("choice %d content reads back", i).isEqualTo(restored(r.content().get(i), originals));
            }
            List<JsonNode> expected = r.arguments().get(i);
            for (int t = 0; t < expected.size(); t++) {
                String call = got.arguments().getOrDefault(i, Map.of()).get(t);
                assertThat(call).as("choice %d call %d", i, t).isNotNull();
                String arguments = call.substring(call.indexOf(' ', call.indexOf(' ') + 1) + 1);
                assertThat(isJson(arguments)).as("choice %d call %d arguments are JSON: %s", i, t, arguments).isTrue();
                assertThat(parse(arguments)).as("choice %d call %d arguments read back", i, t).isEqualTo(restored(expected.get(t), originals));
            }
        }
    }

    // ---------------------------------------------------------------- the prompt's placeholders

    /** Sends the prompt once and reads which placeholders the model received (they are the same on every request). */
    private List<String> issuedPlaceholders() throws Exception {
        upstream.resetAll();
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(completion(List.of(new Choice("ok", null, List.of(), "stop")), new int[] {1, 1}, Provider.OPENAI).toString())));
        var response = postJson("/v1/chat/completions", chatRequest(false, 1, false, false, "upstream"), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-antwoord");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String sent = upstream.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).getFirst().getBodyAsString();
        List<String> found = new ArrayList<>();
        sentPrompt = parse(sent).at("/messages/0/content").asText();
        Matcher m = ISSUED.matcher(sentPrompt);
        while (m.find()) {
            if (!found.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- generating outputs

    private static Case generate(int number, Random random, List<String> issued) {
        Provider provider = Provider.values()[number % Provider.values().length];
        Surface surface = Surface.values()[(number / Provider.values().length) % Surface.values().length];
        boolean redact = (number / (Provider.values().length * Surface.values().length)) % 2 == 0;
        int n = 1;
        if (provider != Provider.ANTHROPIC && surface != Surface.RESPONSES && random.nextInt(3) == 0) {
            n = 2 + random.nextInt(2);
        }
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            choices.add(choice(random, issued, provider, surface));
        }
        int[] usage = provider == Provider.ANTHROPIC || random.nextInt(4) != 0
                ? new int[] {10 + random.nextInt(90), 1 + random.nextInt(300)} : null;
        return new Case(number, provider, surface, redact, random.nextBoolean(), choices, usage, random.nextLong(), null);
    }

    // ---------------------------------------------------------------- JSON-mode outputs (json27)

    /** The providers with a JSON mode: Anthropic's Messages API has none (the gateway refuses {@code response_format}). */
    private static final List<Provider> JSON_PROVIDERS = List.of(Provider.OPENAI, Provider.AZURE, Provider.MISTRAL, Provider.OLLAMA, Provider.VLLM);
    /** Text a JSON value may hold: quotes, backslashes, control characters, non-ASCII (escaped or not on the wire). */
    private static final List<String> JSON_AWKWARD = List.of("\"", "\\", "\n", "\t", "\u00e9", "caf\u00e9", "😀", "\ud83d\ude00 ",
            "Hij zei \"ja\"", "C:\\map\\", "é", "\u0001", "</script>", "{\"niet\": \"json\"}");

    private static Case generateJson(int number, Random random, List<String> issued) throws Exception {
        Provider provider = JSON_PROVIDERS.get(number % JSON_PROVIDERS.size());
        Surface surface = (number / JSON_PROVIDERS.size()) % 2 == 0 ? Surface.CHAT : Surface.RESPONSES;
        boolean redact = (number / (2 * JSON_PROVIDERS.size())) % 3 != 2;
        int n = surface == Surface.CHAT && random.nextInt(3) == 0 ? 2 + random.nextInt(2) : 1;
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            choices.add(jsonChoice(random, issued));
        }
        int[] usage = random.nextInt(4) != 0 ? new int[] {10 + random.nextInt(90), 1 + random.nextInt(300)} : null;
        return new Case(number, provider, surface, redact, random.nextBoolean(), choices, usage, random.nextLong(),
                random.nextBoolean() ? "json_object" : "json_schema");
    }

    /**
     * A JSON answer: an object of strings (placeholders, invented personal data, escapes), numbers, booleans, null, arrays
     * and objects, written compact, pretty or with every non-ASCII character as a {@code \\u} escape; now and then cut
     * short ({@code length}), which is no longer JSON.
     */
    private static Choice jsonChoice(Random random, List<String> issued) throws Exception {
        JsonNode tree = jsonObject(random, issued, 0);
        ObjectWriter writer = switch (random.nextInt(3)) {
            case 0 -> WIRE;
            case 1 -> json.writerWithDefaultPrettyPrinter();
            default -> json.writer();
        };
        String text = writer.writeValueAsString(tree);
        if (random.nextInt(10) == 0) {
            return new Choice(text.substring(0, 1 + random.nextInt(text.length() - 1)), null, List.of(), "length");
        }
        return new Choice(text, null, List.of(), "stop");
    }

    private static ObjectNode jsonObject(Random random, List<String> issued, int depth) {
        ObjectNode object = json.createObjectNode();
        int fields = 1 + random.nextInt(depth == 0 ? 6 : 3);
        for (int i = 0; i < fields; i++) {
            String key = random.nextInt(12) == 0 ? pick(random, issued) : WORDS.get(random.nextInt(WORDS.size())) + (random.nextInt(4) == 0 ? "é" : "");
            object.set(key + (object.has(key) ? "_" + i : ""), jsonValue(random, issued, depth));
        }
        return object;
    }

    private static JsonNode jsonValue(Random random, List<String> issued, int depth) {
        return switch (random.nextInt(depth < 2 ? 12 : 10)) {
            // now and then the invented BSN as a number: found and, with redact, written as the string "[BSN]"
            case 0 -> json.getNodeFactory().numberNode(random.nextInt(4) == 0 ? 123456782 : random.nextInt(100_000));
            case 1 -> random.nextBoolean() ? json.getNodeFactory().booleanNode(random.nextBoolean()) : json.getNodeFactory().nullNode();
            case 2, 3 -> json.getNodeFactory().textNode(INVENTED.get(random.nextInt(INVENTED.size())));
            case 4 -> json.getNodeFactory().textNode(pick(random, issued));
            case 5, 6 -> json.getNodeFactory().textNode(pick(random, JSON_AWKWARD) + text(random, issued, 1 + random.nextInt(6))
                    + pick(random, JSON_AWKWARD));
            case 10 -> {
                ArrayNode array = json.createArrayNode();
                for (int i = 0, size = 1 + random.nextInt(3); i < size; i++) {
                    array.add(jsonValue(random, issued, depth + 1));
                }
                yield array;
            }
            case 11 -> jsonObject(random, issued, depth + 1);
            default -> json.getNodeFactory().textNode(text(random, issued, 1 + random.nextInt(random.nextInt(4) == 0 ? 40 : 12)));
        };
    }

    private static Choice choice(Random random, List<String> issued, Provider provider, Surface surface) {
        boolean mayCall = surface != Surface.COMPLETIONS && provider != Provider.ANTHROPIC;
        boolean mayRefuse = surface == Surface.CHAT && provider != Provider.ANTHROPIC;
        int kind = random.nextInt(10);
        if (mayRefuse && kind == 0) {
            return new Choice(null, "Daar kan ik niet bij helpen, " + pick(random, issued) + (random.nextBoolean() ? "" : " en "
                    + INVENTED.get(random.nextInt(INVENTED.size())) + " ") + ".", List.of(), "stop");
        }
        if (mayCall && kind <= 2) {
            List<Call> calls = new ArrayList<>();
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                ObjectNode arguments = json.createObjectNode();
                arguments.put("aan", pick(random, issued));
                arguments.put("tekst", text(random, issued, 3 + random.nextInt(8)));
                if (random.nextBoolean()) {
                    arguments.putArray("cc").add(pick(random, issued)).add(INVENTED.get(random.nextInt(INVENTED.size())));
                }
                calls.add(new Call("call_" + Integer.toHexString(random.nextInt()), i == 0 ? "stuur_brief" : "zoek_dossier",
                        arguments.toString()));
            }
            String content = random.nextInt(3) == 0 ? text(random, issued, 2 + random.nextInt(5)) : null;
            return new Choice(content, null, calls, "tool_calls");
        }
        String finish = provider == Provider.ANTHROPIC
                ? ANTHROPIC_FINISH.get(random.nextInt(ANTHROPIC_FINISH.size()))
                : FINISH.get(random.nextInt(mayCall ? FINISH.size() : 3));
        String content = kind == 9 && provider != Provider.ANTHROPIC ? "" : text(random, issued, 1 + random.nextInt(random.nextInt(4) == 0 ? 120 : 30));
        return new Choice(content, null, List.of(), finish);
    }

    private static String text(Random random, List<String> issued, int atoms) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < atoms; i++) {
            int sep = random.nextInt(10);
            if (i > 0) {
                text.append(sep < 6 ? " " : sep < 7 ? "" : sep < 8 ? "\n" : sep < 9 ? ", " : "\n\n");
            }
            int kind = random.nextInt(20);
            String placeholder = pick(random, issued);
            text.append(switch (kind) {
                case 0, 1, 2, 3 -> placeholder;
                case 4 -> placeholder + placeholder;
                case 5 -> placeholder + PUNCTUATION.get(random.nextInt(PUNCTUATION.size()));
                case 6 -> UNICODE.get(random.nextInt(UNICODE.size())) + placeholder + UNICODE.get(random.nextInt(UNICODE.size()));
                case 7 -> mangled(random, placeholder);
                case 8 -> "[" + List.of("EMAIL", "IBAN", "PERSOON", "BSN", "TELEFOON").get(random.nextInt(5)) + "_" + (7 + random.nextInt(90)) + "]";
                case 9 -> " " + INVENTED.get(random.nextInt(INVENTED.size())) + " ";
                case 10, 11 -> UNICODE.get(random.nextInt(UNICODE.size()));
                case 12 -> PUNCTUATION.get(random.nextInt(PUNCTUATION.size()));
                default -> WORDS.get(random.nextInt(WORDS.size()));
            });
        }
        return text.toString();
    }

    /** The ways models mangle a placeholder: other case, a bracket lost, a space, a dash. */
    private static String mangled(Random random, String placeholder) {
        String inner = placeholder.substring(1, placeholder.length() - 1);
        return switch (random.nextInt(6)) {
            case 0 -> placeholder.toLowerCase(java.util.Locale.ROOT);
            case 1 -> "[" + inner;
            case 2 -> inner + "]";
            case 3 -> "[" + inner.replace("_", " _") + "]";
            case 4 -> "[" + inner.replace("_", " ") + "]";
            default -> "[" + inner.replace("_", "-") + "]";
        };
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The text cut at random places (between the halves of a surrogate pair too), with empty pieces among them. */
    private static List<String> cut(String text, Random random) {
        List<String> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int size = random.nextInt(4) == 0 ? 1 + random.nextInt(20) : 1 + random.nextInt(4);
            int end = Math.min(text.length(), i + size);
            pieces.add(text.substring(i, end));
            if (random.nextInt(8) == 0) {
                pieces.add("");
            }
            i = end;
        }
        return pieces;
    }

    // ---------------------------------------------------------------- the provider's wire format

    private static ObjectNode completion(List<Choice> choices, int[] usage, Provider provider) {
        ObjectNode reply = json.createObjectNode();
        reply.put("id", "chatcmpl-rw27").put("object", "chat.completion").put("created", 1764590100).put("model", "echo-7b");
        ArrayNode array = reply.putArray("choices");
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            ObjectNode c = array.addObject().put("index", i);
            if (provider == Provider.AZURE) {
                c.putObject("content_filter_results").putObject("hate").put("filtered", false).put("severity", "safe");
            }
            ObjectNode message = c.putObject("message").put("role", "assistant");
            if (choice.content() == null) {
                message.putNull("content");
            } else {
                message.put("content", choice.content());
            }
            if (provider == Provider.OPENAI || provider == Provider.AZURE) {
                if (choice.refusal() == null) {
                    message.putNull("refusal");
                } else {
                    message.put("refusal", choice.refusal());
                }
            } else if (choice.refusal() != null) {
                message.put("refusal", choice.refusal());
            }
            if (!choice.calls().isEmpty()) {
                ArrayNode calls = message.putArray("tool_calls");
                for (Call call : choice.calls()) {
                    calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                            .put("name", call.name()).put("arguments", call.arguments());
                }
            } else if (provider == Provider.VLLM) {
                message.putArray("tool_calls");
                message.putNull("reasoning_content");
            }
            c.putNull("logprobs");
            c.put("finish_reason", choice.finish());
            if (provider == Provider.VLLM) {
                c.putNull("stop_reason");
            }
        }
        if (usage != null) {
            reply.putObject("usage").put("prompt_tokens", usage[0]).put("completion_tokens", usage[1]).put("total_tokens", usage[0] + usage[1]);
        }
        if (provider == Provider.AZURE) {
            reply.putArray("prompt_filter_results").addObject().put("prompt_index", 0).putObject("content_filter_results");
        }
        return reply;
    }

    private static String stream(List<Choice> choices, int[] usage, Provider provider, Random random) throws Exception {
        List<List<ObjectNode>> perChoice = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            perChoice.add(choiceEvents(i, choices.get(i), provider, random, i == choices.size() - 1 ? usage : null));
        }
        List<ObjectNode> events = new ArrayList<>();
        if (provider == Provider.AZURE) {
            ObjectNode filter = json.createObjectNode().put("id", "").put("object", "").put("created", 0).put("model", "");
            filter.putArray("choices");
            filter.putArray("prompt_filter_results").addObject().put("prompt_index", 0).putObject("content_filter_results");
            events.add(filter);
        }
        // the choices' events interleave, each choice's in order
        int[] next = new int[perChoice.size()];
        int left = perChoice.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int i = random.nextInt(perChoice.size());
            if (next[i] < perChoice.get(i).size()) {
                events.add(perChoice.get(i).get(next[i]++));
                left--;
            }
        }
        if (usage != null && provider != Provider.MISTRAL) {
            ObjectNode chunk = chunk(provider);
            chunk.putArray("choices");
            chunk.putObject("usage").put("prompt_tokens", usage[0]).put("completion_tokens", usage[1]).put("total_tokens", usage[0] + usage[1]);
            events.add(chunk);
        }
        StringBuilder body = new StringBuilder();
        for (ObjectNode event : events) {
            body.append("data: ").append(WIRE.writeValueAsString(event)).append("\n\n");
        }
        return body.append("data: [DONE]\n\n").toString();
    }

    private static List<ObjectNode> choiceEvents(int index, Choice choice, Provider provider, Random random, int[] usage) {
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode first = choiceChunk(provider, index, events);
        ObjectNode firstDelta = (ObjectNode) first.at("/choices/0/delta");
        firstDelta.put("role", "assistant");
        if (choice.refusal() == null) {
            firstDelta.put("content", "");
        } else {
            firstDelta.putNull("content");
        }
        if (provider == Provider.OPENAI || provider == Provider.AZURE) {
            firstDelta.putNull("refusal");
        }
        if (choice.content() != null) {
            for (String piece : cut(choice.content(), random)) {
                ((ObjectNode) choiceChunk(provider, index, events).at("/choices/0/delta")).put("content", piece);
            }
        }
        if (choice.refusal() != null) {
            for (String piece : cut(choice.refusal(), random)) {
                ((ObjectNode) choiceChunk(provider, index, events).at("/choices/0/delta")).put("refusal", piece);
            }
        }
        for (int t = 0; t < choice.calls().size(); t++) {
            Call call = choice.calls().get(t);
            ObjectNode opening = ((ObjectNode) choiceChunk(provider, index, events).at("/choices/0/delta")).putArray("tool_calls").addObject();
            opening.put("index", t).put("id", call.id()).put("type", "function").putObject("function").put("name", call.name()).put("arguments", "");
            for (String piece : cut(call.arguments(), random)) {
                ((ObjectNode) choiceChunk(provider, index, events).at("/choices/0/delta")).putArray("tool_calls").addObject()
                        .put("index", t).putObject("function").put("arguments", piece);
            }
        }
        // Mistral: the last text, the finish_reason and the usage share one chunk
        ObjectNode last;
        if (provider == Provider.MISTRAL && events.size() > 1 && events.getLast().at("/choices/0/delta/content").isTextual()) {
            last = events.getLast();
        } else {
            last = choiceChunk(provider, index, events);
            if (provider == Provider.OLLAMA) {
                ((ObjectNode) last.at("/choices/0/delta")).put("content", "");
            }
        }
        ((ObjectNode) last.at("/choices/0")).put("finish_reason", choice.finish());
        if (provider == Provider.MISTRAL && usage != null) {
            last.putObject("usage").put("prompt_tokens", usage[0]).put("completion_tokens", usage[1]).put("total_tokens", usage[0] + usage[1]);
        }
        return events;
    }

    private static ObjectNode chunk(Provider provider) {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", "chatcmpl-rw27").put("object", "chat.completion.chunk").put("created", 1764590101).put("model", "echo-7b");
        if (provider == Provider.OPENAI || provider == Provider.AZURE) {
            chunk.put("system_fingerprint", "fp_b705f0c291");
        } else if (provider == Provider.OLLAMA) {
            chunk.put("system_fingerprint", "fp_ollama");
        }
        return chunk;
    }

    private static ObjectNode choiceChunk(Provider provider, int index, List<ObjectNode> events) {
        ObjectNode chunk = chunk(provider);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
        if (provider == Provider.AZURE) {
            choice.putObject("content_filter_results");
        }
        ObjectNode delta = choice.putObject("delta");
        if (provider == Provider.OLLAMA) {
            delta.put("role", "assistant");
        }
        choice.putNull("finish_reason");
        if (provider == Provider.OPENAI || provider == Provider.AZURE || provider == Provider.VLLM) {
            choice.putNull("logprobs");
        }
        events.add(chunk);
        return chunk;
    }

    private static String anthropicMessage(Choice choice, int[] usage) {
        ObjectNode message = json.createObjectNode().put("id", "msg_rw27").put("type", "message").put("role", "assistant").put("model", "claude-test");
        message.putArray("content").addObject().put("type", "text").put("text", choice.content());
        message.put("stop_reason", choice.finish()).putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", usage[0]).put("output_tokens", usage[1]);
        return message.toString();
    }

    private static String anthropicStream(Choice choice, int[] usage, Random random) throws Exception {
        StringBuilder body = new StringBuilder();
        ObjectNode start = json.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", "msg_rw27").put("type", "message").put("role", "assistant").put("model", "claude-test");
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", usage[0]).put("output_tokens", 1);
        event(body, "message_start", start);
        ObjectNode blockStart = json.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        event(body, "content_block_start", blockStart);
        for (String piece : cut(choice.content(), random)) {
            ObjectNode delta = json.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            event(body, "content_block_delta", delta);
        }
        event(body, "content_block_stop", json.createObjectNode().put("type", "content_block_stop").put("index", 0));
        ObjectNode end = json.createObjectNode().put("type", "message_delta");
        end.putObject("delta").put("stop_reason", choice.finish()).putNull("stop_sequence");
        end.putObject("usage").put("output_tokens", usage[1]);
        event(body, "message_delta", end);
        event(body, "message_stop", json.createObjectNode().put("type", "message_stop"));
        return body.toString();
    }

    private static void event(StringBuilder body, String type, ObjectNode data) throws Exception {
        body.append("event: ").append(type).append('\n').append("data: ").append(WIRE.writeValueAsString(data)).append("\n\n");
    }

    private void serve(Case c) throws Exception {
        upstream.resetAll();
        upstreamPool.resetHealth();
        Random random = new Random(c.split());
        String jsonBody;
        String streamBody;
        if (c.provider() == Provider.ANTHROPIC) {
            jsonBody = anthropicMessage(c.choices().getFirst(), c.usage());
            streamBody = anthropicStream(c.choices().getFirst(), c.usage(), random);
        } else {
            jsonBody = WIRE.writeValueAsString(completion(c.choices(), c.usage(), c.provider()));
            streamBody = stream(c.choices(), c.usage(), c.provider(), random);
        }
        upstream.stubFor(target(c.provider()).atPriority(1).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(streamBody)));
        upstream.stubFor(target(c.provider()).atPriority(2)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(jsonBody)));
        upstream.stubFor(post(anyUrl()).atPriority(9).willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"message\":\"nope\"}}")));
    }

    private static MappingBuilder target(Provider provider) {
        return switch (provider) {
            case OPENAI, OLLAMA, VLLM -> post(urlEqualTo("/v1/chat/completions"));
            case AZURE -> post(urlPathEqualTo("/v1/azure/openai/deployments/gpt-4o-mini-prod/chat/completions"));
            case MISTRAL -> post(urlEqualTo("/v1/mistral/v1/chat/completions"));
            case ANTHROPIC -> post(urlEqualTo("/v1/anthropic/v1/messages"));
        };
    }

    // ---------------------------------------------------------------- the tool's requests

    private static final String TOOLS = """
            [{"type":"function","function":{"name":"stuur_brief","parameters":{"type":"object","properties":{"aan":{"type":"string"}}}}},
             {"type":"function","function":{"name":"zoek_dossier","parameters":{"type":"object","properties":{"aan":{"type":"string"}}}}}]""";

    private static String chatRequest(boolean stream, int n, boolean usage, boolean tools, String model) throws Exception {
        return chatRequest(stream, n, usage, tools, model, null);
    }

    private static String chatRequest(boolean stream, int n, boolean usage, boolean tools, String model, String format) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", model);
        if (format != null) {
            body.set("response_format", responseFormat(format, false));
        }
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        if (model.equals("claude")) {
            body.put("max_tokens", 500);
        }
        if (n > 1) {
            body.put("n", n);
        }
        if (stream) {
            body.put("stream", true);
            if (usage) {
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        if (tools) {
            body.set("tools", json.readTree(TOOLS));
        }
        return json.writeValueAsString(body);
    }

    private static String request(Case c, boolean stream) throws Exception {
        boolean tools = c.choices().stream().anyMatch(choice -> !choice.calls().isEmpty());
        return switch (c.surface()) {
            case CHAT -> chatRequest(stream, c.choices().size(), c.toolWantsUsage(), tools, c.model(), c.format());
            case COMPLETIONS -> {
                ObjectNode body = json.createObjectNode().put("model", c.model()).put("prompt", prompt).put("max_tokens", 500);
                if (c.choices().size() > 1) {
                    body.put("n", c.choices().size());
                }
                if (stream) {
                    body.put("stream", true);
                    if (c.toolWantsUsage()) {
                        body.putObject("stream_options").put("include_usage", true);
                    }
                }
                yield json.writeValueAsString(body);
            }
            case RESPONSES -> {
                ObjectNode body = json.createObjectNode().put("model", c.model()).put("input", prompt).put("max_output_tokens", 500);
                if (c.format() != null) {
                    body.putObject("text").set("format", responseFormat(c.format(), true));
                }
                if (stream) {
                    body.put("stream", true);
                }
                if (tools) {
                    ArrayNode list = body.putArray("tools");
                    for (JsonNode tool : json.readTree(TOOLS)) {
                        ObjectNode t = list.addObject().put("type", "function").put("name", tool.at("/function/name").asText());
                        t.set("parameters", tool.at("/function/parameters"));
                    }
                }
                yield json.writeValueAsString(body);
            }
        };
    }

    /** {@code response_format} (chat) or {@code text.format} (Responses API, where the schema's fields sit beside the type). */
    private static ObjectNode responseFormat(String format, boolean responses) {
        ObjectNode node = json.createObjectNode().put("type", format);
        if (format.equals("json_schema")) {
            ObjectNode schema = responses ? node : node.putObject("json_schema");
            schema.put("name", "brief").putObject("schema").put("type", "object");
        }
        return node;
    }

    private static String path(Surface surface) {
        return switch (surface) {
            case CHAT -> "/v1/chat/completions";
            case RESPONSES -> "/v1/responses";
            case COMPLETIONS -> "/v1/completions";
        };
    }

    // ---------------------------------------------------------------- comparing

    /** What the tool got, per choice, in one shape for both ways back. */
    record Got(Map<Integer, String> content, Map<Integer, String> refusal, Map<Integer, Map<Integer, String>> arguments,
               Map<Integer, String> finish, JsonNode usage, List<JsonNode> extensions, String status) {
    }

    /** @return what the tool got: the whole answer, then the stream */
    private Got[] compare(Case c, List<String> issued) throws Exception {
        serve(c);
        String useCase = c.redact() ? "test-antwoord" : "test-antwoord-tellen";
        HttpResponse<String> whole = postJson(path(c.surface()), request(c, false), TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", useCase);
        HttpResponse<String> streamed = postJson(path(c.surface()), request(c, true), TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", useCase);
        assertThat(whole.statusCode()).as("whole answer: %s", whole.body()).isEqualTo(200);
        assertThat(streamed.statusCode()).as("stream: %s", streamed.body()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        String wholeTrace = whole.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        String streamTrace = streamed.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();

        // the two answers differ in their trace ids only: compared as one
        Got a = fromWhole(c.surface(), parse(whole.body().replace(wholeTrace, "TRACE")));
        Got b = fromStream(c.surface(), streamed.body().replace(streamTrace, "TRACE"));
        assertThat(b.content()).as("text per choice").isEqualTo(a.content());
        assertThat(b.refusal()).as("refusal per choice").isEqualTo(a.refusal());
        assertThat(b.arguments()).as("tool-call arguments").isEqualTo(a.arguments());
        assertThat(b.finish()).as("finish_reason per choice").isEqualTo(a.finish());
        assertThat(b.status()).as("status").isEqualTo(a.status());

        // finish_reason as the model gave it (the Responses API says completed / incomplete instead)
        if (c.surface() != Surface.RESPONSES) {
            for (int i = 0; i < c.choices().size(); i++) {
                String expected = c.provider() == Provider.ANTHROPIC ? anthropicFinish(c.choices().get(i).finish()) : c.choices().get(i).finish();
                assertThat(a.finish().get(i)).as("finish_reason of choice %d", i).isEqualTo(expected);
            }
        }
        // usage: kept in the whole answer; in the stream only when the tool asked for it (the Responses API always says it)
        if (c.usage() != null) {
            assertThat(a.usage().path("prompt_tokens").asInt(a.usage().path("input_tokens").asInt())).as("usage").isEqualTo(c.usage()[0]);
            if (c.surface() == Surface.RESPONSES || c.toolWantsUsage()) {
                assertThat(b.usage()).as("streamed usage").isEqualTo(a.usage());
            }
        }
        if (c.surface() == Surface.CHAT && !c.toolWantsUsage()) {
            assertThat(b.usage()).as("usage the tool did not ask for").isNull();
        }

        // the disclaimer once in each plain text answer, the trace id once (in it), the extension field once
        String note = "\n\n---\nAI-tekst (" + c.model() + "), trace ";
        for (var entry : a.content().entrySet()) {
            Choice choice = c.choices().get(entry.getKey());
            boolean plain = choice.calls().isEmpty() && choice.content() != null && c.format() == null;
            assertThat(count(entry.getValue(), note)).as("disclaimers in choice %d", entry.getKey()).isEqualTo(plain ? 1 : 0);
            assertThat(count(entry.getValue(), "TRACE")).as("trace ids in choice %d", entry.getKey()).isEqualTo(plain ? 1 : 0);
            if (plain) {
                assertThat(entry.getValue()).endsWith(note + "TRACE");
            }
        }
        if (c.surface() == Surface.CHAT) {
            assertThat(a.extensions()).hasSize(1);
            assertThat(b.extensions()).as("extension fields in the stream").hasSize(1);
            assertThat(a.extensions().getFirst().path("trace_id").asText()).isEqualTo("TRACE");
            assertThat(b.extensions()).as("the extension field").isEqualTo(a.extensions());
        }

        // restoring: no issued placeholder is left in the text (nor in a refusal); invented personal data gone when the
        // use-case redacts
        List<String> texts = new ArrayList<>(a.content().values());
        texts.addAll(a.refusal().values());
        for (String text : texts) {
            for (String placeholder : issued) {
                assertThat(text).as("issued placeholder restored").doesNotContain(placeholder);
            }
            if (c.redact()) {
                for (String invented : INVENTED) {
                    assertThat(text).as("invented personal data redacted").doesNotContain(invented.replace("BSN ", ""));
                }
            }
        }

        // a JSON-mode answer: what was JSON still is, the same JSON both ways; with redact no value keeps invented data
        if (c.format() != null) {
            for (int i = 0; i < c.choices().size(); i++) {
                if (c.choices().get(i).content() == null || !isJson(c.choices().get(i).content())) {
                    continue;
                }
                String wholeText = a.content().get(i);
                String streamText = b.content().get(i);
                assertThat(isJson(wholeText)).as("choice %d whole is JSON: %s", i, wholeText).isTrue();
                assertThat(isJson(streamText)).as("choice %d streamed is JSON: %s", i, streamText).isTrue();
                assertThat(parse(streamText)).as("choice %d streamed JSON", i).isEqualTo(parse(wholeText));
                assertThat(shape(parse(streamText), false)).as("choice %d keeps the model's structure", i)
                        .isEqualTo(shape(parse(c.choices().get(i).content()), c.redact()));
            }
        }

        // one audit record each, with the same counts
        Map<String, Object> wholeRecord = onlyRecord(wholeTrace);
        Map<String, Object> streamRecord = onlyRecord(streamTrace);
        assertThat(wholeRecord.get("STREAMED")).isEqualTo(false);
        assertThat(streamRecord.get("STREAMED")).isEqualTo(true);
        for (String column : List.of("DECISION", "HTTP_STATUS", "OUTPUT_ENTITY_COUNTS", "PLACEHOLDERS_RESTORED", "PLACEHOLDERS_UNKNOWN",
                "ENTITY_COUNTS", "MODEL_ID")) {
            assertThat(streamRecord.get(column)).as("audit %s", column).isEqualTo(wholeRecord.get(column));
        }
        if (c.usage() != null) {
            assertThat(streamRecord.get("PROMPT_TOKENS")).as("audit prompt tokens").isEqualTo(wholeRecord.get("PROMPT_TOKENS"));
            assertThat(streamRecord.get("COMPLETION_TOKENS")).as("audit completion tokens").isEqualTo(wholeRecord.get("COMPLETION_TOKENS"));
        }
        return new Got[] {a, b};
    }

    private static boolean isJson(String text) {
        try {
            json.readerFor(JsonNode.class).with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(text);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * The shape of a JSON value: its objects' sizes, its arrays' lengths and the kinds of its values, in order, without the
     * text of keys (a placeholder in a key is restored) or of values. @param redacted whether the invented BSN written as a
     * number becomes the string {@code "[BSN]"}
     */
    private static String shape(JsonNode node, boolean redacted) {
        if (node.isObject()) {
            StringBuilder b = new StringBuilder("{");
            node.properties().forEach(e -> b.append(shape(e.getValue(), redacted)).append(','));
            return b.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder("[");
            node.forEach(v -> b.append(shape(v, redacted)).append(','));
            return b.append(']').toString();
        }
        if (redacted && node.isIntegralNumber() && node.asLong() == 123456782L) {
            return "STRING";
        }
        return node.getNodeType().name();
    }

    private static String anthropicFinish(String stopReason) {
        return switch (stopReason) {
            case "max_tokens" -> "length";
            default -> "stop";
        };
    }

    private Map<String, Object> onlyRecord(String trace) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM audit_record WHERE trace_id = ?", trace);
        assertThat(rows).as("audit records of " + trace).hasSize(1);
        return rows.getFirst();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static Got fromWhole(Surface surface, JsonNode body) {
        Map<Integer, String> content = new TreeMap<>();
        Map<Integer, String> refusal = new TreeMap<>();
        Map<Integer, Map<Integer, String>> arguments = new TreeMap<>();
        Map<Integer, String> finish = new TreeMap<>();
        List<JsonNode> extensions = new ArrayList<>();
        if (body.has(ReplyRewriter.EXTENSION)) {
            extensions.add(body.get(ReplyRewriter.EXTENSION));
        }
        switch (surface) {
            case CHAT -> {
                for (JsonNode choice : body.path("choices")) {
                    int i = choice.path("index").asInt();
                    content.put(i, choice.path("message").path("content").asText(""));
                    if (choice.path("message").path("refusal").isTextual()) {
                        refusal.put(i, choice.path("message").path("refusal").asText());
                    }
                    int t = 0;
                    for (JsonNode call : choice.path("message").path("tool_calls")) {
                        arguments.computeIfAbsent(i, k -> new TreeMap<>()).put(t++, call.path("function").path("name").asText()
                                + " " + call.path("id").asText() + " " + call.path("function").path("arguments").asText());
                    }
                    finish.put(i, choice.path("finish_reason").asText(null));
                }
                return new Got(content, refusal, arguments, finish, body.get("usage"), extensions, null);
            }
            case COMPLETIONS -> {
                for (JsonNode choice : body.path("choices")) {
                    content.put(choice.path("index").asInt(), choice.path("text").asText());
                    finish.put(choice.path("index").asInt(), choice.path("finish_reason").asText(null));
                }
                return new Got(content, refusal, arguments, finish, body.get("usage"), extensions, null);
            }
            default -> {
                responseOutput(body, content, arguments);
                return new Got(content, refusal, arguments, finish, body.get("usage"), extensions,
                        body.path("status").asText() + " " + body.path("incomplete_details"));
            }
        }
    }

    private static void responseOutput(JsonNode response, Map<Integer, String> content, Map<Integer, Map<Integer, String>> arguments) {
        StringBuilder text = new StringBuilder();
        int t = 0;
        for (JsonNode item : response.path("output")) {
            if (item.path("type").asText().equals("message")) {
                for (JsonNode part : item.path("content")) {
                    text.append(part.path("text").asText());
                }
            } else if (item.path("type").asText().equals("function_call")) {
                arguments.computeIfAbsent(0, k -> new TreeMap<>()).put(t++, item.path("name").asText() + " " + item.path("call_id").asText()
                        + " " + item.path("arguments").asText());
            }
        }
        content.put(0, text.toString());
    }

    private static Got fromStream(Surface surface, String body) throws Exception {
        List<String[]> events = framing(surface, body);
        Map<Integer, StringBuilder> content = new TreeMap<>();
        Map<Integer, StringBuilder> refusal = new TreeMap<>();
        Map<Integer, Map<Integer, String[]>> calls = new TreeMap<>();
        Map<Integer, String> finish = new TreeMap<>();
        List<JsonNode> extensions = new ArrayList<>();
        JsonNode usage = null;
        String status = null;
        StringBuilder deltas = new StringBuilder();
        Map<Integer, Map<Integer, String>> arguments = new TreeMap<>();
        Map<Integer, String> texts = new TreeMap<>();
        for (String[] event : events) {
            if (event[1].equals("[DONE]")) {
                continue;
            }
            JsonNode data = parse(event[1]);
            if (surface == Surface.RESPONSES) {
                switch (data.path("type").asText()) {
                    case "response.output_text.delta" -> deltas.append(data.path("delta").asText());
                    case "response.completed", "response.incomplete" -> {
                        JsonNode response = data.path("response");
                        responseOutput(response, texts, arguments);
                        usage = response.get("usage");
                        status = response.path("status").asText() + " " + response.path("incomplete_details");
                    }
                    default -> {
                    }
                }
                continue;
            }
            if (data.has(ReplyRewriter.EXTENSION)) {
                extensions.add(data.get(ReplyRewriter.EXTENSION));
            }
            if (data.path("usage").isObject()) {
                assertThat(usage).as("one usage chunk").isNull();
                usage = data.get("usage");
            }
            for (JsonNode choice : data.path("choices")) {
                int i = choice.path("index").asInt();
                if (surface == Surface.COMPLETIONS) {
                    content.computeIfAbsent(i, k -> new StringBuilder()).append(choice.path("text").asText(""));
                } else {
                    JsonNode delta = choice.path("delta");
                    content.computeIfAbsent(i, k -> new StringBuilder()).append(delta.path("content").asText(""));
                    if (delta.path("refusal").isTextual()) {
                        refusal.computeIfAbsent(i, k -> new StringBuilder()).append(delta.path("refusal").asText());
                    }
                    for (JsonNode call : delta.path("tool_calls")) {
                        String[] got = calls.computeIfAbsent(i, k -> new TreeMap<>()).computeIfAbsent(call.path("index").asInt(),
                                k -> new String[] {"", "", ""});
                        if (call.path("function").has("name")) {
                            got[0] = call.path("function").path("name").asText();
                        }
                        if (call.has("id")) {
                            got[1] = call.path("id").asText();
                        }
                        got[2] += call.path("function").path("arguments").asText("");
                    }
                }
                if (choice.hasNonNull("finish_reason")) {
                    assertThat(finish).as("one finish_reason per choice").doesNotContainKey(i);
                    finish.put(i, choice.get("finish_reason").asText());
                }
            }
        }
        if (surface == Surface.RESPONSES) {
            assertThat(deltas.toString()).as("the text deltas make the completed text").isEqualTo(texts.getOrDefault(0, ""));
            return new Got(texts, Map.of(), arguments, finish, usage, extensions, status);
        }
        Map<Integer, String> text = new TreeMap<>();
        content.forEach((i, b) -> text.put(i, b.toString()));
        Map<Integer, String> refused = new TreeMap<>();
        refusal.forEach((i, b) -> refused.put(i, b.toString()));
        calls.forEach((i, byIndex) -> byIndex.forEach((t, got) ->
                arguments.computeIfAbsent(i, k -> new TreeMap<>()).put(t, got[0] + " " + got[1] + " " + got[2])));
        return new Got(text, refused, arguments, finish, usage, extensions, null);
    }

    /**
     * The body's events as {type, data}; fails unless the body is nothing but well-formed events (chat and completions:
     * data lines, ending in exactly one {@code [DONE]}; Responses: typed events, ending in its terminal event).
     */
    private static List<String[]> framing(Surface surface, String body) {
        assertThat(body).as("SSE events end with a blank line").endsWith("\n\n");
        List<String[]> events = new ArrayList<>();
        for (String block : body.substring(0, body.length() - 2).split("\n\n", -1)) {
            String type = null;
            String data = null;
            for (String line : block.split("\n", -1)) {
                if (line.startsWith("event: ") && type == null && data == null) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ") && data == null) {
                    data = line.substring(6);
                } else {
                    throw new AssertionError("not an SSE event line: " + line + " in block " + block);
                }
            }
            assertThat(data).as("an event's data").isNotNull();
            events.add(new String[] {type, data});
        }
        if (surface == Surface.RESPONSES) {
            assertThat(events.getLast()[0]).isIn("response.completed", "response.incomplete");
            assertThat(body).doesNotContain("[DONE]");
        } else {
            assertThat(events.getLast()[1]).isEqualTo("[DONE]");
            assertThat(events.stream().filter(e -> e[1].equals("[DONE]")).count()).isEqualTo(1);
        }
        return events;
    }
}
