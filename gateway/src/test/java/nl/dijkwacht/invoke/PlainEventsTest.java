package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One parser for a stream's events says of every event what a new parser per event said ({@link PlainCheckBefore}):
 * over the recorded provider streams, read whole and in pieces of a few bytes, and over edge cases and broken events
 * fed one after another to one stream's parser, so that what an event leaves behind cannot change the next one's answer.
 */
class PlainEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String HEAD = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",";
    private static final String PLAIN = HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" Beste\"},\"logprobs\":null,\"finish_reason\":null}]}";

    private static final String[] EDGES = {
        PLAIN,
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"finish_reason\":null}],\"usage\":null}",
        "{\"choices\":[{\"delta\":{\"content\":\"caf\\u00e9 \\\"x\\\"\\n \\ud83d\\ude00\"},\"index\":0}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"café 😀 ĳ\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":null}}]}",
        "{\"choices\":[{\"index\":0}]}",
        "{ \"choices\" : [ { \"index\" : 0 , \"delta\" : { \"content\" : \"a\" } } ] } \t ",
        "\t {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "lang ".repeat(3000) + "\"}}]}",
        "{\"prompt_filter_results\":[[[[[[[[{\"y\":[1,2.5,-3e10,true,false,null,\"s\"]}]]]]]]]],\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
        // several choices, finishing, usage, tool calls, annotations, citations, error
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":1,\"delta\":{\"content\":\"b\"}}]}",
        HEAD + "\"choices\":[{\"index\":1,\"delta\":{\"content\":\"a\"}}]}",
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
        HEAD + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}",
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":1}}",
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\"}}]}}]}",
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"annotations\":[]}}]}",
        HEAD + "\"citations\":[\"https://x\"],\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
        "{\"error\":{\"message\":\"overloaded\"}}",
        HEAD + "\"choices\":[{\"delta\":{\"content\":\"a\"}}]}",
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"choices\":[]}",
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}",
        HEAD + "\"choices\":[{\"index\":0,\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":7}}]}",
        HEAD + "\"choices\":[{\"index\":0,\"delta\":\"a\"}]}",
        HEAD + "\"choices\":{}}",
        // the index as other numbers
        "{\"choices\":[{\"index\":0.0,\"delta\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"index\":-0,\"delta\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"index\":00,\"delta\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"index\":99999999999,\"delta\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"index\":\"0\",\"delta\":{\"content\":\"a\"}}]}",
        // not one JSON object on one line
        "{\"id\":\"c\"}",
        "{}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n",
        "{\"choices\":[{\"index\":0,\r\"delta\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]} {}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}{\"choices\":[]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]} 1",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]} x",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}}",
        "[1]",
        "1",
        "null",
        "\"text\"",
        "",
        "   ",
        "not json",
        // broken and unfinished events: a value the check skips, and one it reads
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"",
        "{\"prompt_filter_results\":{\"y\":[1,2",
        "{\"prompt_filter_results\":\"unterminated",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\\u00\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},}]}",
        "{'choices':[{'index':0,'delta':{'content':'a'}}]}",
        "{choices:[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
        "{\"prompt_filter_results\":NaN,\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
        "{/* c */\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\tb\"}}]}",
        // cut right after a value the check skips (an object: its END_OBJECT is the token the parser last gave)
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"x_groq\":{\"id\":\"req_1\"}",
        HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"prompt_filter_results\":[]",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"content_filter_results\":{}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"role\":{}",
    };

    @Test
    void theRecordedProviderStreamsReadWholeAndInPieces() throws IOException {
        for (String provider : List.of("azure", "mistral", "ollama")) {
            byte[] body = recording("/wire/" + provider + "/chat-stream.sse");
            int plain = compareStream(body, Integer.MAX_VALUE);
            assertThat(plain).as(provider).isPositive();
            for (int piece = 1; piece <= 7; piece++) {
                assertThat(compareStream(body, piece)).as(provider + " in pieces of " + piece).isEqualTo(plain);
            }
        }
    }

    @Test
    void theBenchMocksStream() throws IOException {
        StringBuilder sse = new StringBuilder();
        String head = "data: {\"id\":\"chatcmpl-mock1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"system_fingerprint\":\"fp_mock\",\"choices\":[";
        for (int i = 0; i < 22; i++) {
            String delta = i == 0 ? "{\"role\":\"assistant\",\"content\":\"Dit\"}" : "{\"content\":\" woord" + i + "\"}";
            sse.append(head).append("{\"index\":0,\"delta\":").append(delta).append(",\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        }
        sse.append(head).append("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n");
        sse.append(head).append("],\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":22,\"total_tokens\":434}}\n\n");
        sse.append("data: [DONE]\n\n");
        assertThat(compareStream(sse.toString().getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE)).isEqualTo(22);
    }

    @Test
    void edgeCasesOneAfterAnotherOnOneStreamsParser() {
        try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
            for (int round = 0; round < 2; round++) {
                for (String edge : EDGES) {
                    compare(stream, edge);
                    compare(stream, PLAIN); // what the edge case left behind does not change the next event
                }
            }
        }
        for (String edge : EDGES) {
            try (PlainEvents alone = new PlainEvents(PlainEvents.parsers(JSON))) {
                compare(alone, edge);
            }
        }
    }

    /** The finishing and usage events are read to their end, so a stream needs one parser; a broken event, a new one. */
    @Test
    void oneParserForAStreamANewOneAfterABrokenEvent() {
        int[] made = {0};
        JsonFactory counting = new JsonFactory() {
            @Override
            public String getFormatName() {
                return FORMAT_NAME_JSON; // a subclass is not taken for JSON otherwise
            }

            @Override
            public JsonParser createNonBlockingByteArrayParser() throws IOException {
                made[0]++;
                return super.createNonBlockingByteArrayParser();
            }
        };
        try (PlainEvents stream = new PlainEvents(counting)) {
            assertThat(plain(stream, PLAIN)).isEqualTo(" Beste");
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}")).isNull();
            assertThat(plain(stream, HEAD + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}")).isNull();
            assertThat(plain(stream, "[1, {\"a\": [2]}]")).isNull();
            assertThat(plain(stream, PLAIN)).isEqualTo(" Beste");
            assertThat(made[0]).isEqualTo(1);
            assertThat(plain(stream, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"")).isNull();
            assertThat(plain(stream, PLAIN)).isEqualTo(" Beste");
            assertThat(plain(stream, "{} 1")).isNull();
            assertThat(plain(stream, PLAIN)).isEqualTo(" Beste");
            assertThat(made[0]).isEqualTo(3);
            String large = HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "x".repeat(PlainEvents.LARGE_EVENT)
                    + "\"}}]}";
            assertThat(plain(stream, large)).hasSize(PlainEvents.LARGE_EVENT); // plain, but its parser is not kept
            assertThat(plain(stream, PLAIN)).isEqualTo(" Beste");
            assertThat(made[0]).isEqualTo(4); // the large event used the third, then let it go
        }
    }

    /** A byte-order mark, another encoding, bytes that are not UTF-8: each alone and after a plain event. */
    @Test
    void bytesThatAreNotPlainUtf8() {
        byte[] event = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}".getBytes(StandardCharsets.UTF_8);
        List<byte[]> odd = new ArrayList<>();
        odd.add(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, event));
        for (byte b : new byte[] {(byte) 0xFF, (byte) 0xC3, (byte) 0x80, (byte) 0xED, 0, 1, 0x1F, 0x7F}) {
            byte[] broken = event.clone();
            broken[event.length - 7] = b; // in the content
            odd.add(broken);
            broken = event.clone();
            broken[event.length - 15] = b; // in a name
            odd.add(broken);
        }
        for (byte[] bytes : odd) {
            try (PlainEvents alone = new PlainEvents(PlainEvents.parsers(JSON))) {
                compare(alone, bytes, bytes.length);
            }
            try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
                compare(stream, event, event.length);
                compare(stream, bytes, bytes.length);
                compare(stream, event, event.length);
            }
        }
    }

    /**
     * The one difference: an event in UTF-16 or UTF-32 (which the event-stream format does not allow: it is UTF-8) was
     * plain, as createParser detects the encoding, and went to the tool as those bytes; now it goes through the tree,
     * which reads the same text and writes it as UTF-8.
     */
    @Test
    void anEventInAnotherEncodingGoesThroughTheTree() {
        String event = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}";
        for (var charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, java.nio.charset.Charset.forName("UTF-32BE"))) {
            byte[] bytes = event.getBytes(charset);
            assertThat(PlainCheckBefore.plainContent(JSON, bytes, bytes.length)).isEqualTo("a");
            try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
                assertThat(stream.plainContent(bytes, bytes.length)).as(charset.name()).isNull();
                compare(stream, PLAIN);
            }
            RawChunk chunk = new RawChunk(bytes, bytes.length, JSON);
            assertThat(chunk.plainContent()).isNull();
            assertThat(chunk.tree().at("/choices/0/delta/content").asText()).isEqualTo("a");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void theAnswersThemselves() {
        try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
            assertThat(plain(stream, PLAIN)).isEqualTo(" Beste");
            assertThat(plain(stream, EDGES[2])).isEqualTo("café \"x\"\n 😀");
            assertThat(plain(stream, EDGES[3])).isEqualTo("café 😀 ĳ");
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}")).isNull();
            assertThat(plain(stream, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"")).isNull();
            assertThat(plain(stream, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}]}")).isEqualTo("b");
            assertThat(plain(stream, "not json")).isNull();
            assertThat(plain(stream, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"c\"}}]}")).isEqualTo("c");
        }
    }

    /**
     * An event with an object after its choices (Groq's {@code x_groq}), cut at every byte, each cut followed by a plain
     * event on the same parser: a cut event is never plain, and the parser it leaves behind reads the next one as before.
     * (A non-blocking parser out of input answers NOT_AVAILABLE and leaves its current token as it was: the END_OBJECT of
     * the skipped object, which looked like the event's end.)
     */
    @Test
    void everyCutOfAnEventWithAnObjectAfterItsChoices() {
        String event = HEAD + "\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Beste\","
                + "\"role\":{}},\"logprobs\":null,\"finish_reason\":null,\"content_filter_results\":{}}],\"x_groq\":{\"id\":\"req_01\"}}";
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
            for (int cut = 0; cut < bytes.length; cut++) {
                assertThat(compare(stream, bytes, cut)).as(event.substring(0, cut)).isNull();
                assertThat(compare(stream, PLAIN.getBytes(StandardCharsets.UTF_8), PLAIN.length())).isEqualTo(" Beste");
            }
            assertThat(compare(stream, bytes, bytes.length)).isEqualTo("Beste");
        }
    }

    /** Each event of a recording, cut short and with a byte changed, the relay's buffer reused: same answer as before. */
    @Test
    void brokenCopiesOfRecordedEvents() throws IOException {
        List<byte[]> events = new ArrayList<>();
        for (String provider : List.of("azure", "mistral", "ollama")) {
            events.addAll(events(recording("/wire/" + provider + "/chat-stream.sse"), Integer.MAX_VALUE));
        }
        byte[] buffer = new byte[16384];
        Random random = new Random(15);
        byte[] changes = "{}[]\",:0 a\\\n".getBytes(StandardCharsets.UTF_8);
        try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
            for (byte[] event : events) {
                for (int cut = 0; cut <= event.length; cut++) {
                    fill(buffer, event, cut);
                    compare(stream, buffer, cut);
                }
                for (int i = 0; i < 200; i++) {
                    fill(buffer, event, event.length);
                    buffer[random.nextInt(event.length)] = changes[random.nextInt(changes.length)];
                    compare(stream, buffer, event.length);
                }
            }
        }
    }

    /** Any byte (not UTF-8, a control, a quote) put in or in place of one to three of a recorded event's bytes. */
    @Test
    void anyBytesInRecordedEvents() throws IOException {
        List<byte[]> events = new ArrayList<>();
        for (String provider : List.of("azure", "mistral", "ollama")) {
            events.addAll(events(recording("/wire/" + provider + "/chat-stream.sse"), Integer.MAX_VALUE));
        }
        byte[] buffer = new byte[16384];
        Random random = new Random(41);
        try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
            for (byte[] event : events) {
                for (int i = 0; i < 500; i++) {
                    byte[] changed = event;
                    for (int k = random.nextInt(3); k >= 0; k--) {
                        int at = random.nextInt(changed.length);
                        byte b = (byte) random.nextInt(256);
                        if (random.nextBoolean()) {
                            changed = changed.clone();
                            changed[at] = b;
                        } else {
                            byte[] longer = Arrays.copyOf(changed, changed.length + 1);
                            System.arraycopy(changed, at, longer, at + 1, changed.length - at);
                            longer[at] = b;
                            changed = longer;
                        }
                    }
                    fill(buffer, changed, changed.length);
                    compare(stream, buffer, changed.length);
                    compare(stream, PLAIN);
                }
            }
        }
    }

    private static void fill(byte[] buffer, byte[] event, int length) {
        Arrays.fill(buffer, (byte) '}'); // what the buffer holds beyond the event must not be read
        System.arraycopy(event, 0, buffer, 0, length);
    }

    /** @return how many of the stream's events were plain */
    private static int compareStream(byte[] body, int piece) throws IOException {
        int plain = 0;
        try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
            for (byte[] event : events(body, piece)) {
                plain += compare(stream, event, event.length) == null ? 0 : 1;
            }
        }
        return plain;
    }

    private static List<byte[]> events(byte[] body, int piece) throws IOException {
        InputStream in = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, piece));
            }
        };
        SseEvents sse = new SseEvents(in, mayWait -> { });
        List<byte[]> events = new ArrayList<>();
        for (SseEvents.Data data = sse.next(); data != null; data = sse.next()) {
            if (!data.isDone()) {
                events.add(Arrays.copyOf(data.bytes(), data.length()));
            }
        }
        return events;
    }

    /**
     * answer48 (docs/adr/0014): a field the gateway does not know, with a value, makes an event not plain at every level
     * (under redact the tree path drops it); with {@code null} it carries nothing and the event stays plain.
     */
    @Test
    void anUnknownFieldWithAValueIsNotPlainText() throws Exception {
        try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\","
                    + "\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"b\"}]}}]}")).isNull();
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"thinking\":\"b\"}]}")).isNull();
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"search_results\":[]}")).isNull();
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"thinking_blocks\":null},"
                    + "\"stop_reason\":null}],\"kv_transfer_params\":null}")).isEqualTo("a");
            assertThat(plain(stream, HEAD + "\"provider\":\"Anthropic\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                    + "\"content\":\"a\"},\"native_finish_reason\":null}]}")).isEqualTo("a");
            assertThat(plain(stream, PLAIN)).isEqualTo(" Beste");
        }
    }

    /**
     * review48: a chunk's choice with a whole {@code message} beside its delta (Perplexity's text so far) goes down the
     * tree path, which drops it under redact; a {@code null} one stays plain.
     */
    @Test
    void aMessageBesideTheDeltaIsNotPlainText() throws Exception {
        try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" 1\"},"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"Het BSN is 1\"}}]}")).isNull();
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"message\":null}]}"))
                    .isEqualTo("a");
            assertThat(plain(stream, PLAIN)).isEqualTo(" Beste");
        }
    }

    /** answer46: a spoken answer's delta goes down the tree path, where its transcript is restored and scanned as text. */
    @Test
    void aSpokenAnswersDeltaIsNotPlainText() throws Exception {
        try (PlainEvents stream = new PlainEvents(PlainEvents.parsers(JSON))) {
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"audio\":{\"transcript\":\"Beste\"}}}]}"))
                    .isNull();
            assertThat(plain(stream, HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"audio\":{\"data\":\"AAAA\"}}}]}")).isNull();
            assertThat(plain(stream, PLAIN)).isEqualTo(" Beste");
        }
    }

    private static String plain(PlainEvents stream, String event) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        return stream.plainContent(bytes, bytes.length);
    }

    private static void compare(PlainEvents stream, String event) {
        byte[] bytes = (event + "}} trailing bytes of the relay's buffer").getBytes(StandardCharsets.UTF_8);
        compare(stream, bytes, event.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String compare(PlainEvents stream, byte[] bytes, int length) {
        String before = PlainCheckBefore.plainContent(JSON, bytes, length);
        String now = stream.plainContent(bytes, length);
        assertThat(now).as(new String(bytes, 0, length, StandardCharsets.UTF_8)).isEqualTo(before);
        return now;
    }

    private static byte[] recording(String resource) throws IOException {
        try (InputStream in = PlainEventsTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
