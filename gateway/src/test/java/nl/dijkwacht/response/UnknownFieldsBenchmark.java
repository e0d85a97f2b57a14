package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What answer48's known-field check costs an ordinary answer under {@code redact} (nothing to drop): a whole OpenAI
 * {@code chat.completion} and one stream chunk. Run by {@link nl.dijkwacht.invoke.PlainEventsBenchmark#main}.
 */
@State(Scope.Thread)
public class UnknownFieldsBenchmark {

    private ObjectNode whole;
    private ObjectNode chunk;
    private Exchange exchange;

    @Setup
    public void read() throws Exception {
        ObjectMapper json = new ObjectMapper();
        whole = (ObjectNode) json.readTree("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1744384700,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Uw aanvraag is bevestigd.\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":31,\"completion_tokens\":13,\"total_tokens\":44},"
                + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_b376dfbbd5\"}");
        chunk = (ObjectNode) json.readTree(nl.dijkwacht.invoke.PlainEventsBenchmark.ORDINARY);
        exchange = new Exchange("bench", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE, null);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ObjectNode ordinaryWholeAnswer() {
        UnknownFieldsUnderRedact.drop(whole, exchange, true);
        return whole;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ObjectNode ordinaryChunk() {
        UnknownFieldsUnderRedact.drop(chunk, exchange, false);
        return chunk;
    }
}
