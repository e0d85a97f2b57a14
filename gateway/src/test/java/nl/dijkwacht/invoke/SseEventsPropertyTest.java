package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * fuzz26: {@link SseEvents} on generated bodies cut into reads at arbitrary places gives the events of the plain
 * reading of the whole body: split into lines at LF, CRLF or CR (an unterminated last line counts), an empty line ends
 * an event, its {@code data:} lines (one space after the colon dropped) joined by LF, an event without data skipped.
 */
class SseEventsPropertyTest {

    private static final String[] LINES = {
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hallo\"}}]}", "data:x", "data:", "data: ", "data:  two",
        "data: [DONE]", "event: message", ": keep-alive", "id: 7", "datax", "dat", "data", "Data: upper",
        "data: ë ï ß \u00A0 😀 \u0001", "data:\tTab", "retry: 10", "data: " + "lange".repeat(1200),
    };
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r"};

    @Test
    void eventsAreThoseOfTheWholeBodyWhereverTheReadsEnd() throws IOException {
        Random random = new Random(2626);
        int events = 0;
        for (int i = 0; i < 1_500; i++) {
            byte[] body = body(random);
            List<String> expected = eventsOfWholeBody(body);
            events += expected.size();
            int most = new int[] {1, 2, 3, 7, 64, 2048, 9000}[random.nextInt(7)];
            List<String> actual = read(new RandomReads(body, new Random(i), most));
            assertThat(actual).as("case %d, reads of at most %d bytes", i, most).isEqualTo(expected);
        }
        assertThat(events).isGreaterThan(2_500);
    }

    private static byte[] body(Random random) {
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(12); k > 0; k--) {
            b.append(LINES[random.nextInt(LINES.length)]);
            b.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
        }
        if (random.nextBoolean() && !b.isEmpty()) {
            b.setLength(b.length() - 1); // sometimes no end to the last line, or a CRLF cut after its CR
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> read(InputStream in) throws IOException {
        SseEvents sse = new SseEvents(in, mayWait -> { });
        List<String> out = new ArrayList<>();
        for (SseEvents.Data d = sse.next(); d != null; d = sse.next()) {
            out.add(new String(d.bytes(), 0, d.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The plain reading: lines of the whole body, then events. */
    private static List<String> eventsOfWholeBody(byte[] body) {
        List<byte[]> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n' || body[i] == '\r') {
                lines.add(Arrays.copyOfRange(body, from, i));
                if (body[i] == '\r' && i + 1 < body.length && body[i + 1] == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        if (from < body.length) {
            lines.add(Arrays.copyOfRange(body, from, body.length));
        }
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] prefix = "data:".getBytes(StandardCharsets.UTF_8);
        for (byte[] line : lines) {
            if (line.length == 0) {
                if (data.size() > 0) {
                    out.add(data.toString(StandardCharsets.UTF_8));
                    data.reset();
                }
            } else if (line.length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length)) {
                int v = prefix.length < line.length && line[prefix.length] == ' ' ? prefix.length + 1 : prefix.length;
                if (data.size() > 0) {
                    data.write('\n');
                }
                data.write(line, v, line.length - v);
            }
        }
        if (data.size() > 0) {
            out.add(data.toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Each read hands out 1 to {@code most} bytes; {@code available} says 0 or what is left, at random. */
    private static final class RandomReads extends InputStream {
        private final byte[] body;
        private final Random random;
        private final int most;
        private int at;

        RandomReads(byte[] body, Random random, int most) {
            this.body = body;
            this.random = random;
            this.most = most;
        }

        @Override
        public int available() {
            return random.nextBoolean() ? 0 : body.length - at;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == body.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, body.length - at), 1 + random.nextInt(most));
            System.arraycopy(body, at, b, off, n);
            at += n;
            return n;
        }
    }
}
