package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import org.junit.jupiter.api.Test;

/**
 * Streams that end because the tool went away release their breaker permission without an error, also when the
 * breaker opened for the first time while they were waiting for their upstream (session 26: 92–176
 * {@link IncompatibleClassChangeError}s from {@code Upstream.released} in the 1,000-streams benchmark; see
 * {@link BreakerStates} for the JVM bug behind it).
 *
 * <p>Runs in a JVM of its own, because the error needs a breaker state class that this JVM has not loaded yet and
 * {@link ModelInvoker} compiled before it was loaded: {@code -Xbatch} compiles in the foreground once a method is hot
 * and {@code -XX:TieredStopAtLevel=1} keeps the code at C1, whose compiled guard is what throws (C2's would only
 * deoptimise). The invoker and the pool are the gateway's own; the model client parks each call until told to end it,
 * the way a stream waits for its upstream, and then fails the way a write to a departed tool fails.
 */
class BreakerReleaseAfterOpeningTest {

    static final int WAITING_STREAMS = 200;

    @Test
    void streamsEndedByTheToolAfterTheFirstOpeningReleaseTheirPermission() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process fork = new ProcessBuilder(java, "-Xbatch", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ReleaseAfterOpening.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(fork.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fork.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(output).contains("breaker OPEN")
                .contains("released " + WAITING_STREAMS + " of " + WAITING_STREAMS + ", IncompatibleClassChangeError 0");
        assertThat(fork.exitValue()).as(output).isZero();
    }

    /** The forked JVM: warm the invoker's release path, park streams in it, open the breaker, end them. */
    static final class ReleaseAfterOpening {

        static final Map<String, SynchronousQueue<Boolean>> ENDINGS = new ConcurrentHashMap<>();
        static final AtomicInteger RELEASED = new AtomicInteger();
        static final AtomicInteger ICCE = new AtomicInteger();
        static final ObjectMapper JSON = new ObjectMapper();

        public static void main(String[] args) throws Exception {
            UpstreamPool pool = new UpstreamPool();
            ModelDefinition model = new ModelDefinition("m", null, ProviderKind.OPENAI_COMPATIBLE,
                    URI.create("http://127.0.0.1:9/v1"), "m", null,
                    Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), false, "m.yaml");
            ModelInvoker invoker = new ModelInvoker(new ModelClients(List.of(new ParkingClient())), pool,
                    new RetrySettings(Duration.ofSeconds(60), Duration.ofSeconds(5), 1));

            // hot: half the streams complete, half are ended by the tool, while the breaker has only been closed
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int round = 0; round < 100; round++) {
                    List<SynchronousQueue<Boolean>> endings = start(threads, invoker, model, "warm-" + round + "-", 100);
                    for (int i = 0; i < endings.size(); i++) {
                        endings.get(i).put(i % 2 == 0);
                    }
                }
            }
            ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
            ConcurrentLinkedQueue<Thread> waiting = new ConcurrentLinkedQueue<>();
            List<SynchronousQueue<Boolean>> endings = new ArrayList<>();
            for (int i = 0; i < WAITING_STREAMS; i++) {
                SynchronousQueue<Boolean> ending = new SynchronousQueue<>();
                ENDINGS.put("open-" + i, ending);
                endings.add(ending);
                String trace = "open-" + i;
                threads.submit(() -> {
                    waiting.add(Thread.currentThread());
                    run(invoker, model, trace);
                });
            }
            // every stream parked (unmounted) inside the compiled invoker before the breaker opens
            while (waiting.size() < WAITING_STREAMS || waiting.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
                Thread.onSpinWait();
            }
            int releasedBefore = RELEASED.get();
            Upstream upstream = pool.of(model).getFirst();
            upstream.breaker().transitionToOpenState();
            System.out.println("breaker " + upstream.breaker().getState());
            for (SynchronousQueue<Boolean> ending : endings) {
                ending.put(true);
            }
            threads.shutdown();
            threads.awaitTermination(1, TimeUnit.MINUTES);
            System.out.println("released " + (RELEASED.get() - releasedBefore) + " of " + WAITING_STREAMS
                    + ", IncompatibleClassChangeError " + ICCE.get());
        }

        private static List<SynchronousQueue<Boolean>> start(ExecutorService threads, ModelInvoker invoker,
                                                            ModelDefinition model, String prefix, int n) {
            List<SynchronousQueue<Boolean>> endings = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SynchronousQueue<Boolean> ending = new SynchronousQueue<>();
                String trace = prefix + i;
                ENDINGS.put(trace, ending);
                endings.add(ending);
                threads.submit(() -> run(invoker, model, trace));
            }
            return endings;
        }

        private static void run(ModelInvoker invoker, ModelDefinition model, String trace) {
            ObjectNode body = JSON.createObjectNode().put("model", "m");
            try {
                invoker.stream(model, body, trace, Deadline.in(Duration.ofSeconds(60)), (m, u, outcome, millis) -> { },
                        new Sink());
            } catch (IllegalStateException toolGone) {
                RELEASED.incrementAndGet();
            } catch (IncompatibleClassChangeError e) {
                ICCE.incrementAndGet();
            }
        }
    }

    /** Waits, as a stream waits for its upstream, then completes or fails as a write to a departed tool fails. */
    static final class ParkingClient implements ModelClient {
        @Override
        public ProviderKind kind() {
            return ProviderKind.OPENAI_COMPATIBLE;
        }

        @Override
        public void stream(ModelCall call, ChunkSink sink) {
            sink.open();
            boolean toolGone;
            try {
                toolGone = ReleaseAfterOpening.ENDINGS.remove(call.traceId()).take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (toolGone) {
                throw new IllegalStateException("tool went away");
            }
            sink.complete();
        }

        @Override
        public ObjectNode reply(ModelCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObjectNode embed(ModelCall call) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Sink implements ModelInvoker.StreamStart {
        @Override
        public boolean started() {
            return false;
        }

        @Override
        public void open() {
        }

        @Override
        public void chunk(ObjectNode chunk) {
        }

        @Override
        public void complete() {
        }
    }
}
