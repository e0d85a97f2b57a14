package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The plain-text check of an ordinary streamed event (OpenAI's chunk, with {@code obfuscation}), which answer48 made look
 * up every field it skips in {@link nl.dijkwacht.openai.AnswerFields}. Run it with the class of an older
 * {@link PlainEvents} first on the class path to compare. {@link #main}: JMH forks 0, 5 × 1 s warm-up, 10 × 1 s, with
 * the GC profiler (bytes allocated per operation).
 */
@State(Scope.Thread)
public class PlainEventsBenchmark {

    public static final String ORDINARY = "{\"id\":\"chatcmpl-BKs7qW3eR0tY5uI2oP7aS4dF9gH6K\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1744384701,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\","
            + "\"system_fingerprint\":\"fp_b376dfbbd5\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" aanvraag\"},"
            + "\"logprobs\":null,\"finish_reason\":null}],\"obfuscation\":\"q7Yv2\"}";

    private final byte[] event = ORDINARY.getBytes(StandardCharsets.UTF_8);
    private PlainEvents stream;

    @Setup
    public void open() {
        stream = new PlainEvents(PlainEvents.parsers(new ObjectMapper()));
    }

    @TearDown
    public void close() {
        stream.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String ordinaryEvent() {
        return stream.plainContent(event, event.length);
    }

    public static void main(String[] args) throws Exception {
        new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include(args.length > 0 ? args[0] : "nl.dijkwacht.(invoke.PlainEvents|response.UnknownFields)Benchmark.*")
                .forks(0).warmupIterations(5).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .measurementIterations(10).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .addProfiler(org.openjdk.jmh.profile.GCProfiler.class).build()).run();
    }
}
