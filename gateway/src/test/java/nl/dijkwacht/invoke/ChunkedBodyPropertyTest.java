package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * fuzz26: {@link ChunkedBody} on generated chunked bodies (sizes in either case with leading zeros, extensions,
 * LF or CRLF line ends, chunks larger than its buffer, trailer fields) that arrive in packets of any size, read with
 * reads of any length, gives the data the body was made of, and its close finds the body ended cleanly.
 */
class ChunkedBodyPropertyTest {

    @Test
    void anyPacketsAndReadsGiveTheDataTheBodyWasMadeOf() throws IOException {
        Random random = new Random(2626);
        long bytes = 0;
        for (int i = 0; i < 2_000; i++) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int c = random.nextInt(6); c > 0; c--) {
                byte[] chunk = new byte[1 + random.nextInt(random.nextInt(4) == 0 ? 9_000 : 40)];
                random.nextBytes(chunk);
                data.writeBytes(chunk);
                String size = "0".repeat(random.nextInt(3)) + Integer.toHexString(chunk.length);
                size = random.nextBoolean() ? size.toUpperCase() : size;
                write(body, size + (random.nextInt(4) == 0 ? ";name=value" : "") + lineEnd(random));
                body.writeBytes(chunk);
                write(body, lineEnd(random));
            }
            write(body, "0" + (random.nextInt(4) == 0 ? ";last" : "") + lineEnd(random));
            for (int t = random.nextInt(3); t > 0; t--) {
                write(body, "X-Trailer: " + t + lineEnd(random));
            }
            write(body, lineEnd(random));
            byte[] expected = data.toByteArray();
            bytes += expected.length;

            Packets raw = new Packets(body.toByteArray(), new Random(i), new int[] {1, 3, 17, 512, 5000}[random.nextInt(5)]);
            ChunkedBody decoded = new ChunkedBody(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 + random.nextInt(random.nextBoolean() ? 8 : 10_000)];
            for (int n = decoded.read(buffer, 0, buffer.length); n >= 0; n = decoded.read(buffer, 0, buffer.length)) {
                assertThat(decoded.available()).isGreaterThanOrEqualTo(0);
                out.write(buffer, 0, n);
            }
            assertThat(out.toByteArray()).as("case %d", i).isEqualTo(expected);
            decoded.close();
            assertThat(raw.closed).as("case %d: the connection released", i).isTrue();
        }
        assertThat(bytes).isGreaterThan(1_000_000);
    }

    private static String lineEnd(Random random) {
        return random.nextInt(4) == 0 ? "\n" : "\r\n";
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** The connection: packets of 1 to {@code most} bytes; what is left of the current packet is available. */
    private static final class Packets extends InputStream {
        private final byte[] body;
        private final Random random;
        private final int most;
        private int at;
        private int packetEnd;
        boolean closed;

        Packets(byte[] body, Random random, int most) {
            this.body = body;
            this.random = random;
            this.most = most;
        }

        @Override
        public int available() {
            return packetEnd - at;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == packetEnd) {
                if (at == body.length) {
                    return -1;
                }
                packetEnd = Math.min(body.length, at + 1 + random.nextInt(most));
            }
            int n = Math.min(len, packetEnd - at);
            System.arraycopy(body, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
