package nl.dijkwacht.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

/**
 * A request whose line and headers did not fit in {@code server.max-http-request-header-size}. Tomcat answers it with a
 * bare 400 before any filter runs, and when it is the request line that is too long it has not even read the address —
 * so the error page cannot tell a console page (Dutch HTML) from an API call (OpenAI JSON). Read here, for
 * {@link OpenAiErrorReportValve}, from what Tomcat itself holds (public API, no reflection): its request-head buffer
 * filled to the limit ({@code Http11InputBuffer}, an {@link ApplicationBufferHandler}), whether the address was parsed,
 * and — when it was not — the first bytes of the request line, enough to see {@code /console} or {@code /transparantie}.
 * Nothing read here is kept or logged: only the part (line or headers) and whether the address is for people.
 */
record OversizedRequestHead(Part part, boolean forPeople) {

    /** Request attribute under which the valve hands the finding to the error page ({@link OpenAiErrorController}). */
    static final String ATTRIBUTE = OversizedRequestHead.class.getName();
    /** How much of a request line is looked at for its address. */
    private static final int PEEK = 256;

    enum Part {
        /** The request line (method, address, version) alone is over the limit: 414. */
        REQUEST_LINE(414),
        /** The line was read; the headers together are over the limit: 431. */
        HEADERS(431);

        final int status;

        Part(int status) {
            this.status = status;
        }
    }

    /** What Tomcat's 400 was about, or {@code null} when it is not a request head over the limit. */
    static OversizedRequestHead of(Request request, Response response) {
        if (response.getStatus() != 400 || !response.isError()
                || !(request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http)
                || !(request.getCoyoteRequest().getInputBuffer() instanceof ApplicationBufferHandler head)) {
            return null;
        }
        ByteBuffer bytes = head.getByteBuffer();
        if (bytes == null || bytes.limit() < http.getMaxHttpRequestHeaderSize()) {
            return null; // a 400 for another reason (a bad character, a malformed header)
        }
        MessageBytes uri = request.getCoyoteRequest().requestURI();
        if (uri.isNull()) {
            return new OversizedRequestHead(Part.REQUEST_LINE, OpenAiErrorController.forPeople(addressAtStart(bytes)));
        }
        return new OversizedRequestHead(Part.HEADERS, OpenAiErrorController.forPeople(uri.toString()));
    }

    /** The address at the start of a request line in {@code bytes} (from index 0), cut at '?' or after {@value #PEEK} bytes. */
    static String addressAtStart(ByteBuffer bytes) {
        int end = Math.min(bytes.limit(), 64 + PEEK);
        int i = 0;
        while (i < end && (bytes.get(i) == '\r' || bytes.get(i) == '\n')) {
            i++;
        }
        while (i < end && bytes.get(i) != ' ') {
            i++; // the method
        }
        i++;
        int start = i;
        while (i < end && i - start < PEEK && bytes.get(i) != ' ' && bytes.get(i) != '?' && bytes.get(i) != '#') {
            i++;
        }
        if (start >= end || bytes.get(start) != '/') {
            return null;
        }
        byte[] address = new byte[i - start];
        for (int k = 0; k < address.length; k++) {
            address[k] = bytes.get(start + k);
        }
        return new String(address, StandardCharsets.ISO_8859_1);
    }
}
