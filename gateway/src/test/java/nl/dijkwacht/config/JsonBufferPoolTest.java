package nl.dijkwacht.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.dijkwacht.openai.RequestSchema;
import nl.dijkwacht.openai.WireFormat;
import org.junit.jupiter.api.Test;

/**
 * The gateway's JSON mapper reuses Jackson's buffers across requests although every request runs on a new virtual
 * thread: with Jackson's default (a pool per thread) each request's reads and writes allocated their own.
 */
class JsonBufferPoolTest {

    private final ObjectMapper json = new GatewayConfiguration().dijkwachtJson();
    private final RecyclerPool<BufferRecycler> pool = json.getFactory()._getRecyclerPool();

    @Test
    void requestsOnNewVirtualThreadsShareOneSetOfBuffers() throws Exception {
        WireFormat wire = new WireFormat(json, new RequestSchema(json));
        byte[] body = """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hoe vraag ik een parkeervergunning aan?"}]}
                """.getBytes(StandardCharsets.UTF_8);

        for (int request = 0; request < 3; request++) {
            ObjectNode read = onNewVirtualThread(() -> wire.readObject("application/json", body));
            byte[] written = onNewVirtualThread(() -> json.writeValueAsBytes(read));
            assertThat(json.readTree(written)).isEqualTo(read);
            assertThat(pool.pooledCount()).as("buffer sets kept after request %d", request).isEqualTo(1);
        }
    }

    @Test
    void aBurstLeavesAtMostTheBoundBehind() throws Exception {
        int burst = GatewayConfiguration.JSON_BUFFER_SETS + 16;
        BufferRecycler[] held = new BufferRecycler[burst];
        for (int i = 0; i < burst; i++) {
            held[i] = pool.acquireAndLinkPooled();
        }
        for (BufferRecycler recycler : held) {
            recycler.releaseToPool();
        }
        assertThat(pool.pooledCount()).isEqualTo(GatewayConfiguration.JSON_BUFFER_SETS);
        assertThat(onNewVirtualThread(() -> json.writeValueAsString(Map.of("a", 1)))).isEqualTo("{\"a\":1}");
    }

    private static <T> T onNewVirtualThread(Callable<T> work) throws Exception {
        try (ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor()) {
            return thread.submit(work).get();
        }
    }
}
