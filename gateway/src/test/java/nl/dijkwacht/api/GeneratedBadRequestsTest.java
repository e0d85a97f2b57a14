package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Generated bad input against every model endpoint (issue 15 follow-up, input26): valid requests of each endpoint,
 * mutated with a fixed seed — a field of the wrong JSON type, removed or given twice, deep nesting, numbers JSON
 * allows but Java does not hold, empty and 1 MB strings, invalid UTF-8, lone surrogates, control characters, wrong or
 * no Content-Type, truncated bodies, bodies that are no JSON — plus hand-picked odd values (roles, content parts, data
 * URLs, tool shapes, {@code user}). Every answer is a 2xx (the input was valid after all) or a 4xx in the OpenAI error
 * format with a Dutch message that names no Java class and repeats nothing sent; every answer of an authenticated
 * request has an audit record (a refusal with its code and status); and the log of the run holds no prompt text.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedBadRequestsTest extends GatewayTestBase {

    /** Stands for prompt text: it must show up in no error message and in no log line. */
    static final String PROMPT = "Vertrouwelijk dossier Kwakkelstein";
    private static final long SEED = 26;
    private static final int FIELD_MUTATIONS = 300;
    private static final String RAW = "@@raw@@";
    private static final Set<String> JAVA_WORDS = Set.of("Exception", "java.", "at nl.", "Jackson", "com.fasterxml",
            "jakarta.", "org.springframework", "NullPointer", "StackOverflow");
    private static final Set<String> DUTCH = Set.of("de", "het", "een", "is", "moet", "niet", "geen", "van", "veld", "mag",
            "en", "of", "kan", "deze", "dit", "wordt", "zijn", "bij", "voor", "te", "met", "in", "op", "aan", "er", "bestaat");
    private static final Set<String> ENGLISH = Set.of("the", "must", "invalid", "cannot", "unexpected", "failed", "expected",
            "missing", "should", "unknown", "required", "error");

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * REFUSED: must be a 4xx. EITHER: a 2xx if the input is valid after all. CONTAINER: refused by Tomcat before any
     * authentication (a path it will not decode), so in the OpenAI format but without trace id or record.
     */
    enum Expect { REFUSED, EITHER, CONTAINER }

    record Case(String kind, String method, String path, String contentType, byte[] body, Expect expect, List<String> headers) {
        Case(String kind, String method, String path, String contentType, byte[] body, Expect expect) {
            this(kind, method, path, contentType, body, expect, List.of());
        }

        String label() {
            return method + " " + path + " [" + kind + "]";
        }
    }

    @BeforeEach
    void upstreamAnswers() {
        String sse = """
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"echo-7b","choices":[{"index":0,"delta":{"role":"assistant","content":"Goed."},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"echo-7b","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"echo-7b","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}

                data: [DONE]

                """;
        upstream.stubFor(post(urlPathMatching(".*/chat/completions")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"echo-7b","choices":[{"index":0,
                         "message":{"role":"assistant","content":"Goed."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""")));
        upstream.stubFor(post(urlPathMatching(".*/chat/completions")).atPriority(1)
                .withRequestBody(containing("\"stream\":true")).willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream").withBody(sse)));
        upstream.stubFor(post(urlPathMatching(".*/embeddings")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\","
                        + "\"index\":0,\"embedding\":[0.1]}],\"model\":\"echo-7b\",\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}")));
        upstream.stubFor(post(anyUrl()).atPriority(9).willReturn(aResponse().withStatus(404)));
    }

    // ---- the valid requests every mutation starts from ----

    static Map<String, ObjectNode> validBodies() {
        Map<String, ObjectNode> bodies = new TreeMap<>();
        ObjectNode chat = json.createObjectNode().put("model", "upstream").put("temperature", 0.2).put("max_tokens", 50)
                .put("user", "medewerker-1");
        ArrayNode messages = chat.putArray("messages");
        messages.addObject().put("role", "system").put("content", "Antwoord kort.");
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "text").put("text", PROMPT);
        ObjectNode function = chat.putArray("tools").addObject().put("type", "function").putObject("function")
                .put("name", "zoek").put("description", "Zoekt een dossier");
        function.putObject("parameters").put("type", "object").putObject("properties").putObject("q").put("type", "string");
        chat.putArray("stop").add("EINDE");
        bodies.put("/v1/chat/completions", chat);

        ObjectNode stream = json.createObjectNode().put("model", "upstream").put("stream", true);
        stream.putObject("stream_options").put("include_usage", true);
        stream.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        bodies.put("/v1/chat/completions#stream", stream);

        ObjectNode responses = json.createObjectNode().put("model", "upstream").put("instructions", "Kort.")
                .put("max_output_tokens", 50);
        responses.putArray("input").addObject().put("role", "user").putArray("content").addObject()
                .put("type", "input_text").put("text", PROMPT);
        bodies.put("/v1/responses", responses);

        bodies.put("/v1/completions", json.createObjectNode().put("model", "upstream").put("prompt", PROMPT).put("max_tokens", 20));

        ObjectNode embeddings = json.createObjectNode().put("model", "upstream");
        embeddings.putArray("input").add(PROMPT);
        bodies.put("/v1/embeddings", embeddings);
        return bodies;
    }

    // ---- what replaces a field's value (raw JSON text, so values Jackson would not write are possible) ----

    static final List<String> REPLACEMENTS = List.of(
            json("x " + PROMPT), "42", "-0", "-0.0", "1e400", "-1e400", "99999999999999999999", "1.5", "true", "null",
            "[]", "{}", "[" + json(PROMPT) + "]", "{\"a\":" + json(PROMPT) + "}", "\"\"",
            "\"\\ud800 " + PROMPT + "\"", "\"\\udc00\\ud800\"", "\"a\\u0000b\\u001f\\u007f" + PROMPT + "\"",
            "\"tab\there\"", // an unescaped control character: no JSON
            "[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
            "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]", "\"" + "ä".repeat(200) + "\"", "NaN", "Infinity", "0x10", "01",
            "\"1e400\"", "[null]", "[1,2,3]", "[{}]", "[[]]", "{\"type\":null}");

    static String json(String text) {
        try {
            return GatewayTestBase.json.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every path (object field or array element) in a body, as a list of keys and indexes. */
    static void paths(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                List<Object> child = new ArrayList<>(at);
                child.add(e.getKey());
                out.add(child);
                paths(e.getValue(), child, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = new ArrayList<>(at);
                child.add(i);
                out.add(child);
                paths(node.get(i), child, out);
            }
        }
    }

    /** The body with the value at {@code path} set to a marker, written out, the marker then replaced by raw text. */
    static String withRaw(ObjectNode valid, List<Object> path, java.util.function.Function<JsonNode, String> raw) {
        ObjectNode body = valid.deepCopy();
        JsonNode parent = body;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer n ? parent.get(n) : parent.get((String) path.get(i));
        }
        Object last = path.getLast();
        JsonNode old = last instanceof Integer n ? parent.get(n) : parent.get((String) last);
        if (last instanceof Integer n) {
            ((ArrayNode) parent).set(n, TextNode.valueOf(RAW));
        } else {
            ((ObjectNode) parent).set((String) last, TextNode.valueOf(RAW));
        }
        return write(body).replace("\"" + RAW + "\"", raw.apply(old));
    }

    static String write(JsonNode node) {
        try {
            return GatewayTestBase.json.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pathText(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            text.append(step instanceof Integer n ? "[" + n + "]" : (text.isEmpty() ? "" : ".") + step);
        }
        return text.toString();
    }

    static List<Case> cases() {
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        Map<String, ObjectNode> valid = validBodies();
        List<String> endpoints = new ArrayList<>(valid.keySet());

        // 1. a field's value replaced, the field removed, or given twice
        for (int i = 0; i < FIELD_MUTATIONS; i++) {
            String endpoint = endpoints.get(random.nextInt(endpoints.size()));
            ObjectNode body = valid.get(endpoint);
            List<List<Object>> paths = new ArrayList<>();
            paths(body, new ArrayList<>(), paths);
            List<Object> path = paths.get(random.nextInt(paths.size()));
            int choice = random.nextInt(REPLACEMENTS.size() + 2);
            String text;
            String kind;
            if (choice == REPLACEMENTS.size()) {
                text = without(body, path);
                kind = "remove " + pathText(path);
            } else if (choice == REPLACEMENTS.size() + 1 && path.getLast() instanceof String key) {
                text = withRaw(body, path, old -> write(old) + "," + json(key) + ":" + write(old));
                kind = "duplicate " + pathText(path);
            } else {
                String raw = REPLACEMENTS.get(choice % REPLACEMENTS.size());
                text = withRaw(body, path, old -> raw);
                kind = pathText(path) + " = " + abbreviate(raw);
            }
            cases.add(jsonCase(endpoint, kind, text, Expect.EITHER));
        }

        // 2. 1 MB strings: one just under the body limit, one over it
        for (String endpoint : endpoints) {
            String body = write(valid.get(endpoint));
            cases.add(jsonCase(endpoint, "string of ~1 MB", body.replace(PROMPT, PROMPT + " " + "woord ".repeat(170_000)), Expect.EITHER));
            cases.add(jsonCase(endpoint, "body over 1 MiB", body.replace(PROMPT, PROMPT + "x".repeat(1_100_000)), Expect.REFUSED));
        }

        // 3. the bytes themselves: truncated, invalid UTF-8, no JSON, wrong Content-Type
        byte[][] badBytes = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        // overlong two-byte forms Jackson decodes (to '/' and NUL) rather than refusing: harmless, see overlongUtf8()
        byte[][] overlong = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC0, (byte) 0x80}};
        for (String endpoint : endpoints) {
            String body = write(valid.get(endpoint));
            for (int i = 0; i < 4; i++) {
                int cut = 1 + random.nextInt(body.length() - 2);
                cases.add(new Case("truncated at " + cut, "POST", path(endpoint), "application/json",
                        body.substring(0, cut).getBytes(StandardCharsets.UTF_8), Expect.REFUSED));
            }
            for (byte[] bad : badBytes) {
                int at = body.indexOf(PROMPT) + 5;
                cases.add(new Case("invalid UTF-8 " + hex(bad), "POST", path(endpoint), "application/json",
                        concat(body.substring(0, at).getBytes(StandardCharsets.UTF_8), bad,
                                body.substring(at).getBytes(StandardCharsets.UTF_8)), Expect.REFUSED));
            }
            for (byte[] bad : overlong) {
                int at = body.indexOf(PROMPT) + 5;
                cases.add(new Case("overlong UTF-8 " + hex(bad), "POST", path(endpoint), "application/json",
                        concat(body.substring(0, at).getBytes(StandardCharsets.UTF_8), bad,
                                body.substring(at).getBytes(StandardCharsets.UTF_8)), Expect.EITHER));
            }
            // a byte order mark: RFC 8259 lets a parser ignore it, and Jackson does
            cases.add(jsonCase(endpoint, "byte order mark", "\uFEFF" + body, Expect.EITHER));
            for (String notJson : List.of("", " ", "model=upstream&prompt=" + PROMPT, "<xml>" + PROMPT + "</xml>", "null", "[]",
                    "[" + body + "]", json(PROMPT), "42", "{", "}", body + "}", body.replace("\":", "\"="),
                    body.replace("\"", "'"), "{\"model\":upstream}", "{model:\"upstream\"}", "{\"model\":\"upstream\",}",
                    "/* c */" + body, body + "\u0000")) {
                cases.add(jsonCase(endpoint, "not JSON: " + abbreviate(notJson), notJson, Expect.REFUSED));
            }
            for (String contentType : new String[] {null, "text/plain", "application/xml", "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/jsonx", "json", "*/*",
                    "application/json;;;", "application/json; charset=\"", "APPLICATION/JSON", "application/*", "*/json",
                    "application/*+json", "*/*; charset=utf-8", "application/json; q=*", "application/json; charset=*",
                    "application/json; charset=x-onbekend", "application/json, */*", "*", "application/json; charset=utf-8; charset=latin1"}) {
                // the type is application/json: empty parameters or one that is not a charset change nothing
                boolean fine = contentType != null && Set.of("APPLICATION/JSON", "application/json;;;", "application/json; q=*").contains(contentType);
                cases.add(new Case("Content-Type " + contentType, "POST", path(endpoint), contentType,
                        body.getBytes(StandardCharsets.UTF_8), fine ? Expect.EITHER : Expect.REFUSED));
            }
        }

        // 4. hand-picked odd values: roles, content parts, data URLs, tool shapes, user
        String chatStart = "{\"model\":\"upstream\",\"messages\":[";
        for (String role : List.of("baas", "", "USER", "function", "developer", "tool", "assistant", " user", "user\u0000", PROMPT)) {
            cases.add(jsonCase("/v1/chat/completions", "role " + abbreviate(role),
                    chatStart + "{\"role\":" + json(role) + ",\"content\":" + json(PROMPT) + "}]}", Expect.EITHER));
        }
        for (String part : List.of("{\"type\":\"video\",\"video\":" + json(PROMPT) + "}", "{\"type\":\"text\"}", "{\"text\":" + json(PROMPT) + "}",
                "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"!!!\",\"format\":\"wav\"}}", "{\"type\":\"refusal\",\"refusal\":\"nee\"}",
                "{\"type\":null,\"text\":" + json(PROMPT) + "}", "{\"type\":[\"text\"],\"text\":\"x\"}", "{\"type\":\"text\",\"text\":\"x\",\"extra\":1}",
                "null", "42", "[]")) {
            cases.add(jsonCase("/v1/chat/completions", "content part " + abbreviate(part),
                    chatStart + "{\"role\":\"user\",\"content\":[" + part + "]}]}", Expect.EITHER));
        }
        for (String url : List.of("data:image/png;base64,!!!", "data:,", "data:image/png;base64,", "data:text/html;base64,PGI+",
                "data:image/png,rauw", "data:;base64,iVBORw0KGgo=", "data:image/png;base64,iVBORw0KGgo", "javascript:alert(1)",
                "file:///etc/passwd", "", "http://", "data:image/svg+xml;base64," + "A".repeat(4000), "data:image/png;base64,"
                + PROMPT)) {
            cases.add(jsonCase("/v1/chat/completions", "image url " + abbreviate(url), chatStart
                    + "{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":" + json(url) + "}}]}]}", Expect.EITHER));
        }
        for (String imageUrl : List.of("null", "42", "\"data:image/png;base64,iVBORw0KGgo=\"", "{}", "{\"url\":null}",
                "{\"url\":\"https://example.nl/a.png\",\"detail\":\"ultra\"}")) {
            cases.add(jsonCase("/v1/chat/completions", "image_url " + imageUrl, chatStart
                    + "{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":" + imageUrl + "}]}]}", Expect.EITHER));
        }
        for (String tools : List.of("{}", "\"zoek\"", "[null]", "[{}]", "[{\"type\":\"function\"}]", "[{\"type\":\"function\",\"function\":{}}]",
                "[{\"type\":\"function\",\"function\":{\"name\":\"zoek dossier\"}}]", "[{\"type\":\"function\",\"function\":{\"name\":\"\"}}]",
                "[{\"type\":\"function\",\"function\":{\"name\":\"zoek\",\"parameters\":\"object\"}}]",
                "[{\"type\":\"function\",\"function\":{\"name\":\"zoek\",\"parameters\":{\"type\":\"object\",\"properties\":[]}}}]",
                "[{\"type\":\"function\",\"function\":{\"name\":\"zoek\",\"parameters\":{\"type\":42}}}]",
                "[{\"type\":\"code_interpreter\"}]", "[{\"type\":\"function\",\"function\":{\"name\":\"zoek\"}},{\"type\":\"function\","
                        + "\"function\":{\"name\":\"zoek\"}}]", "[{\"type\":\"function\",\"function\":{\"name\":\"" + "z".repeat(300) + "\"}}]")) {
            cases.add(jsonCase("/v1/chat/completions", "tools " + abbreviate(tools), "{\"model\":\"upstream\",\"tools\":" + tools
                    + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}", Expect.EITHER));
        }
        for (String user : List.of("\"\"", "\" \"", json("x".repeat(10_000)), json(PROMPT), "42", "null", "[]", "{}",
                "\"regel\\nregel\"", "\"a\\u0000b\"", "\"\\ud800\"", json("😀".repeat(100)), "\"../../etc/passwd\"", "\"%00\"")) {
            cases.add(jsonCase("/v1/chat/completions", "user " + abbreviate(user), "{\"model\":\"upstream\",\"user\":" + user
                    + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}", Expect.EITHER));
        }

        // 5. Responses input items and tools of odd kinds, stream flags of the wrong type
        String responsesStart = "{\"model\":\"upstream\",\"input\":[";
        for (String item : List.of("{\"type\":\"video\"}", "{\"role\":\"baas\",\"content\":\"x\"}", "{\"type\":\"message\",\"role\":\"user\"}",
                "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_image\",\"image_url\":\"data:,\"}]}",
                "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_file\",\"file_data\":\"!!!\"}]}",
                "{\"type\":\"function_call_output\",\"call_id\":42,\"output\":\"x\"}", "{\"type\":\"function_call\",\"name\":\"zoek\"}",
                "{\"type\":\"item_reference\",\"id\":" + json(PROMPT) + "}", "{\"role\":\"user\",\"content\":[{\"type\":\"output_text\"}]}", "[]", "\"x\"")) {
            cases.add(jsonCase("/v1/responses", "input item " + abbreviate(item), responsesStart + item + "]}", Expect.EITHER));
        }
        for (String tools : List.of("[{\"type\":\"function\"}]", "[{\"type\":\"function\",\"name\":\"zoek\",\"parameters\":\"x\"}]",
                "[{\"type\":\"web_search\"}]", "[{\"type\":\"file_search\",\"vector_store_ids\":[1]}]", "[{\"type\":\"mcp\"}]", "{}")) {
            cases.add(jsonCase("/v1/responses", "tools " + abbreviate(tools), "{\"model\":\"upstream\",\"input\":\"Hallo\",\"tools\":"
                    + tools + "}", Expect.EITHER));
        }
        for (String stream : List.of("\"true\"", "1", "null", "{}", "false")) {
            for (String endpoint : List.of("/v1/chat/completions", "/v1/responses", "/v1/completions")) {
                String text = endpoint.equals("/v1/chat/completions") ? "\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]"
                        : endpoint.equals("/v1/responses") ? "\"input\":\"Hallo\"" : "\"prompt\":\"Hallo\"";
                cases.add(jsonCase(endpoint, "stream " + stream + " with stream_options", "{\"model\":\"upstream\",\"stream\":" + stream
                        + ",\"stream_options\":{\"include_usage\":\"ja\"}," + text + "}", Expect.EITHER));
            }
        }

        // 6. odd headers next to a valid body: Accept, Content-Encoding, the use-case and task headers
        String plain = write(valid.get("/v1/chat/completions#stream")).replace("\"stream\":true", "\"stream\":false");
        for (List<String> headers : List.of(List.of("Accept", "text/html"), List.of("Accept", "application/xml"), List.of("Accept", "*/*;q=0"),
                List.of("Accept", "text/event-stream"), List.of("Content-Encoding", "gzip"), List.of("Content-Encoding", "br"),
                List.of("Content-Encoding", "identity"), List.of("X-Dijkwacht-Use-Case", ""), List.of("X-Dijkwacht-Use-Case", "x".repeat(5000)),
                List.of("X-Dijkwacht-Use-Case", "test-algemeen, test-velden"), List.of("X-Dijkwacht-Use-Case", "zaak " + PROMPT),
                List.of("X-Dijkwacht-Task", PROMPT), List.of("X-Dijkwacht-Task", "t".repeat(5000)), List.of("Accept-Charset", "latin1"),
                List.of("X-Dijkwacht-Use-Case", "test-algemeen", "X-Dijkwacht-Use-Case", "test-velden"))) {
            cases.add(new Case("header " + abbreviate(String.join(": ", headers)), "POST", "/v1/chat/completions", "application/json",
                    plain.getBytes(StandardCharsets.UTF_8), Expect.EITHER, headers));
        }

        // 7. the model list and one model: odd ids, methods, query strings
        for (String path : List.of("/v1/models", "/v1/models?limit=-1", "/v1/models?x=" + "y".repeat(2000), "/v1/models/",
                "/v1/models/%00", "/v1/models/%E2%82", "/v1/models/" + "m".repeat(3000), "/v1/models/%F0%9F%98%80", "/v1/models/..%2F..",
                "/v1/models/upstream/extra", "/v1/models/%20", "/v1/models/dry-run")) {
            boolean container = path.endsWith("%00") || path.endsWith("%E2%82") || path.contains("%2F");
            cases.add(new Case("GET", "GET", path, null, null, container ? Expect.CONTAINER : Expect.EITHER));
        }
        cases.add(new Case("POST models", "POST", "/v1/models", "application/json", "{}".getBytes(StandardCharsets.UTF_8), Expect.REFUSED));
        cases.add(new Case("GET chat", "GET", "/v1/chat/completions", null, null, Expect.REFUSED));
        cases.add(new Case("PUT chat", "PUT", "/v1/chat/completions", "application/json", write(valid.get("/v1/chat/completions"))
                .getBytes(StandardCharsets.UTF_8), Expect.REFUSED));
        cases.add(new Case("PATCH responses", "PATCH", "/v1/responses", "application/json", write(valid.get("/v1/responses"))
                .getBytes(StandardCharsets.UTF_8), Expect.REFUSED));
        cases.add(new Case("DELETE embeddings", "DELETE", "/v1/embeddings", null, null, Expect.REFUSED));
        return cases;
    }

    static String without(ObjectNode valid, List<Object> path) {
        ObjectNode body = valid.deepCopy();
        JsonNode parent = body;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer n ? parent.get(n) : parent.get((String) path.get(i));
        }
        if (path.getLast() instanceof Integer n) {
            ((ArrayNode) parent).remove(n);
        } else {
            ((ObjectNode) parent).remove((String) path.getLast());
        }
        return write(body);
    }

    static Case jsonCase(String endpoint, String kind, String body, Expect expect) {
        return new Case(kind, "POST", path(endpoint), "application/json", body.getBytes(StandardCharsets.UTF_8), expect);
    }

    static String path(String endpoint) {
        return endpoint.replace("#stream", "");
    }

    static String abbreviate(String text) {
        String shown = text.replace(PROMPT, "PROMPT");
        return shown.length() > 40 ? shown.substring(0, 40) + "…(" + shown.length() + ")" : shown;
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b & 0xff));
        }
        return text.toString();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    // ---- the run ----

    @Test
    void everyGeneratedBadRequestGetsADutchOpenAiErrorOrAnAnswerAndAnAuditRecord(CapturedOutput output) throws Exception {
        List<Case> cases = cases();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (Case c : cases) {
            HttpResponse<String> response = send(c);
            statuses.merge(c.method() + " " + abbreviate(c.path()) + " " + response.statusCode(), 1, Integer::sum);
            String problem = problem(c, response);
            if (problem != null) {
                failures.add(c.label() + ": " + problem);
            }
        }
        assertThat(cases).hasSizeGreaterThan(400);
        assertThat(failures).as("answers per endpoint and status: " + statuses).isEmpty();
        assertThat(output.getAll()).as("the log holds no prompt text").doesNotContain(PROMPT).doesNotContain("Kwakkelstein");
        System.out.println("GeneratedBadRequestsTest: " + cases.size() + " requests, by endpoint and status: " + statuses);
    }

    private HttpResponse<String> send(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(c.path())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestPack.TOOL_KEY);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        for (int i = 0; i < c.headers().size(); i += 2) {
            request.header(c.headers().get(i), c.headers().get(i + 1));
        }
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What is wrong with this answer, or null. */
    private String problem(Case c, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        for (String word : JAVA_WORDS) {
            if (body.contains(word)) {
                return status + " names Java: " + word;
            }
        }
        if (status >= 500) {
            return status + " " + abbreviate(body);
        }
        if (status < 400) {
            if (c.expect() == Expect.REFUSED) {
                return "accepted (" + status + ") what must be refused";
            }
            return auditProblem(response, null, status);
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return status + " without JSON: " + response.headers().firstValue("Content-Type").orElse("none");
        }
        JsonNode error;
        try {
            error = parse(body).path("error");
        } catch (Exception e) {
            return status + " body is no JSON";
        }
        for (String field : List.of("message", "type", "param", "code")) {
            if (!error.has(field)) {
                return status + " error without '" + field + "': " + abbreviate(body);
            }
        }
        if (c.expect() == Expect.CONTAINER) {
            return status == 400 && "bad_request".equals(error.path("code").asText()) ? null : status + " from the container?";
        }
        String message = error.path("message").asText();
        if (message.contains(PROMPT) || message.contains("Kwakkelstein") || error.path("param").asText().contains("Kwakkelstein")) {
            return status + " repeats prompt text";
        }
        if (!dutch(message)) {
            return status + " message not Dutch: " + message;
        }
        return auditProblem(response, error.path("code").asText(), status);
    }

    private static boolean dutch(String message) {
        List<String> words = List.of(message.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
        return words.stream().anyMatch(DUTCH::contains) && words.stream().noneMatch(ENGLISH::contains);
    }

    private String auditProblem(HttpResponse<String> response, String code, int status) {
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElse(null);
        if (trace == null) {
            return status + " " + code + " without a trace id";
        }
        List<Map<String, Object>> records = jdbc.queryForList("SELECT * FROM audit_record WHERE trace_id = ?", trace);
        if (records.size() != 1) {
            return status + " " + code + ": " + records.size() + " audit records";
        }
        Map<String, Object> record = records.getFirst();
        if ("not_found".equals(code) && "endpoint_not_supported".equals(record.get("ERROR_CODE"))) {
            return null; // NotOfferedRoutes: the same 404 for everyone, the record says what the known caller asked
        }
        if (code != null && (!code.equals(record.get("ERROR_CODE")) || !Integer.valueOf(status).equals(record.get("HTTP_STATUS"))
                || !"refused".equals(record.get("DECISION")))) {
            return status + " " + code + ": audit record says " + record.get("DECISION") + " " + record.get("ERROR_CODE") + " "
                    + record.get("HTTP_STATUS");
        }
        return null;
    }
}
