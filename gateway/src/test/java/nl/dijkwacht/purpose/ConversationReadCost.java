package nl.dijkwacht.purpose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.dijkwacht.audit.TurnHasher;

/**
 * What reading the earlier turns costs on the normal path (turns45, after turns28's +15–30 % CPU for a five-turn body):
 * in one JVM, interleaved, rounds in both orders, CPU per call of
 * <ul>
 *   <li>{@code instructions}: the guard's judgement of what it read before turns28 (tools and user/system messages),</li>
 *   <li>{@code all}: its judgement of what it reads now (the assistant turns too) — the whole extra work of a request
 *       that is answered, as the step does it ({@code Conversation.of} included),</li>
 *   <li>{@code answer-hash}: the keyed hash of one delivered answer ({@link TurnHasher}, whole, disclaimer cut),</li>
 *   <li>{@code lookup-hashes}: hashing every earlier turn of the body for a look-up (only a refusal caused by them does),</li>
 *   <li>{@code matched-checks}: each earlier turn judged on its own with the staff's text — what every refusal caused by
 *       an earlier turn paid until turns45 for /admin/explain's {@code matched} (now only an explain does).</li>
 * </ul>
 * For each turn of docs/bench/body-conversation.json in turn (its messages up to that turn). From the repository root:
 * <pre>
 * java -Xms512m -Xmx512m -cp "gateway/target/test-classes:gateway/target/classes:$(cat test-classpath.txt)" \
 *     nl.dijkwacht.purpose.ConversationReadCost new=gateway/target/classes
 * </pre>
 */
public final class ConversationReadCost {

    private ConversationReadCost() {
    }

    public static void main(String[] args) throws Exception {
        PurposeGuardBuild build = PurposeGuardBuild.load(args.length > 0 ? args[0] : "new=gateway/target/classes", PurposeGuardBuild.libraries());
        Path root = Files.isDirectory(Path.of("policies")) ? Path.of(".") : Path.of("..");
        JsonNode messages = new ObjectMapper().readTree(root.resolve("docs/bench/body-conversation.json").toFile()).path("messages");
        List<JsonNode> bodies = new ArrayList<>();
        List<JsonNode> upTo = new ArrayList<>();
        for (JsonNode m : messages) {
            upTo.add(m);
            if (m.path("role").asText().equals("user")) {
                bodies.add(new ObjectMapper().createObjectNode().set("messages", new ObjectMapper().valueToTree(upTo)));
            }
        }
        TurnHasher hasher = TurnHasher.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
        String note = TurnHasher.DISCLAIMER_SEPARATOR + "Deze tekst is met behulp van AI opgesteld (model x). Traceercode: 1.";
        String answer = messages.get(2).path("content").asText() + note;
        Map<String, Task> tasks = new LinkedHashMap<>();
        tasks.put("instructions", i -> build.judge(PurposeGuardStep.joined(PurposeGuardStep.toolTexts(bodies.get(i)),
                Conversation.of(bodies.get(i).path("messages")).instructions())));
        tasks.put("all", i -> build.judge(PurposeGuardStep.requestTexts(bodies.get(i))));
        tasks.put("answer-hash", i -> {
            TurnHasher.Running r = hasher.running();
            r.whole(answer, note);
            return r.finish(note);
        });
        tasks.put("lookup-hashes", i -> {
            List<String> hashes = new ArrayList<>();
            for (Conversation.Turn t : Conversation.of(bodies.get(i).path("messages")).turns()) {
                hashes.add(hasher.turn(t.content(), t.calls()));
                String[] before = TurnHasher.withoutNote(t.content());
                if (before != null) {
                    hashes.add(hasher.turn(before[0], t.calls()));
                }
            }
            return hashes;
        });
        // what a refusal caused by a made-up turn paid before turns45 for /admin/explain's "matched": each earlier turn
        // judged on its own with the staff's text (now only when explaining)
        tasks.put("matched-checks", i -> {
            Conversation c = Conversation.of(bodies.get(i).path("messages"));
            List<String> own = PurposeGuardStep.joined(PurposeGuardStep.toolTexts(bodies.get(i)), c.instructions());
            int refused = 0;
            for (Conversation.Part part : c.parts()) {
                if (part.kind() != Conversation.Kind.INSTRUCTION) {
                    refused += build.judge(PurposeGuardStep.joined(own, List.of(part.text()))).hashCode() & 1;
                }
            }
            return refused;
        });
        int n = Integer.getInteger("n", 5_000);
        int rounds = Integer.getInteger("rounds", 6);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<String> order = new ArrayList<>(tasks.keySet());
        for (int r = 0; r < rounds; r++) {
            List<String> thisRound = new ArrayList<>(order);
            if (r % 2 == 1) {
                java.util.Collections.reverse(thisRound);
            }
            for (String name : thisRound) {
                Task task = tasks.get(name);
                for (int i = 0; i < n; i++) {
                    sink(task.run(i % bodies.size()));
                }
                long[] cpu = new long[n];
                long sum = 0;
                long allocated = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    sink(task.run(i % bodies.size()));
                    cpu[i] = mx.getCurrentThreadCpuTime() - t0;
                    sum += cpu[i];
                }
                allocated = mx.getCurrentThreadAllocatedBytes() - allocated;
                Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "round %d %-8s %-13s CPU p50 %7.1f µs  mean %7.1f µs  heap %6.1f KB/call  load %.2f%n",
                        r, r % 2 == 0 ? "forward" : "reverse", name, cpu[n / 2] / 1000.0, sum / 1000.0 / n,
                        allocated / 1024.0 / n, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    interface Task {
        Object run(int body) throws Exception;
    }

    private static int sink;

    private static void sink(Object o) {
        sink += System.identityHashCode(o) & 1;
    }
}
