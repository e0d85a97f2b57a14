package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.PythonSdk;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model reads what the gateway read (parse28): request bodies made to be read differently by different JSON
 * readers — duplicate keys (same name, other case, Unicode escapes, Go's case folding), bytes that are not UTF-8 or
 * not UTF-8 at all (overlong forms, encoded surrogates, UTF-16/32), unpaired surrogate escapes, JSON extensions
 * (comments, quotes, NaN, trailing data, deep nesting), and strings the gateway might not count as text — each carrying
 * a BSN and an e-mail address, sent to a model that may receive no personal data ({@code extern}, data-classes []).
 *
 * <p>The property: a request is either refused (a 4xx in the OpenAI error format with a Dutch message, nothing sent to
 * the model, a refusal record) or answered, and then no reference reader finds the BSN or the e-mail address in any
 * string — value or key — of what reached the model: Jackson (as WireMock received it), Python's {@code json.loads}
 * (OpenAI, vLLM, LiteLLM) and Node's {@code JSON.parse}. A body the readers read differently must be refused.
 * Generated from a fixed seed: the positions of the bad bytes in the BSN and e-mail, the field carrying them.
 */
class GeneratedParserDifferentialsTest extends GatewayTestBase {

    private static final String BSN = "111222333";
    private static final String EMAIL = "jan.jansen@example.nl";
    private static final String SECRET = "BSN " + BSN + ", mail " + EMAIL;
    private static final String ANSWER = """
            {"id":"c1","object":"chat.completion","created":1,"model":"extern-model","choices":[{"index":0,
             "message":{"role":"assistant","content":"Goed."},"finish_reason":"stop"}]}""";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Refused: the readers read it differently. Either: governed or refused, whichever; the property holds both ways. */
    enum Expect { REFUSED, ANSWERED, EITHER }

    record Variant(String family, String name, byte[] body, String contentType, Expect expect) {
    }

    /** The carriers of the secret: a JSON text with {@code %s} where a string goes (the string as JSON, quotes included). */
    private static final Map<String, String> CARRIERS = new LinkedHashMap<>();

    static {
        CARRIERS.put("message content", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":%s}]}");
        CARRIERS.put("content part", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":%s}]}]}");
        CARRIERS.put("tool description", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"zoek\",\"description\":%s,\"parameters\":{\"type\":\"object\"}}}]}");
        CARRIERS.put("schema property description", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"zoek\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"q\":{\"type\":\"string\",\"description\":%s}}}}}]}");
        CARRIERS.put("metadata", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}],\"metadata\":{\"zaaknummer\":%s}}");
    }

    static List<Variant> variants() {
        Random random = new Random(2826);
        List<Variant> out = new ArrayList<>();
        String secret = quoted(SECRET);
        String hallo = "{\"role\":\"user\",\"content\":\"Hallo\"}";
        String leak = "{\"role\":\"user\",\"content\":" + secret + "}";

        // --- duplicate keys: Jackson refuses them; Python, JavaScript and Go take the last, others the first
        add(out, "duplicate", "top level messages, secret last", "{\"model\":\"extern\",\"messages\":[" + hallo + "],\"messages\":[" + leak + "]}", Expect.REFUSED);
        add(out, "duplicate", "top level messages, secret first", "{\"model\":\"extern\",\"messages\":[" + leak + "],\"messages\":[" + hallo + "]}", Expect.REFUSED);
        add(out, "duplicate", "message content", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\",\"content\":" + secret + "}]}", Expect.REFUSED);
        add(out, "duplicate", "content as text and as parts", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\","
                + "\"content\":[{\"type\":\"text\",\"text\":" + secret + "}]}]}", Expect.REFUSED);
        add(out, "duplicate", "content part text", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hallo\",\"text\":" + secret + "}]}]}", Expect.REFUSED);
        add(out, "duplicate", "tool description", "{\"model\":\"extern\",\"messages\":[" + hallo + "],\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"zoek\",\"description\":\"Zoek\",\"description\":" + secret + ",\"parameters\":{\"type\":\"object\"}}}]}", Expect.REFUSED);
        add(out, "duplicate", "schema property description", CARRIERS.get("schema property description").formatted("\"Zoekterm\",\"description\":" + secret), Expect.REFUSED);
        add(out, "duplicate", "metadata key", CARRIERS.get("metadata").formatted("\"Z-1\",\"zaaknummer\":" + secret), Expect.REFUSED);
        add(out, "duplicate", "key written with a Unicode escape", "{\"model\":\"extern\",\"messages\":[" + hallo + "],\"mess\\u0061ges\":[" + leak + "]}", Expect.REFUSED);
        add(out, "duplicate", "content key with an escape", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\",\"cont\\u0065nt\":" + secret + "}]}", Expect.REFUSED);

        // --- keys equal only to a case-insensitive reader (Go's encoding/json, Ollama: also ſ = s, K = k): never unread
        for (String key : List.of("Messages", "MESSAGES", "me\u017f\u017fages", "mess\\u0041ges")) {
            add(out, "folded key", "top level " + key, "{\"model\":\"extern\",\"messages\":[" + hallo + "],\"" + key + "\":[" + leak + "]}", Expect.EITHER);
        }
        for (String key : List.of("Content", "CONTENT", "content\\u0000", "conten\\u0074 ")) {
            add(out, "folded key", "message " + key, "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\",\"" + key + "\":" + secret + "}]}", Expect.EITHER);
        }
        add(out, "folded key", "part Text", "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hallo\",\"Text\":" + secret + "}]}]}", Expect.EITHER);
        add(out, "folded key", "function Description", "{\"model\":\"extern\",\"messages\":[" + hallo + "],\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"zoek\",\"description\":\"Zoek\",\"Description\":" + secret + ",\"parameters\":{\"type\":\"object\"}}}]}", Expect.EITHER);
        for (String key : List.of("Description", "DESCRIPTION", "Enum", "Title", "x-notitie")) {
            String value = key.equals("Enum") ? "[" + secret + "]" : secret;
            add(out, "folded key", "schema property " + key, CARRIERS.get("schema property description").formatted("\"Zoekterm\",\"" + key + "\":" + value), Expect.EITHER);
        }
        // a schema's own keys are strings the model reads too (Go's structs read them case-insensitively)
        add(out, "schema key", "keyword-like key holding the secret", "{\"model\":\"extern\",\"messages\":[" + hallo + "],\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"zoek\",\"parameters\":{\"type\":\"object\"," + quoted("x-" + EMAIL) + ":true," + secret + ":{}}}}]}", Expect.EITHER);
        add(out, "schema key", "response_format schema key", "{\"model\":\"extern\",\"messages\":[" + hallo + "],\"response_format\":{\"type\":\"json_schema\","
                + "\"json_schema\":{\"name\":\"antwoord\",\"schema\":{\"type\":\"object\"," + secret + ":{\"type\":\"string\"}}}}}", Expect.EITHER);

        // --- bytes: overlong forms, bytes that are no UTF-8, encoded surrogates, code points above U+10FFFF
        byte[][] bad = {
                {(byte) 0xC0, (byte) 0xB1}, {(byte) 0xE0, (byte) 0x80, (byte) 0xB1}, {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xB1},
                {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE9}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAE}};
        List<String> carriers = new ArrayList<>(CARRIERS.keySet());
        for (byte[] b : bad) {
            String carrier = carriers.get(random.nextInt(carriers.size()));
            // inside the BSN (one of its digits replaced) or inside the e-mail address (one of its characters replaced)
            boolean inBsn = random.nextBoolean();
            int at = inBsn ? 4 + random.nextInt(BSN.length()) : SECRET.indexOf(EMAIL) + random.nextInt(EMAIL.length());
            byte[] text = SECRET.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream s = new ByteArrayOutputStream();
            s.write(text, 0, at);
            s.writeBytes(b);
            s.write(text, at + 1, text.length - at - 1);
            String[] around = CARRIERS.get(carrier).split("%s");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes((around[0] + "\"").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(s.toByteArray());
            body.writeBytes(("\"" + around[1]).getBytes(StandardCharsets.UTF_8));
            out.add(new Variant("bytes", hex(b) + " in the " + (inBsn ? "BSN" : "e-mail") + " of the " + carrier, body.toByteArray(),
                    "application/json", Expect.REFUSED));
        }
        // --- unpaired surrogate escapes in the BSN or e-mail (Python and JavaScript keep them, Go reads U+FFFD)
        for (String escape : List.of("\\ud800", "\\udfff", "\\uDBFF\\u0041", "\\ud83d\\\\ude00")) {
            String carrier = carriers.get(random.nextInt(carriers.size()));
            int at = 4 + random.nextInt(BSN.length());
            String text = "\"" + SECRET.substring(0, at) + escape + SECRET.substring(at) + "\"";
            add(out, "surrogate", escape + " in the " + carrier, CARRIERS.get(carrier).formatted(text), Expect.REFUSED);
        }
        // --- whole bodies in another encoding, or declared as one
        String plain = CARRIERS.get("message content").formatted(secret);
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE")) {
            out.add(new Variant("encoding", "body in " + charset, plain.getBytes(Charset.forName(charset)), "application/json", Expect.REFUSED));
        }
        for (String header : List.of("application/json; charset=iso-8859-1", "application/json; charset=utf-16", "application/json;charset=windows-1252",
                "application/json; charset=utf-8; charset=latin1")) {
            out.add(new Variant("encoding", "declared " + header, plain.getBytes(StandardCharsets.ISO_8859_1), header, Expect.REFUSED));
        }
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        out.add(new Variant("encoding", "UTF-8 byte order mark", concat(bom, plain.getBytes(StandardCharsets.UTF_8)), "application/json", Expect.ANSWERED));
        out.add(new Variant("encoding", "NUL byte after the document", concat(plain.getBytes(StandardCharsets.UTF_8), new byte[] {0}), "application/json", Expect.REFUSED));

        // --- JSON extensions some readers take: each hides the secret somewhere a lenient reader reads it
        String head = "{\"model\":\"extern\",\"messages\":[" + hallo;
        add(out, "extension", "block comment", head + "]/*" + SECRET + "*/}", Expect.REFUSED);
        add(out, "extension", "line comment", head + "]//" + SECRET + "\n}", Expect.REFUSED);
        add(out, "extension", "single quotes", head + ",{'role':'user','content':'" + SECRET + "'}]}", Expect.REFUSED);
        add(out, "extension", "unquoted key", head + ",{role:\"user\",content:" + secret + "}]}", Expect.REFUSED);
        add(out, "extension", "trailing comma in the list", head + "," + leak + ",]}", Expect.REFUSED);
        add(out, "extension", "trailing comma in the object", head + "," + leak + "],}", Expect.REFUSED);
        add(out, "extension", "NaN", head + "," + leak + "],\"temperature\":NaN}", Expect.REFUSED);
        add(out, "extension", "Infinity", head + "," + leak + "],\"temperature\":-Infinity}", Expect.REFUSED);
        add(out, "extension", "leading zero", head + "," + leak + "],\"max_tokens\":0100}", Expect.REFUSED);
        add(out, "extension", "huge exponent", head + "," + leak + "],\"temperature\":1e400}", Expect.REFUSED);
        add(out, "extension", "raw tab in a string", CARRIERS.get("message content").formatted("\"BSN\t" + BSN + ", mail " + EMAIL + "\""), Expect.REFUSED);
        add(out, "extension", "raw line feed in a string", CARRIERS.get("message content").formatted("\"BSN\n" + BSN + ", mail " + EMAIL + "\""), Expect.REFUSED);
        add(out, "extension", "trailing garbage", plain + " " + secret, Expect.REFUSED);
        add(out, "extension", "two documents", CARRIERS.get("message content").formatted("\"Hallo\"") + plain, Expect.REFUSED);
        add(out, "extension", "two documents on two lines", CARRIERS.get("message content").formatted("\"Hallo\"") + "\n" + plain, Expect.REFUSED);
        add(out, "extension", "backslash escape of a letter", CARRIERS.get("message content").formatted("\"\\B\\S\\N " + BSN + ", mail " + EMAIL + "\""), Expect.REFUSED);
        add(out, "extension", "nesting 65 deep", nested(65, secret), Expect.REFUSED);
        add(out, "extension", "nesting 2000 deep", nested(2000, secret), Expect.REFUSED);
        // plain JSON nested within the limit, as a control: governed
        add(out, "control", "nesting 30 deep", nested(30, secret), Expect.EITHER);
        for (String carrier : carriers) {
            add(out, "control", "plain " + carrier, CARRIERS.get(carrier).formatted(secret), Expect.ANSWERED);
            // Python's json.dumps writes every non-ASCII character as an escape, emoji as a surrogate pair: still read
            add(out, "control", "escaped pair in the " + carrier, CARRIERS.get(carrier).formatted(quoted("\ud83d\ude00 " + SECRET).replace("\ud83d\ude00", "\\ud83d\\ude00")),
                    Expect.ANSWERED);
        }
        return out;
    }

    @Test
    void whatReachesTheModelHoldsNoPersonalDataForAnyReader(@TempDir Path forwarded) throws Exception {
        upstream.stubFor(post(urlEqualTo("/extern/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ANSWER)));
        List<String> failures = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        int answered = 0;
        List<Variant> variants = variants();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String label = v.family() + ": " + v.name();
            upstream.resetRequests();
            HttpResponse<String> response = send(v);
            List<LoggedRequest> sent = upstream.findAll(anyRequestedFor(anyUrl()));
            int status = response.statusCode();
            if (status == 200) {
                answered++;
                if (v.expect() == Expect.REFUSED) {
                    failures.add(label + ": answered (200), expected a refusal");
                }
                for (LoggedRequest request : sent) {
                    String file = String.format("v%03d", i);
                    Files.write(forwarded.resolve(file), request.getBody());
                    names.put(file, label);
                    String asJackson = json.readTree(request.getBody()).toString();
                    if (asJackson.contains(BSN) || asJackson.contains(EMAIL)) {
                        failures.add(label + ": Jackson reads personal data in what the model got");
                    }
                }
            } else {
                if (v.expect() == Expect.ANSWERED) {
                    failures.add(label + ": refused (" + status + "), expected an answer");
                }
                String problem = refusalProblem(response, sent);
                if (problem != null) {
                    failures.add(label + ": " + problem);
                }
            }
        }
        failures.addAll(referenceReaders(forwarded, names));
        assertThat(answered).as("the controls were answered, so the readers had something to read").isGreaterThanOrEqualTo(CARRIERS.size());
        assertThat(failures).as("of " + variants.size() + " variants").isEmpty();
    }

    /** A refusal as the brief wants it, or what is wrong with it. */
    private String refusalProblem(HttpResponse<String> response, List<LoggedRequest> sent) throws Exception {
        int status = response.statusCode();
        if (status < 400 || status > 499) {
            return "status " + status;
        }
        if (!sent.isEmpty()) {
            return "refused (" + status + ") but the model got the body";
        }
        JsonNode error = parse(response.body()).path("error");
        String message = error.path("message").asText();
        if (message.isEmpty() || error.path("code").asText().isEmpty() || !error.path("type").asText().equals("invalid_request_error")) {
            return "not an OpenAI error: " + response.body();
        }
        if (!(message.contains(" de ") || message.contains(" het ") || message.contains(" een ") || message.startsWith("Stuur") || message.startsWith("De ") || message.startsWith("Het ") || message.startsWith("Een "))) {
            return "not a Dutch message: " + message;
        }
        if (response.body().contains(BSN) || response.body().contains(EMAIL)) {
            return "the refusal repeats the personal data";
        }
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElse(null);
        if (trace == null) {
            return "no trace id, so no audit record";
        }
        Map<String, Object> audit = auditRecord(trace);
        if (!"refused".equals(audit.get("DECISION"))) {
            return "audit decision " + audit.get("DECISION");
        }
        if (audit.values().toString().contains(BSN) || audit.values().toString().contains(EMAIL)) {
            return "the audit record holds the personal data";
        }
        return null;
    }

    /** Python's json.loads and Node's JSON.parse over every forwarded body, each in one process. */
    private static List<String> referenceReaders(Path forwarded, Map<String, String> names) throws Exception {
        List<String> failures = new ArrayList<>();
        String python = PythonSdk.run("forwarded_reads.py", List.of("json"), forwarded.toString(), BSN, EMAIL);
        failures.addAll(readerFailures("Python json.loads", python, names));
        failures.addAll(readerFailures("Node JSON.parse", node(forwarded), names));
        return failures;
    }

    private static List<String> readerFailures(String reader, String output, Map<String, String> names) {
        List<String> failures = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String line : output.strip().split("\n")) {
            String[] parts = line.strip().split(" ", 2);
            if (!names.containsKey(parts[0])) {
                continue;
            }
            seen.put(parts[0], true);
            if (!parts[1].equals("OK")) {
                failures.add(names.get(parts[0]) + ": " + reader + " " + parts[1]);
            }
        }
        if (!seen.keySet().equals(names.keySet())) {
            failures.add(reader + " read " + seen.size() + " of " + names.size() + " forwarded bodies: " + output);
        }
        return failures;
    }

    private static String node(Path forwarded) throws Exception {
        if (!onPath("node")) {
            String message = "no Node.js (node) on the PATH for the JSON.parse reading";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            System.err.println("SKIPPED (loudly): " + message);
            Assumptions.abort(message);
        }
        List<String> command = new ArrayList<>(List.of("node", Path.of("src/test/node/forwarded_reads.js").toAbsolutePath().toString(),
                forwarded.toString(), BSN, EMAIL));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("node did not end within a minute");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<String> send(Variant v) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url("/v1/chat/completions"))
                .header("Content-Type", v.contentType())
                .header("Authorization", "Bearer " + TestPack.TOOL_KEY)
                .header("X-Dijkwacht-Use-Case", "test-velden")
                .POST(HttpRequest.BodyPublishers.ofByteArray(v.body()))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- generation helpers

    private static void add(List<Variant> out, String family, String name, String body, Expect expect) {
        out.add(new Variant(family, name, body.getBytes(StandardCharsets.UTF_8), "application/json", expect));
    }

    private static String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret in a message's content, the request also carrying a schema nested {@code depth} levels deep. */
    private static String nested(int depth, String secret) {
        StringBuilder schema = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            schema.append("{\"type\":\"array\",\"items\":");
        }
        schema.append("{\"type\":\"string\"}");
        schema.append("}".repeat(depth));
        return "{\"model\":\"extern\",\"messages\":[{\"role\":\"user\",\"content\":" + secret + "}],\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"zoek\",\"parameters\":{\"type\":\"object\",\"properties\":{\"q\":" + schema + "}}}}]}";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.isEmpty() ? "" : " ").append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }
}
