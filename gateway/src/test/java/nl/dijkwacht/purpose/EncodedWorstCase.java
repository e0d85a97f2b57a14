package nl.dijkwacht.purpose;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import nl.dijkwacht.words.EncodedRuns;

/**
 * A hostile body against the encoded readings (encoded45, after pii28's {@code WorstCaseSearch}): each shape built to
 * 64 KB and 512 KB, a warm-up call, then the median CPU time of the calling thread over {@code -Drounds} (5) calls of
 * {@link EncodedRuns#find} (the PII step's) and {@link EncodedReading#of} (the guard's); the growth per 8× is 8 for
 * linear work. A timing tool, not a test:
 * <pre>
 * java -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/cp.txt) nl.dijkwacht.purpose.EncodedWorstCase
 * </pre>
 */
public final class EncodedWorstCase {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private EncodedWorstCase() {
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String pct(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            b.append(String.format("%%%02X", x));
        }
        return b.toString();
    }

    /** A text of about {@code size} characters: the unit repeated. */
    private static IntFunction<String> repeated(String unit) {
        return size -> unit.repeat(Math.max(1, size / unit.length()));
    }

    /** One run of about {@code size} characters: the encoding of a text that size shrinks to. */
    private static IntFunction<String> whole(java.util.function.UnaryOperator<String> encode, double shrink) {
        return size -> encode.apply("BSN 111222333 en mail jan@example.nl. ".repeat(Math.max(1, (int) (size * shrink / 38))));
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("rounds", 5);
        Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("a= (one run, '=' every other)", repeated("a="));
        shapes.put("MTExMjIyMzMz= (run of decodable parts)", repeated("MTExMjIyMzMz="));
        shapes.put("base64 of base64 of base64 (one run)", whole(s -> b64(b64(b64(s))), 0.42));
        shapes.put("base64^4 (one run, past the bound)", whole(s -> b64(b64(b64(b64(s)))), 0.32));
        shapes.put("percent of base64 (one word)", whole(s -> pct(b64(s)), 0.25));
        shapes.put("hex of base64 (one run)", whole(s -> HexFormat.of().formatHex(b64(s).getBytes(StandardCharsets.UTF_8)), 0.37));
        shapes.put("base64^3 units, space apart", repeated(b64(b64(b64("BSN 111222333"))) + " "));
        shapes.put("base64 of base64-looking text that is not", whole(s -> b64(s.replace(' ', 'A').replace('.', 'B')), 0.75));
        shapes.put("%41%42 words", repeated("%41%42 "));
        shapes.put("symbols for letters", repeated("pr0f!€l m@@k b!j$t@nd "));
        shapes.put("colons in one line", repeated("Ibbefcry:"));
        shapes.put("ROT13 line with colons", repeated("Ibbefcry jryxr oretref unaqunivat: "));
        System.out.printf(Locale.ROOT, "%-44s %12s %12s %7s %12s %12s %7s%n", "shape", "find 64K µs", "512K µs", "growth",
                "read 64K µs", "512K µs", "growth");
        for (Map.Entry<String, IntFunction<String>> e : shapes.entrySet()) {
            String small = e.getValue().apply(64 * 1024);
            String large = e.getValue().apply(512 * 1024);
            long fs = median(() -> EncodedRuns.find(small), rounds);
            long fl = median(() -> EncodedRuns.find(large), rounds);
            long rs = median(() -> EncodedReading.of(small), rounds);
            long rl = median(() -> EncodedReading.of(large), rounds);
            System.out.printf(Locale.ROOT, "%-44s %12.0f %12.0f %7.1f %12.0f %12.0f %7.1f%n", e.getKey(), fs / 1e3, fl / 1e3,
                    (double) fl / Math.max(1, fs), rs / 1e3, rl / 1e3, (double) rl / Math.max(1, rs));
        }
    }

    private static long median(Runnable call, int rounds) {
        call.run();
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            call.run();
            t[i] = CPU.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(t);
        return t[rounds / 2];
    }
}
