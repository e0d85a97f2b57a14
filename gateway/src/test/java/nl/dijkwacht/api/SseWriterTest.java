package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The tool's event stream: the response head waits, like an event, for the next send, so that it leaves in one write
 * with the events already at hand; a send is a flush of everything pending; {@code [DONE]} ends the body.
 */
class SseWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theHeadLeavesWithTheFirstSendAndPendingEventsWithIt() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        SseWriter sse = new SseWriter(response, JSON);

        sse.start();
        assertThat(sse.started()).isTrue();
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentType()).startsWith("text/event-stream");

        byte[] first = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        sse.pending(first, first.length);
        sse.pending(JSON.createObjectNode().put("b", 2));
        assertThat(response.isCommitted()).isFalse();

        sse.flush();
        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("data: {\"a\":1}\n\ndata: {\"b\":2}\n\n");

        sse.done();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).endsWith("data: [DONE]\n\n");
    }

    @Test
    void aStreamWithNothingPendingSendsItsHeadWhenTheRelayFirstWaits() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        SseWriter sse = new SseWriter(response, JSON);

        sse.start();
        sse.flush(); // the relay's flush before it first waits for the upstream

        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }
}
