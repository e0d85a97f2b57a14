package nl.dijkwacht.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.dijkwacht.audit.GatewayClient;

/**
 * The load of the store-outage tests: four clients (the first one streaming) send chat requests to a gateway in a
 * loop until stopped, and hand every response to the test, which sorts it (answered, the expected refusal, other).
 * After a refusal a client waits {@link #BACK_OFF_MILLIS} before its next request, as a tool backs off: refusals come
 * back in a few milliseconds, and four clients without a pause sent 1,271 of them in a four-second outage on a fast
 * machine — past the tool's own cap of 1,200 requests a minute (policies/limits.yaml), whose 429s were then "other".
 */
final class OutageLoad {

    static final long BACK_OFF_MILLIS = 50;

    /** Sorts one response; returns false when it is neither an answer nor a refusal the test expects. */
    interface Sorter {
        boolean sort(HttpResponse<String> response, boolean stream, boolean answered);
    }

    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger other = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService clients = Executors.newFixedThreadPool(4);

    /** Starts the clients; {@code headers} gives each request's extra header name/value pairs. */
    static OutageLoad start(GatewayClient client, Supplier<String[]> headers, Sorter sorter) {
        OutageLoad load = new OutageLoad();
        for (int t = 0; t < 4; t++) {
            boolean stream = t == 0;
            load.clients.submit(() -> {
                while (!load.stop.get()) {
                    load.sent.incrementAndGet();
                    try {
                        HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY,
                                client.chatBody("storing " + System.nanoTime(), stream), headers.get());
                        boolean answered = r.statusCode() == 200
                                && (stream ? r.body().contains("data: [DONE]") : r.body().contains("\"choices\""));
                        if (!sorter.sort(r, stream, answered)) {
                            load.other.incrementAndGet();
                        }
                        if (!answered) {
                            Thread.sleep(BACK_OFF_MILLIS);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (RuntimeException e) {
                        load.other.incrementAndGet();
                    }
                }
            });
        }
        return load;
    }

    /** Stops the clients and waits until the requests in flight have ended. */
    void stop() throws InterruptedException {
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    }

    /** Waits (at most 90 s) until {@code set} holds {@code count} acknowledged requests. */
    static void awaitCount(Set<String> set, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (set.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(set.size()).as("acknowledged requests").isGreaterThanOrEqualTo(count);
    }
}
