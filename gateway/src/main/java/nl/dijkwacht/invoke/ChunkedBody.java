package nl.dijkwacht.invoke;

import java.io.IOException;
import java.io.InputStream;

/**
 * The data of an HTTP/1.1 chunked body (RFC 9112, section 7.1), decoded from the bytes of the connection. A read hands
 * on the data of every chunk in the bytes the decoder has taken in, and {@link #available} counts the data a read
 * returns without waiting for the network, taking in what the connection has already buffered. Apache HttpClient's
 * own decoder stops at the end of each chunk and reports nothing available there, so a relay reading through it cannot
 * tell events that arrived together from events still to come ({@link ChunkedEventStreams} hands an event stream's body
 * over undecoded, for this class).
 *
 * <p>Lenient where HttpClient is (a line may end in a bare LF; chunk extensions and trailer fields are skipped), strict
 * about sizes: a chunk-size line or trailer line longer than {@value #MAX_LINE} bytes, more than {@value #MAX_TRAILER}
 * bytes of trailer fields, or a size that is not hexadecimal is a malformed body. {@link #close} reads to the end of
 * the body, so the connection can carry the next request; it fails (and the caller discards the connection) when the
 * body ends early or bytes follow it.
 */
final class ChunkedBody extends InputStream {

    static final int MAX_LINE = 2048;
    static final int MAX_TRAILER = 16 * 1024;

    private enum State { SIZE, DATA, DATA_END, TRAILER, END }

    private final InputStream raw;
    /** Larger than {@link #MAX_LINE}, so a whole line always fits. */
    private final byte[] buffer = new byte[4096];
    private int start;
    private int end;
    private State state = State.SIZE;
    /** Data bytes left in the current chunk. */
    private long remaining;
    private int trailerBytes;
    private boolean closed;

    ChunkedBody(InputStream raw) {
        this.raw = raw;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * Hands on the data decoded from the bytes taken in, across chunk boundaries; takes in more (waiting for the network
     * if none has arrived) only while it has none. A read that has data returns without asking the connection what else
     * has arrived: the relay asks {@link #available} before its next read anyway, and each question is a system call
     * ({@code FIONREAD}) once HttpClient's buffer is empty — one per pause of the upstream was asked twice.
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("chunked body closed");
        }
        int n = 0;
        while (n < len) {
            if (!framed()) {
                if (n > 0) {
                    break;
                }
                if (fill() < 0) {
                    throw new IOException("upstream body ended inside its chunked framing");
                }
                continue;
            }
            if (state == State.END) {
                break;
            }
            int k = (int) Math.min(Math.min(remaining, end - start), len - n);
            System.arraycopy(buffer, start, b, off + n, k);
            start += k;
            remaining -= k;
            n += k;
        }
        return n == 0 && state == State.END && len > 0 ? -1 : n;
    }

    /**
     * The data a read returns without waiting: what is decoded at hand, after taking in what the connection has
     * already buffered (never a blocking read). 0 when the next read may have to wait.
     */
    @Override
    public int available() throws IOException {
        if (closed) {
            return 0;
        }
        while (!framed()) {
            if (raw.available() <= 0 || fill() < 0) {
                return 0;
            }
        }
        return state == State.END ? 0 : (int) Math.min(remaining, end - start);
    }

    /** Reads the rest of the body (normally just its last chunk), then releases the connection for reuse. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        while (state != State.END) {
            if (!framed()) {
                if (fill() < 0) {
                    throw new IOException("upstream body ended before its last chunk");
                }
            } else if (state == State.DATA) {
                int k = (int) Math.min(remaining, end - start);
                start += k;
                remaining -= k;
            }
        }
        if (start < end || raw.available() > 0) {
            throw new IOException("bytes after the end of the chunked body");
        }
        raw.close();
    }

    /**
     * Consumes the framing at hand. @return true when data is at hand (state DATA, bytes buffered) or the body ended;
     * false when more input is needed
     */
    private boolean framed() throws IOException {
        while (true) {
            if (state == State.END) {
                return true;
            }
            if (state == State.DATA) {
                if (remaining > 0) {
                    return start < end;
                }
                state = State.DATA_END;
            }
            int lf = -1;
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    lf = i;
                    break;
                }
            }
            if (lf < 0) {
                if (end - start >= MAX_LINE) {
                    throw malformed("line too long");
                }
                return false;
            }
            int lineEnd = lf > start && buffer[lf - 1] == '\r' ? lf - 1 : lf;
            line(start, lineEnd);
            start = lf + 1;
        }
    }

    private void line(int from, int to) throws IOException {
        if (to - from > MAX_LINE) {
            throw malformed("line too long");
        }
        switch (state) {
            case SIZE -> {
                long size = size(from, to);
                if (size == 0) {
                    state = State.TRAILER;
                } else {
                    remaining = size;
                    state = State.DATA;
                }
            }
            case DATA_END -> {
                if (to != from) {
                    throw malformed("no line end after chunk data");
                }
                state = State.SIZE;
            }
            case TRAILER -> {
                if (to == from) {
                    state = State.END;
                } else {
                    trailerBytes += to - from;
                    if (trailerBytes > MAX_TRAILER) {
                        throw malformed("trailer too long");
                    }
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** The hexadecimal chunk size, before any extension ({@code ;name=value}) and the whitespace around it. */
    private long size(int from, int to) throws IOException {
        int i = from;
        while (i < to && (buffer[i] == ' ' || buffer[i] == '\t')) {
            i++;
        }
        long size = 0;
        int digits = 0;
        for (; i < to; i++) {
            int d = Character.digit(buffer[i], 16);
            if (d < 0) {
                break;
            }
            if (++digits > 15) {
                throw malformed("chunk size too large");
            }
            size = size * 16 + d;
        }
        while (i < to && (buffer[i] == ' ' || buffer[i] == '\t')) {
            i++;
        }
        if (digits == 0 || (i < to && buffer[i] != ';')) {
            throw malformed("bad chunk size");
        }
        return size;
    }

    /** @return the bytes read, or -1 at the end of the connection's stream */
    private int fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        int n = raw.read(buffer, end, buffer.length - end);
        if (n > 0) {
            end += n;
        }
        return n;
    }

    private static IOException malformed(String what) {
        return new IOException("malformed chunked body: " + what);
    }
}
