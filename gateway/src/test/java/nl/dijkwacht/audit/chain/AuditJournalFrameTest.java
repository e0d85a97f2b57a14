package nl.dijkwacht.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * record22: the journal writes each frame from a buffer it keeps ({@link AuditJournal.Frame}) instead of a new JSON
 * array behind a header of its own: every frame is byte for byte the earlier {@code [length][CRC32C][body]}, whatever
 * the frame before it held, and the buffer holds nothing of a frame after its write (nor grows without bound).
 */
class AuditJournalFrameTest {

    @Test
    void framesAreTheEarlierBytesAndNothingIsKept() {
        Random random = new Random(22);
        AuditJournal.Frame frame = new AuditJournal.Frame();
        for (int i = 0; i < 2_000; i++) {
            int length = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(1, 100);
                case 1 -> random.nextInt(1, 20_000);
                case 2 -> random.nextInt(16_000, 17_000);
                default -> random.nextInt(1, 600_000); // beyond what the buffer keeps between commits
            };
            byte[] body = new byte[length];
            random.nextBytes(body);
            frame.start();
            frame.write(body, 0, random.nextInt(length + 1));
            frame.write(body, frame.size() - 8, length - (frame.size() - 8));
            ByteBuffer out = frame.finish();
            byte[] written = new byte[out.remaining()];
            out.get(written);
            assertThat(written).as("frame %d", i).isEqualTo(earlier(body));
            frame.clear();
            assertThat(frame.holdsNothing()).as("after frame %d", i).isTrue();
        }
    }

    /** The frame as AuditJournal wrote it up to session 38: an 8-byte header buffer, then the JSON array. */
    private static byte[] earlier(byte[] json) {
        CRC32C crc = new CRC32C();
        crc.update(json);
        ByteBuffer[] frame = {ByteBuffer.allocate(8).putInt(json.length).putInt((int) crc.getValue()).flip(), ByteBuffer.wrap(json)};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer b : frame) {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
