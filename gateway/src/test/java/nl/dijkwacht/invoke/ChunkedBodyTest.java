package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * The chunked-body decoder of event streams: the data of every chunk at hand in one read, {@code available()} never
 * more than a read returns without waiting for the network, the end of the body read on close so the connection can
 * be reused, and malformed framing refused.
 */
class ChunkedBodyTest {

    /**
     * The connection: its bytes arrive in packets. A packet that has arrived is what {@code available()} reports (as
     * HttpClient's session buffer does); reading past it is a wait for the next packet, counted.
     */
    private static final class Packets extends InputStream {
        final Deque<byte[]> packets = new ArrayDeque<>();
        byte[] current = new byte[0];
        int pos;
        int waits;
        /** How often the decoder asked what has arrived: on a socket, each is a system call (FIONREAD). */
        int asked;
        boolean closed;

        Packets(String... parts) {
            for (String p : parts) {
                packets.add(p.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public int available() {
            asked++;
            return current.length - pos;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == current.length) {
                if (packets.isEmpty()) {
                    return -1;
                }
                waits++;
                current = packets.poll();
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static String hex(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String chunked(String... chunks) {
        StringBuilder body = new StringBuilder();
        for (String c : chunks) {
            body.append(hex(c)).append("\r\n").append(c).append("\r\n");
        }
        return body.append("0\r\n\r\n").toString();
    }

    /** Reads the body to its end with reads of at most {@code size} bytes, checking available() before each read. */
    private static String readAll(ChunkedBody body, Packets raw, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[size];
        while (true) {
            int available = body.available();
            int waitsBefore = raw.waits;
            int n = body.read(b, 0, b.length);
            if (available > 0) {
                assertThat(raw.waits).as("a read after available() = %d waited", available).isEqualTo(waitsBefore);
                assertThat(n).isGreaterThanOrEqualTo(Math.min(available, size));
            }
            if (n < 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.write(b, 0, n);
        }
    }

    @Test
    void theDataOfEveryChunkAtHandComesInOneRead() throws IOException {
        Packets raw = new Packets(chunked("data: 1\n\n", "data: 2\n\n", "data: 3\n\n"));
        ChunkedBody body = new ChunkedBody(raw);

        assertThat(body.available()).isZero(); // nothing has arrived yet: a read would wait
        byte[] b = new byte[100];
        int n = body.read(b, 0, b.length);

        assertThat(new String(b, 0, n, StandardCharsets.UTF_8)).isEqualTo("data: 1\n\ndata: 2\n\ndata: 3\n\n");
        assertThat(body.read(b, 0, b.length)).isEqualTo(-1);
        assertThat(raw.waits).isEqualTo(1);
    }

    @Test
    void availableCountsTheDataAtHandAndNothingWhenOnlyFramingIs() throws IOException {
        Packets raw = new Packets("9\r\ndata: 1\n\n\r\n9\r\ndata:", " 2\n\n\r\n", "0\r\n\r\n");
        ChunkedBody body = new ChunkedBody(raw);
        byte[] b = new byte[9];

        assertThat(body.read(b, 0, 9)).isEqualTo(9);
        assertThat(body.available()).isEqualTo(5); // "data:" of the second chunk has arrived
        assertThat(body.read(b, 0, 9)).isEqualTo(5);
        assertThat(body.available()).isZero(); // the rest of that chunk has not
        assertThat(body.read(b, 0, 9)).isEqualTo(4);
        assertThat(body.available()).isZero(); // only framing at hand ("\r\n"): the last chunk is still to come
        assertThat(body.read(b, 0, 9)).isEqualTo(-1);
        assertThat(raw.waits).isEqualTo(3);
    }

    @Test
    void theConnectionIsAskedOncePerPauseOfTheUpstream() throws IOException {
        Packets raw = new Packets("9\r\ndata: 1\n\n\r\n", "9\r\ndata: 2\n\n\r\n", "0\r\n\r\n");
        ChunkedBody body = new ChunkedBody(raw);
        byte[] b = new byte[64];

        assertThat(body.read(b, 0, b.length)).isEqualTo(9); // the first packet's data, without asking what else arrived
        assertThat(raw.asked).isZero();
        assertThat(body.available()).isZero(); // the relay asks before its next read: the upstream paused
        assertThat(raw.asked).isEqualTo(1);
        assertThat(body.read(b, 0, b.length)).isEqualTo(9);
        assertThat(body.available()).isZero();
        assertThat(raw.asked).isEqualTo(2);
        assertThat(body.read(b, 0, b.length)).isEqualTo(-1);
        assertThat(raw.waits).isEqualTo(3);
    }

    @Test
    void everySplitOfTheBodyDecodesTheSameAndAvailableNeverPromisesAWait() throws IOException {
        String first = "data: {\"a\":\"é\"}\n\n";
        String body = hex(first) + ";name=value\r\n" + first + "\r\n" // an extension
                + "3\nabc\n" // bare line feeds
                + "10 \r\n0123456789abcdef\r\n" // whitespace after the size
                + "0\r\nX-Trailer: 1\r\n\r\n"; // a trailer field
        String expected = first + "abc" + "0123456789abcdef";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int cut1 = 0; cut1 <= bytes.length; cut1++) {
            for (int cut2 = cut1; cut2 <= bytes.length; cut2 += 7) {
                for (int size : new int[] {1, 3, 64}) {
                    Packets raw = new Packets();
                    raw.packets.add(java.util.Arrays.copyOfRange(bytes, 0, cut1));
                    raw.packets.add(java.util.Arrays.copyOfRange(bytes, cut1, cut2));
                    raw.packets.add(java.util.Arrays.copyOfRange(bytes, cut2, bytes.length));
                    ChunkedBody decoder = new ChunkedBody(raw);
                    assertThat(readAll(decoder, raw, size)).as("cuts %d, %d, reads of %d", cut1, cut2, size).isEqualTo(expected);
                    decoder.close();
                    assertThat(raw.closed).isTrue();
                }
            }
        }
    }

    @Test
    void closeReadsTheRestOfTheBodySoTheConnectionCanBeReused() throws IOException {
        Packets raw = new Packets(chunked("data: [DONE]\n\n").replace("0\r\n\r\n", ""), "0\r\n", "\r\n");
        ChunkedBody body = new ChunkedBody(raw);
        byte[] b = new byte[64];
        assertThat(body.read(b, 0, b.length)).isEqualTo(14);

        body.close();

        assertThat(raw.closed).isTrue();
        assertThat(raw.available()).isZero();
        assertThat(raw.packets).isEmpty();
    }

    @Test
    void aBodyThatEndsEarlyOrHasBytesAfterItsEndLeavesTheConnectionUnreleased() {
        Packets cut = new Packets("9\r\ndata: 1\n");
        assertThatThrownBy(() -> new ChunkedBody(cut).close()).isInstanceOf(IOException.class);
        assertThat(cut.closed).isFalse();

        Packets more = new Packets(chunked("a") + "HTTP/1.1 200 OK\r\n");
        assertThatThrownBy(() -> new ChunkedBody(more).close()).isInstanceOf(IOException.class);
        assertThat(more.closed).isFalse();
    }

    @Test
    void aBodyCutInsideAChunkIsAnErrorNotAnEnd() throws IOException {
        ChunkedBody body = new ChunkedBody(new Packets("9\r\ndata: 1"));
        byte[] b = new byte[64];
        assertThat(body.read(b, 0, b.length)).isEqualTo(7);
        assertThatThrownBy(() -> body.read(b, 0, b.length)).isInstanceOf(IOException.class);
    }

    @Test
    void malformedFramingIsRefused() {
        for (String bad : new String[] {"zz\r\nabc\r\n", "\r\nabc\r\n", "3\r\nabcdef\r\n", "1 2\r\na\r\n",
                "1000000000000000\r\n", "3;" + "x".repeat(ChunkedBody.MAX_LINE) + "\r\nabc\r\n",
                "0\r\n" + ("X-T: " + "y".repeat(1000) + "\r\n").repeat(20) + "\r\n"}) {
            ChunkedBody body = new ChunkedBody(new Packets(bad));
            assertThatThrownBy(() -> body.read(new byte[64], 0, 64)).as(bad).isInstanceOf(IOException.class)
                    .hasMessageContaining("malformed");
        }
    }
}
