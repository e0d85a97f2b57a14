package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainChunkScan} answers only where Jackson's parser ({@link RawChunk#readWithParser}, the earlier code) gives
 * the same text: on generated plain events (ASCII, escapes, surrogates, UTF-8 of every length, spacing, field orders,
 * extra fields of every JSON type) and on ~300,000 broken or not-plain variants of them (bytes replaced, inserted,
 * removed, cut off; duplicates, other indexes, finish reasons, tool calls, errors, deep nesting) — and it does answer for
 * the plain events the upstreams send.
 */
class PlainChunkScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PIECES = {"a", "Z", " ", "0", "é", "€", "ß", "\uD83D\uDE00", "\"", "\\", "/", "\b", "\f", "\t",
        "\u0001", "\u001f", "\u007f", "\u0080", "\u00ff", "\u0800", "\uFFFF", "\uD800", "\uDFFF", "<", "&", "'", "Jan", "[PERSOON_1]"};

    private final Random random = new Random(40);

    @Test
    void answersOnlyAsTheParserDoes() throws Exception {
        int answered = 0;
        int compared = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] plain = plainEvent();
            String expected = RawChunk.readWithParser(plain, plain.length, JSON);
            String scanned = PlainChunkScan.content(plain, plain.length);
            if (scanned != null) {
                assertThat(scanned).as(new String(plain, StandardCharsets.UTF_8)).isEqualTo(expected);
                answered++;
            }
            for (int m = 0; m < 15; m++) {
                byte[] broken = broken(plain);
                if (hasLineBreak(broken)) {
                    continue; // RawChunk leaves these to the tree before either reader
                }
                String byScan = PlainChunkScan.content(broken, broken.length);
                if (byScan != null) {
                    assertThat(byScan).as(new String(broken, StandardCharsets.ISO_8859_1))
                            .isEqualTo(RawChunk.readWithParser(broken, broken.length, JSON));
                }
                compared++;
            }
        }
        assertThat(answered).as("the generated plain events the scan recognised").isGreaterThan(15_000);
        assertThat(compared).isGreaterThan(250_000);
    }

    @Test
    void theEventsUpstreamsSendAreRecognised() {
        String[] events = {
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1733356800,\"model\":\"gpt-4o-mini\","
                    + "\"system_fingerprint\":\"fp_mock\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" Goedemiddag\"},"
                    + "\"logprobs\":null,\"finish_reason\":null}]}",
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1733356800,\"model\":\"m\",\"service_tier\":\"default\","
                    + "\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                    + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x1\"}",
            "{\"id\":\"cmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"caf\u00e9 \\u20ac \\\"x\\\"\"},\"logprobs\":null,\"finish_reason\":null,\"stop_reason\":null}]}",
            "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":2,\"model\":\"llama3\",\"system_fingerprint\":\"fp_ollama\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hallo\"},\"finish_reason\":null}]}",
        };
        String[] texts = {" Goedemiddag", "", "café € \"x\"", "Hallo"};
        for (int k = 0; k < events.length; k++) {
            byte[] bytes = events[k].getBytes(StandardCharsets.UTF_8);
            assertThat(PlainChunkScan.content(bytes, bytes.length)).isEqualTo(texts[k])
                    .isEqualTo(RawChunk.readWithParser(bytes, bytes.length, JSON));
        }
        byte[] finish = "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(PlainChunkScan.content(finish, finish.length)).isNull();
        byte[] usage = "{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}".getBytes(StandardCharsets.UTF_8);
        assertThat(PlainChunkScan.content(usage, usage.length)).isNull();
        byte[] cut = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]".getBytes(StandardCharsets.UTF_8);
        assertThat(PlainChunkScan.content(cut, cut.length)).isNull();
    }

    /** A plain text event as some upstream might write it: fields in any order, extra fields, spacing, any text. */
    private byte[] plainEvent() throws Exception {
        ObjectNode delta = JSON.createObjectNode();
        if (random.nextInt(4) == 0) {
            delta.put("role", "assistant");
        }
        switch (random.nextInt(8)) {
            case 0 -> delta.putNull("content");
            case 1 -> { }
            default -> delta.put("content", text());
        }
        if (random.nextInt(5) == 0) {
            delta.putNull("refusal");
        }
        if (random.nextInt(6) == 0) {
            delta.set("reasoning", JSON.readTree("{\"a\":[1,2.5,-0.5e-3,true,false,null,\"x\"],\"b\":{}}"));
        }
        ObjectNode choice = JSON.createObjectNode();
        List<Runnable> choiceFields = new ArrayList<>();
        choiceFields.add(() -> choice.put("index", 0));
        choiceFields.add(() -> choice.set("delta", delta));
        if (random.nextBoolean()) {
            choiceFields.add(() -> choice.putNull("finish_reason"));
        }
        if (random.nextBoolean()) {
            choiceFields.add(() -> choice.putNull("logprobs"));
        }
        if (random.nextInt(4) == 0) {
            choiceFields.add(() -> choice.put("stop_reason", random.nextBoolean() ? null : "x"));
        }
        Collections.shuffle(choiceFields, random);
        choiceFields.forEach(Runnable::run);
        ObjectNode event = JSON.createObjectNode();
        List<Runnable> fields = new ArrayList<>();
        fields.add(() -> event.put("id", "chatcmpl-" + random.nextInt(1_000_000)));
        fields.add(() -> event.put("object", "chat.completion.chunk"));
        fields.add(() -> event.put("created", 1_733_356_800L + random.nextInt(1000)));
        fields.add(() -> event.put("model", "gpt-4o-mini"));
        fields.add(() -> event.putArray("choices").add(choice));
        if (random.nextBoolean()) {
            fields.add(() -> event.put("system_fingerprint", "fp_" + random.nextInt(100)));
        }
        if (random.nextInt(3) == 0) {
            fields.add(() -> event.putNull("usage"));
        }
        if (random.nextInt(4) == 0) {
            fields.add(() -> event.put("temperature_used", random.nextDouble() * 2));
        }
        Collections.shuffle(fields, random);
        fields.forEach(Runnable::run);
        String written = JSON.writeValueAsString(event);
        if (random.nextInt(3) == 0) {
            written = written.replace(",", random.nextBoolean() ? " , " : ",\t").replace(":", ": ");
        }
        if (random.nextInt(4) == 0) {
            written = " " + written + "\t ";
        }
        if (random.nextInt(3) == 0) {
            // non-ASCII as \\u escapes, as some servers write them
            StringBuilder escaped = new StringBuilder();
            written.chars().forEach(c -> escaped.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
            written = escaped.toString();
        }
        return written.getBytes(StandardCharsets.UTF_8);
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** The event broken or made not plain in one of many ways. */
    private byte[] broken(byte[] plain) {
        String text = new String(plain, StandardCharsets.ISO_8859_1);
        int at = random.nextInt(plain.length + 1);
        return switch (random.nextInt(14)) {
            case 0 -> replaceByte(plain, at, (byte) random.nextInt(256));
            case 1 -> insertBytes(plain, at, new byte[] {(byte) random.nextInt(256)});
            case 2 -> insertBytes(plain, at, new byte[] {(byte) (0x80 + random.nextInt(0x80)), (byte) (0x80 + random.nextInt(0x80))});
            case 3 -> java.util.Arrays.copyOf(plain, at);
            case 4 -> remove(plain, at);
            case 5 -> latin1(text.replace("\"index\":0", random.nextBoolean() ? "\"index\":1" : "\"index\":-0"));
            case 6 -> latin1(text.replace("\"index\":0", random.nextBoolean() ? "\"index\":0.0" : "\"index\":\"0\""));
            case 7 -> latin1(text.replaceFirst("\\{", "{\"choices\":[],"));
            case 8 -> latin1(text.replace("\"delta\":{", random.nextBoolean() ? "\"delta\":{\"tool_calls\":[]," : "\"delta\":{\"content\":\"x\","));
            case 9 -> latin1(text.replaceFirst("\\{", random.nextBoolean() ? "{\"error\":null," : "{\"usage\":{},"));
            case 10 -> latin1(text + (random.nextBoolean() ? "{}" : "x"));
            case 11 -> latin1(text.replaceFirst("\\{", "{\"deep\":" + "[".repeat(1 + random.nextInt(60)) + "]".repeat(1 + random.nextInt(60)) + ","));
            case 12 -> latin1(text.replace("\"delta\":{", "\"delta\":{\"a\":" + random.nextInt(3) + random.nextInt(3) + ","));
            default -> latin1(text.replace("\"model\"", random.nextBoolean() ? "\"mo\\u0064el\"" : "\"model\":1,\"model\""));
        };
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] replaceByte(byte[] bytes, int at, byte b) {
        byte[] out = bytes.clone();
        if (at < out.length) {
            out[at] = b;
        }
        return out;
    }

    private static byte[] insertBytes(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    private static byte[] remove(byte[] bytes, int at) {
        if (at >= bytes.length) {
            return bytes;
        }
        byte[] out = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
        return out;
    }

    private static boolean hasLineBreak(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }
}
