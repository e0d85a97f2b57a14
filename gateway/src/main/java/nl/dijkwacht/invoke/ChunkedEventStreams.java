package nl.dijkwacht.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentLengthStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;

/**
 * The length strategy of the upstream connections: a successful {@code text/event-stream} answer in chunked transfer
 * coding is handed over with its chunk framing (as a body delimited by the connection), for {@link #body} to decode
 * with {@link ChunkedBody}, which tells the relay whether the next event is already at hand; every other message is
 * framed as HttpClient frames it. Whether the connection is kept is decided on the headers
 * ({@code Transfer-Encoding: chunked}), so it still is; {@link ChunkedBody#close} reads the body to its end first.
 */
final class ChunkedEventStreams implements ContentLengthStrategy {

    @Override
    public long determineLength(HttpMessage message) throws HttpException {
        long length = DefaultContentLengthStrategy.INSTANCE.determineLength(message);
        return length == CHUNKED && isEventStream(message) ? UNDEFINED : length;
    }

    /** The body's data: decoded here when the connection left the chunk framing in it, else as HttpClient gives it. */
    static InputStream body(ClassicHttpResponse response, HttpEntity entity) throws IOException {
        InputStream content = entity.getContent();
        return leftFramed(response, entity) ? new ChunkedBody(content) : content;
    }

    /** Exactly when {@link #determineLength} left the framing: HttpClient's decoder did not take the body. */
    static boolean leftFramed(ClassicHttpResponse response, HttpEntity entity) {
        try {
            return !entity.isChunked() && isEventStream(response)
                    && DefaultContentLengthStrategy.INSTANCE.determineLength(response) == CHUNKED;
        } catch (HttpException e) {
            return false;
        }
    }

    private static boolean isEventStream(HttpMessage message) {
        if (!(message instanceof HttpResponse response) || response.getCode() / 100 != 2) {
            return false;
        }
        Header type = message.getFirstHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.getValue().trim().toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }
}
