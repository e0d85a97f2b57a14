package nl.dijkwacht.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an upstream server-sent-event body as bytes and hands on the {@code data} of each event (its {@code data:}
 * lines joined by a line feed; other fields and comments are ignored), without decoding it to text: the JSON parser
 * reads the UTF-8 bytes. Lines end in LF, CRLF or CR. Before every read, {@code beforeRead} runs, told whether the read
 * may wait for the network (the stream's {@link InputStream#available} is 0): a caller that writes lazily sends what it
 * has before such a read, so it never holds data while the upstream is quiet, and events that are already at hand go
 * out together.
 */
final class SseEvents {

    /** One event's data, valid until the next call of {@link #next}. */
    record Data(byte[] bytes, int length) {
        boolean isDone() {
            return length == 6 && bytes[0] == '[' && bytes[1] == 'D' && bytes[2] == 'O' && bytes[3] == 'N'
                    && bytes[4] == 'E' && bytes[5] == ']';
        }
    }

    private static final byte[] DATA = {'d', 'a', 't', 'a', ':'};

    /** Runs before each read of the upstream body. */
    @FunctionalInterface
    interface BeforeRead {
        /** @param mayWait the read may block until the upstream sends more */
        void run(boolean mayWait) throws IOException;
    }

    private final InputStream in;
    private final BeforeRead beforeRead;
    /** Grows as a longer line needs it; the body's decoder ({@link ChunkedBody}) holds what arrived beyond it. */
    private byte[] buffer = new byte[2048];
    private int start;
    private int end;
    private boolean skipLineFeed;
    private byte[] data = new byte[1024];
    private int dataLength;

    SseEvents(InputStream in, BeforeRead beforeRead) {
        this.in = in;
        this.beforeRead = beforeRead;
    }

    /** @return the next event's data, or null when the body ended (an unterminated last event is still handed on) */
    Data next() throws IOException {
        while (true) {
            int lineEnd = lineEnd();
            if (lineEnd < 0) {
                if (!fill()) {
                    return takeData();
                }
                continue;
            }
            int lineStart = start;
            start = lineEnd + 1;
            if (buffer[lineEnd] == '\r') {
                if (start < end) {
                    if (buffer[start] == '\n') {
                        start++;
                    }
                } else {
                    skipLineFeed = true;
                }
            }
            if (lineEnd == lineStart) {
                Data event = takeData();
                if (event != null) {
                    return event;
                }
            } else if (startsWithData(lineStart, lineEnd)) {
                int valueStart = lineStart + DATA.length;
                if (valueStart < lineEnd && buffer[valueStart] == ' ') {
                    valueStart++;
                }
                appendData(valueStart, lineEnd);
            }
        }
    }

    /** The index of the end of the next whole line (its LF or CR), or -1 when the buffer holds no whole line. */
    private int lineEnd() {
        if (skipLineFeed && start < end) {
            skipLineFeed = false;
            if (buffer[start] == '\n') {
                start++;
            }
        }
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            if (b == '\n' || b == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** @return false at the end of the body */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        beforeRead.run(in.available() <= 0);
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            // an unterminated last line still counts, as a line reader would return it
            if (end > start) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length, end + 1));
                buffer[end++] = '\n';
                return true;
            }
            return false;
        }
        end += n;
        return true;
    }

    private boolean startsWithData(int from, int to) {
        if (to - from < DATA.length) {
            return false;
        }
        for (int i = 0; i < DATA.length; i++) {
            if (buffer[from + i] != DATA[i]) {
                return false;
            }
        }
        return true;
    }

    private void appendData(int from, int to) {
        // as a line reader joining non-empty data: an empty first data line adds no line feed
        int extra = (dataLength > 0 ? 1 : 0) + (to - from);
        if (dataLength + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + extra));
        }
        if (dataLength > 0) {
            data[dataLength++] = '\n';
        }
        System.arraycopy(buffer, from, data, dataLength, to - from);
        dataLength += to - from;
    }

    private Data takeData() {
        if (dataLength == 0) {
            return null;
        }
        Data event = new Data(data, dataLength);
        dataLength = 0;
        return event;
    }
}
