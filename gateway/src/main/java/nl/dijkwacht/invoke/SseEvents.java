package nl.dijkwacht.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an upstream server-sent-event body as bytes and hands on the {@code data} of each event (its {@code data:}
 * lines joined by a line feed; other fields and comments are ignored), without decoding it to text: the JSON parser
 * reads the UTF-8 bytes. Lines end in LF, CRLF or CR. Before every read that may block, {@code beforeWait} runs, so a
 * caller that writes lazily can send what it has while the upstream is quiet, and never holds data while it waits.
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

    private final InputStream in;
    private final Runnable beforeWait;
    /**
     * Grows as a longer line needs it. Apache HttpClient's chunked decoder hands on at most one HTTP chunk per read —
     * one event from every provider — and buffers the socket itself, so 8 KB per stream bought nothing.
     */
    private byte[] buffer = new byte[2048];
    private int start;
    private int end;
    private boolean skipLineFeed;
    private byte[] data = new byte[1024];
    private int dataLength;

    SseEvents(InputStream in, Runnable beforeWait) {
        this.in = in;
        this.beforeWait = beforeWait;
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
        beforeWait.run();
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
