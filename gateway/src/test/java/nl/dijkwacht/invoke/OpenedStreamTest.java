package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenedStreamTest {

    @Test
    void passesEveryCallOnAsItCameSoPendingChunksWaitForTheFlush() {
        List<String> calls = new ArrayList<>();
        ChunkSink next = new ChunkSink() {
            @Override
            public void open() {
                calls.add("open");
            }

            @Override
            public void chunk(ObjectNode chunk) {
                calls.add("chunk " + chunk.path("n").asInt());
            }

            @Override
            public void pending(ObjectNode chunk) {
                calls.add("pending " + chunk.path("n").asInt());
            }

            @Override
            public void flush() {
                calls.add("flush");
            }

            @Override
            public void complete() {
                calls.add("complete");
            }
        };
        OpenedStream stream = new OpenedStream(next);

        assertThat(stream.started()).isFalse();
        stream.open();
        stream.pending(JsonNodeFactory.instance.objectNode().put("n", 1));
        stream.pending(JsonNodeFactory.instance.objectNode().put("n", 2));
        stream.flush();
        stream.chunk(JsonNodeFactory.instance.objectNode().put("n", 3));
        stream.complete();

        assertThat(stream.started()).isTrue();
        assertThat(calls).containsExactly("open", "pending 1", "pending 2", "flush", "chunk 3", "complete");
    }

    /** A chunk as it came stays one: a wrapper that let it fall back to the default would build a tree for each event. */
    @Test
    void passesAChunkAsItCameOnWithoutItsTree() {
        List<String> calls = new ArrayList<>();
        ChunkSink next = new ChunkSink() {
            @Override
            public void open() {
            }

            @Override
            public void chunk(ObjectNode chunk) {
                calls.add("tree");
            }

            @Override
            public void pending(RawChunk chunk) {
                calls.add("raw " + chunk.length());
            }

            @Override
            public void complete() {
            }
        };
        byte[] bytes = "{\"choices\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        new OpenedStream(next).pending(new RawChunk(bytes, bytes.length, new com.fasterxml.jackson.databind.ObjectMapper()));

        assertThat(calls).containsExactly("raw 14");
    }
}
