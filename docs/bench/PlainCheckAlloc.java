// Heap allocated per streamed answer by the relay's plain-text check, the check before relay25 (PlainCheckBefore: a new
// Jackson parser per event) against PlainEvents (one non-blocking parser per stream), on the bench mock's 24 events (22
// text, the finishing one, usage), in one thread counted with ThreadMXBean (exact; timings printed are only a hint):
//
//   J=/usr/lib/jvm/temurin-25-jdk-amd64/bin; L=<jar's BOOT-INF/lib, unzipped>
//   CP=gateway/target/classes:gateway/target/test-classes:$L/jackson-core-2.21.4.jar:$L/jackson-databind-2.21.4.jar:$L/jackson-annotations-2.21.jar
//   $J/javac -d /tmp/pca -cp $CP docs/bench/PlainCheckAlloc.java && $J/java -cp /tmp/pca:$CP nl.dijkwacht.invoke.PlainCheckAlloc 20000
package nl.dijkwacht.invoke;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public class PlainCheckAlloc {
    public static void main(String[] args) {
        ObjectMapper json = new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.newBoundedPool(64)).build());
        List<byte[]> events = new ArrayList<>();
        String head = "{\"id\":\"chatcmpl-mock1\",\"object\":\"chat.completion.chunk\",\"created\":1764590101,\"model\":\"gpt-4o-mini\",\"system_fingerprint\":\"fp_mock\",\"choices\":[";
        String[] words = {"Geachte", "heer", "dank", "voor", "uw", "bericht", "over", "de", "aanvraag"};
        for (int i = 0; i < 22; i++) {
            String delta = i == 0 ? "{\"role\":\"assistant\",\"content\":\"" + words[0] + "\"}" : "{\"content\":\" " + words[i % words.length] + "\"}";
            events.add((head + "{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":null}]}").getBytes(StandardCharsets.UTF_8));
        }
        events.add((head + "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}").getBytes(StandardCharsets.UTF_8));
        events.add((head + "],\"usage\":{\"prompt_tokens\":412,\"completion_tokens\":22,\"total_tokens\":434}}").getBytes(StandardCharsets.UTF_8));
        byte[] buf = new byte[1024];
        JsonFactory parsers = PlainEvents.parsers(json);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        int streams = Integer.parseInt(args.length > 0 ? args[0] : "20000");
        for (int round = 0; round < 3; round++) {
            long sink = 0;
            long a0 = mx.getThreadAllocatedBytes(tid);
            long t0 = System.nanoTime();
            for (int s = 0; s < streams; s++) {
                for (byte[] e : events) {
                    System.arraycopy(e, 0, buf, 0, e.length);
                    String c = PlainCheckBefore.plainContent(json, buf, e.length);
                    sink += c == null ? 0 : c.length();
                }
            }
            long a1 = mx.getThreadAllocatedBytes(tid);
            long t1 = System.nanoTime();
            for (int s = 0; s < streams; s++) {
                try (PlainEvents p = new PlainEvents(parsers)) {
                    for (byte[] e : events) {
                        System.arraycopy(e, 0, buf, 0, e.length);
                        String c = p.plainContent(buf, e.length);
                        sink += c == null ? 0 : c.length();
                    }
                }
            }
            long a2 = mx.getThreadAllocatedBytes(tid);
            long t2 = System.nanoTime();
            for (int s = 0; s < streams; s++) {
                try (PlainEvents p = new PlainEvents(json.getFactory())) {
                    for (byte[] e : events) {
                        System.arraycopy(e, 0, buf, 0, e.length);
                        String c = p.plainContent(buf, e.length);
                        sink += c == null ? 0 : c.length();
                    }
                }
            }
            long a3 = mx.getThreadAllocatedBytes(tid);
            long t3 = System.nanoTime();
            System.out.printf("round %d: old %d B/stream %.1f us/stream | new (own buffers) %d B/stream %.1f us/stream | new (pooled) %d B/stream %.1f us/stream (%d)%n",
                round, (a1 - a0) / streams, (t1 - t0) / 1e3 / streams, (a2 - a1) / streams, (t2 - t1) / 1e3 / streams,
                (a3 - a2) / streams, (t3 - t2) / 1e3 / streams, sink);
        }
    }
}
