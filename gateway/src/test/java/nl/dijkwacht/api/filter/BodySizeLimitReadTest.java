package nl.dijkwacht.api.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The body read with a declared length gives the same bytes as {@code readNBytes(maxBytes + 1)}. */
class BodySizeLimitReadTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static byte[] old(byte[] sent, int max) throws IOException {
        try (InputStream in = new ByteArrayInputStream(sent)) {
            return in.readNBytes(max + 1);
        }
    }

    private static byte[] declared(byte[] sent, int declared, int max) throws IOException {
        try (InputStream in = new ByteArrayInputStream(sent)) {
            return BodySizeLimit.readDeclared(in, declared, max);
        }
    }

    @Test
    void sameBytesAsReadingUpToTheLimitPlusOne() throws IOException {
        int max = 100;
        for (int sent : new int[] {1, 50, 99, 100, 101, 150, 400}) {
            for (int decl : new int[] {1, 49, 50, 51, 100}) {
                byte[] body = bytes(sent);
                assertThat(declared(body, decl, max)).as("sent %d, declared %d", sent, decl).isEqualTo(old(body, max));
            }
        }
    }

    @Test
    void aBodyThatRunsPastTheLimitStaysTooLarge() throws IOException {
        byte[] read = declared(bytes(500), 80, 100);
        assertThat(read).hasSize(101);
        assertThat(Arrays.copyOf(read, 80)).isEqualTo(Arrays.copyOf(bytes(500), 80));
    }
}
