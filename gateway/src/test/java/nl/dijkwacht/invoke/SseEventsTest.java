package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    /**
     * Hands out one given piece per read; logs reads. A piece written with a leading "+" has already arrived when it is
     * next ({@code available()} counts it), the others are still to come.
     */
    private static final class Pieces extends InputStream {
        final Deque<byte[]> pieces = new ArrayDeque<>();
        final Deque<Boolean> atHand = new ArrayDeque<>();
        final List<String> log;

        Pieces(List<String> log, String... parts) {
            this.log = log;
            for (String p : parts) {
                atHand.add(p.startsWith("+"));
                pieces.add((p.startsWith("+") ? p.substring(1) : p).getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public int available() {
            return pieces.isEmpty() || !atHand.peek() ? 0 : pieces.peek().length;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            byte[] piece = pieces.poll();
            boolean arrived = piece != null && atHand.poll();
            if (piece == null) {
                log.add("end");
                return -1;
            }
            int n = Math.min(len, piece.length);
            System.arraycopy(piece, 0, b, off, n);
            if (n < piece.length) {
                pieces.push(java.util.Arrays.copyOfRange(piece, n, piece.length));
                atHand.push(arrived);
            }
            log.add("read");
            return n;
        }
    }

    private static List<String> events(List<String> log, String... parts) throws IOException {
        SseEvents events = new SseEvents(new Pieces(log, parts), mayWait -> log.add(mayWait ? "wait" : "no-wait"));
        List<String> out = new ArrayList<>();
        SseEvents.Data data;
        while ((data = events.next()) != null) {
            String text = data.isDone() ? "DONE" : new String(data.bytes(), 0, data.length(), StandardCharsets.UTF_8);
            out.add(text);
            log.add("event " + text);
        }
        return out;
    }

    private static List<String> events(String... parts) throws IOException {
        return events(new ArrayList<>(), parts);
    }

    @Test
    void readsDataOfEachEventWithAnyLineEnding() throws IOException {
        assertThat(events("data: {\"a\":1}\n\ndata:{\"b\":2}\r\n\r\ndata: x\r\rdata: [DONE]\n\n"))
                .containsExactly("{\"a\":1}", "{\"b\":2}", "x", "DONE");
    }

    @Test
    void joinsDataLinesAndIgnoresOtherFieldsAndComments() throws IOException {
        assertThat(events(": keep-alive\n\nevent: message\nid: 7\ndata: {\"a\":\ndata: 1}\nretry: 10\n\n"))
                .containsExactly("{\"a\":\n1}");
    }

    @Test
    void anEventSplitAcrossReadsIsWholeAndACrLfSplitAfterItsCrIsOneLineEnd() throws IOException {
        assertThat(events("da", "ta: {\"a\"", ":\"é\"}\r", "\n\r", "\ndata: [DONE]\r\n", "\r\n"))
                .containsExactly("{\"a\":\"é\"}", "DONE");
    }

    @Test
    void anUnterminatedLastEventIsStillHandedOn() throws IOException {
        assertThat(events("data: {\"a\":1}\n\ndata: [DONE]")).containsExactly("{\"a\":1}", "DONE");
        assertThat(events("data: {\"a\":1}")).containsExactly("{\"a\":1}");
        assertThat(events("")).isEmpty();
    }

    @Test
    void anEventLargerThanTheBufferIsRead() throws IOException {
        String big = "x".repeat(20_000);
        assertThat(events("data: " + big.substring(0, 8000), big.substring(8000), "\n\n")).containsExactly(big);
    }

    @Test
    void eventsThatArriveTogetherAreHandedOnBeforeTheNextWaitAndNothingIsHeldDuringOne() throws IOException {
        List<String> log = new ArrayList<>();
        events(log, "data: 1\n\n", "data: 2\n\ndata: 3\n\n", "data: 4\n", "\ndata: [DONE]\n\n");
        assertThat(log).containsExactly(
                "wait", "read", "event 1",
                "wait", "read", "event 2", "event 3",
                "wait", "read", "wait", "read", "event 4", "event DONE",
                "wait", "end");
    }

    @Test
    void whatHasArrivedIsReadWithoutSendingFirstAndOnlyAReadThatMayWaitSendsWhatIsHeld() throws IOException {
        List<String> log = new ArrayList<>();
        events(log, "data: 1\n\n", "+data: 2\n\ndata: 3", "+\n\n", "data: [DONE]\n\n");
        assertThat(log).containsExactly(
                "wait", "read", "event 1",
                "no-wait", "read", "event 2",
                "no-wait", "read", "event 3",
                "wait", "read", "event DONE",
                "wait", "end");
    }
}
