package nl.dijkwacht.api;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 protocol with 4 KB per-connection buffers instead of 8 KB, for the connections that hold a stream
 * open while the model writes (issue 15: 1,000 open streams in a 512 MB heap; docs/history/benchmark-sessions.md,
 * "tomcat21"). Per open connection:
 * <ul>
 *   <li>the socket's read and write buffers ({@code socket.appReadBufSize} / {@code appWriteBufSize}), and the read
 *       buffer's share of the request-line-and-headers buffer, which Tomcat sizes as the header limit plus the read
 *       buffer: −12 KB. A read or write moves at most 4 KB, so a body or answer beyond that takes one more system
 *       call per 4 KB; under 4 KB, as many as before.</li>
 *   <li>the servlet response buffer and the character buffer beside it, for a {@code Writer} that model answers never
 *       use, sized by {@link #getDesiredBufferSize()} (Tomcat has no setting for it): −12 KB. A response is flushed
 *       once 4 KB are buffered, one socket write's worth; a chat answer declares its length itself
 *       ({@code ChatCompletionsHandler}), and a console page or list between 4 and 8 KB now goes out chunked instead
 *       of with a computed {@code Content-Length}.</li>
 * </ul>
 * The header limits (8 KB for the request's line and headers, 8 KB for the response's), the trailer limit and the body
 * limits stay as they were: they are limits, not buffers. A request with {@code Expect: 100-continue} gets its
 * {@code 100 Continue} when the gateway starts to read the body, not before its head has been judged.
 */
public class SmallBufferHttp11Protocol extends Http11NioProtocol {

    /** Bytes per socket read and write, and the servlet response buffer. */
    static final int BUFFER_BYTES = 4 * 1024;

    public SmallBufferHttp11Protocol() {
        getEndpoint().getSocketProperties().setAppReadBufSize(BUFFER_BYTES);
        getEndpoint().getSocketProperties().setAppWriteBufSize(BUFFER_BYTES);
        // "100 Continue" only once the body is read (redteam46): a request refused on its head (no key, a declared
        // length over the limit) is answered before the tool uploads its body; Tomcat's default sends it at once
        setContinueResponseTiming("onRead");
    }

    @Override
    public int getDesiredBufferSize() {
        return BUFFER_BYTES;
    }
}
