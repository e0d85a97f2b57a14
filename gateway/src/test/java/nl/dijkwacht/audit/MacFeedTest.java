package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The prompt and answer hashes fed through {@link MacFeed} are the hashes of the bytes the earlier code fed
 * ({@code getBytes(UTF_8)} of each piece, the prompt's messages first joined by a blank line): the bytes themselves
 * are compared, on generated texts of ASCII, Latin-1, other BMP characters, emoji, and unpaired surrogates at every
 * place, in pieces of every length around the buffer's size; numbers and ASCII separators as their text.
 */
class MacFeedTest {

    private static final char[] CHARS = {'a', 'Z', ' ', '\n', '\u001e', 'é', 'ÿ', 'ß', '€', '∅', '中', '\uffff', '\u0080', '\u07ff',
        '\u0800', '\uD83D', '\uDE00', '\uD800', '\uDFFF'};

    @Test
    void everyPieceIsFedAsItsUtf8Bytes() {
        Random random = new Random(22);
        for (int i = 0; i < 20_000; i++) {
            List<String> pieces = pieces(random);
            RecordingMac recording = new RecordingMac();
            MacFeed feed = new MacFeed(recording.mac, random.nextInt(0, 700));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (String piece : pieces) {
                feed.text(piece);
                if (random.nextBoolean()) {
                    feed.flush();
                }
                expected.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
            }
            feed.flush();
            assertThat(recording.fed()).as("texts %d", i).isEqualTo(expected.toByteArray());
        }
    }

    /**
     * Long texts go to the MAC in pieces of the buffer's size: each character class, and a surrogate pair in both
     * orders, at every place of an ASCII run (so at every piece boundary), after a short text has partly filled the
     * buffer; an unpaired surrogate at the end of a text.
     */
    @Test
    void longTextsAreTheirUtf8BytesWhereverTheOtherCharactersFall() {
        String[] specials = new String[CHARS.length + 2];
        for (int k = 0; k < CHARS.length; k++) {
            specials[k] = String.valueOf(CHARS[k]);
        }
        specials[CHARS.length] = "\uD83D\uDE00";
        specials[CHARS.length + 1] = "\uDE00\uD83D";
        for (int capacity : new int[] {0, 21, 255, 256}) {
            for (int length : new int[] {63, 128, 300}) {
                for (String special : specials) {
                    for (int at = 0; at <= length; at++) {
                        String text = "a".repeat(at) + special + "b".repeat(length - at);
                        for (String before : new String[] {"", "x", "0123456789abcdefghijklm"}) {
                            RecordingMac recording = new RecordingMac();
                            new MacFeed(recording.mac, capacity).text(before).text(text).text(special).flush();
                            assertThat(recording.fed()).as("%d %d %s %d %s", capacity, length, special, at, before)
                                    .isEqualTo(concat(before, text, special));
                        }
                    }
                }
            }
        }
    }

    private static byte[] concat(String... texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String text : texts) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void numbersAndSeparatorsAreFedAsTheirText() {
        Random random = new Random(5);
        long[] edges = {0, 9, 10, -1, -10, 999_999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (int i = 0; i < 20_000; i++) {
            RecordingMac recording = new RecordingMac();
            MacFeed feed = new MacFeed(recording.mac, random.nextInt(0, 300));
            StringBuilder expected = new StringBuilder();
            for (int n = random.nextInt(1, 40); n > 0; n--) {
                long value = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextLong() >> random.nextInt(64);
                feed.number(value).ascii('\u001e');
                expected.append(value).append('\u001e');
            }
            feed.flush();
            assertThat(recording.fed()).as("numbers %d", i).isEqualTo(expected.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void promptAndTextHashesAreTheHmacsOfTheEarlierBytes() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        TextHasher hasher = new TextHasher(Map.of("k1", key), "k1");
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(key, "HmacSHA256"));
        Random random = new Random(38);
        for (int i = 0; i < 5_000; i++) {
            List<String> messages = pieces(random);
            String joined = String.join("\n\n", messages);
            String earlier = HexFormat.of().formatHex(reference.doFinal(joined.getBytes(StandardCharsets.UTF_8)));
            assertThat(hasher.hashJoined(messages, "\n\n")).as("prompt %d", i).isEqualTo(earlier);
            assertThat(hasher.hash(joined)).as("text %d", i).isEqualTo(earlier);
        }
        List<String> withNull = new ArrayList<>();
        withNull.add("a");
        withNull.add(null);
        assertThat(hasher.hashJoined(withNull, "\n\n"))
                .isEqualTo(HexFormat.of().formatHex(reference.doFinal(String.join("\n\n", withNull).getBytes(StandardCharsets.UTF_8))));
    }

    private static List<String> pieces(Random random) {
        List<String> out = new ArrayList<>();
        for (int p = random.nextInt(1, 5); p > 0; p--) {
            int length = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0, 4);
                case 1 -> random.nextInt(0, 40);
                case 2 -> random.nextInt(250, 270); // around the buffer's size
                default -> random.nextInt(0, 2_000);
            };
            StringBuilder b = new StringBuilder(length);
            boolean ascii = random.nextInt(3) == 0;
            for (int c = 0; c < length; c++) {
                b.append(ascii && random.nextInt(50) > 0 ? (char) random.nextInt(0x20, 0x7f) : CHARS[random.nextInt(CHARS.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }

    /** A MAC whose every update is also kept, to compare the bytes fed. */
    private static final class RecordingMac {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Mac mac;

        RecordingMac() {
            try {
                Mac real = Mac.getInstance("HmacSHA256");
                real.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
                this.mac = new Mac(new Spi(bytes), real.getProvider(), "HmacSHA256") { };
                mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] fed() {
            return bytes.toByteArray();
        }
    }

    private static final class Spi extends javax.crypto.MacSpi {
        private final ByteArrayOutputStream bytes;

        Spi(ByteArrayOutputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        protected int engineGetMacLength() {
            return 0;
        }

        @Override
        protected void engineInit(java.security.Key key, java.security.spec.AlgorithmParameterSpec params) {
        }

        @Override
        protected void engineUpdate(byte input) {
            bytes.write(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            bytes.write(input, offset, len);
        }

        @Override
        protected byte[] engineDoFinal() {
            return new byte[0];
        }

        @Override
        protected void engineReset() {
        }
    }
}
