package nl.dijkwacht.pii;

import java.lang.management.ManagementFactory;
import java.nio.CharBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's PII calls for one request of the load harness (the user prompt through {@code detect}, the mock's
 * answer through {@code scanOutput}) in one JVM, with the JDK's shared code optionally used first with the mix of
 * types a whole application gives it ({@code -Dpollute=all|regex|maps|sort|lambdas|none}): HotSpot keeps one type
 * profile per call site of a JDK method (a {@code HashMap} lookup's {@code equals}, a regular expression's
 * {@code charAt}), so the engine's code inlined into the gateway's JVM is compiled against everyone's types, not its
 * own. {@code -Dcold=KB}: that much memory read between requests (caches emptied as by the rest of a request).
 * {@code -Dvariety=warmup|forms}: the engine first run on other texts (the gateway's start-up warm-up prompts; also
 * the forms set's dev texts), so that its own code is compiled for varied text, not for the one measured.
 * Prints the thread CPU per call (mean, p50) per round. Counts and times only, never text.
 */
public final class PiiTypeProfileProbe {

    private static volatile Object sink;

    public static void main(String[] args) {
        String pollute = System.getProperty("pollute", "none");
        int n = Integer.getInteger("n", 20_000);
        int rounds = Integer.getInteger("rounds", 4);
        int coldKb = Integer.getInteger("cold", 0);
        if (!pollute.equals("none")) {
            for (int i = 0; i < 30; i++) { // enough calls for C1's profiles and C2's compilation of the JDK methods
                pollute(pollute, 2_000);
            }
        }
        PiiEngine engine = StandaloneEngine.dutch();
        String variety = System.getProperty("variety", "none");
        if (!variety.equals("none")) { // the engine's own code first used on other texts, as the gateway's warm-up does
            List<String> others = varied(variety);
            for (int i = 0; i < Integer.getInteger("variety.calls", 20_000); i++) {
                sink = engine.detect(others.get(i % others.size()));
            }
        }
        String prompt = PiiEngineCostComparison.HARNESS_REQUEST.get(1);
        String answer = PiiEngineCostComparison.HARNESS_REQUEST.get(2);
        byte[] cold = new byte[Math.max(1, coldKb) * 1024];
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long[] p = new long[n];
            long[] a = new long[n];
            long allocated = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) {
                if (coldKb > 0) {
                    touch(cold);
                }
                long t0 = mx.getCurrentThreadCpuTime();
                sink = engine.detect(prompt);
                long t1 = mx.getCurrentThreadCpuTime();
                sink = engine.scanOutput(answer, null);
                long t2 = mx.getCurrentThreadCpuTime();
                p[i] = t1 - t0;
                a[i] = t2 - t1;
            }
            allocated = mx.getCurrentThreadAllocatedBytes() - allocated;
            System.out.printf(Locale.ROOT, "round %d pollute=%s cold=%dKB  prompt mean %6.1f p50 %6.1f µs  answer mean %5.1f p50 %5.1f µs  heap %.1f KB/request%n",
                    r, pollute, coldKb, mean(p), p50(p), mean(a), p50(a), allocated / 1024.0 / n);
        }
    }

    /** {@code warmup}: the gateway's start-up warm-up prompts; {@code forms}: also the forms set's dev texts. */
    @SuppressWarnings("unchecked")
    private static List<String> varied(String which) {
        List<String> out = new ArrayList<>();
        try {
            var f = Class.forName("nl.dijkwacht.api.warmup.WarmUpRequests").getDeclaredField("PROMPTS");
            f.setAccessible(true);
            out.addAll((List<String>) f.get(null));
            if (which.equals("forms")) {
                nl.dijkwacht.pii.evalforms.FormsEvalSet.load("dev").forEach(d -> out.add(d.text()));
            }
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        out.add("Natuurlijk. Een API-gateway voor taalmodellen controleert elk verzoek op beleid.");
        return out;
    }

    private static void touch(byte[] b) {
        int s = 0;
        for (int i = 0; i < b.length; i += 64) {
            s += b[i]++;
        }
        sink = s;
    }

    private static double mean(long[] t) {
        return Arrays.stream(t).average().orElse(0) / 1000.0;
    }

    private static double p50(long[] t) {
        long[] c = t.clone();
        Arrays.sort(c);
        return c[c.length / 2] / 1000.0;
    }

    enum Colour { RED, GREEN, BLUE }

    record Point(int x, int y) {
    }

    record Named(String name, int rank) {
    }

    /** A CharSequence of the application's own, as Spring's path matcher and others hand to regular expressions. */
    record Chars(String s) implements CharSequence {
        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.substring(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    static void pollute(String what, int times) {
        boolean all = what.equals("all");
        for (int t = 0; t < times; t++) {
            if (all || what.equals("regex")) {
                regex(t);
            }
            if (all || what.equals("maps")) {
                maps(t);
            }
            if (all || what.equals("sort")) {
                sort(t);
            }
            if (all || what.equals("lambdas")) {
                lambdas(t);
            }
        }
    }

    private static final Pattern[] PATTERNS = {
            Pattern.compile("(?<![\\p{L}\\d])([A-Z][a-z]+)\\s+(\\d{1,4})"), Pattern.compile("(?i)ab+c|[xyz]{2,}|\\bfoo\\b"),
            Pattern.compile("/api/\\{[^/]+\\}/(\\w+)"), Pattern.compile("^\\s*[\\w.-]+@[\\w.-]+\\.[a-z]{2,}\\s*$"),
            Pattern.compile("[^a-zA-Z0-9]+")};

    private static void regex(int t) {
        String base = "Hello World 123 foo /api/{id}/items jan@example.nl xyz ABC abbbc " + t;
        List<CharSequence> texts = List.of(base, new StringBuilder(base), CharBuffer.wrap(base), new Chars(base),
                new StringBuffer(base));
        for (CharSequence cs : texts) {
            for (Pattern p : PATTERNS) {
                Matcher m = p.matcher(cs);
                while (m.find()) {
                    sink = m.group();
                }
                m.reset();
                sink = m.lookingAt();
                sink = p.split(cs).length;
            }
        }
        sink = base.replaceAll("\\d", "#");
    }

    private static void maps(int t) {
        List<Object> keys = List.of(Integer.valueOf(t % 300), Long.valueOf(t), Colour.values()[t % 3], new Point(t, 1),
                new Named("a" + (t % 50), t), "k" + (t % 100), List.of(t % 7), Integer.class, Character.valueOf((char) t),
                Boolean.valueOf(t % 2 == 0), Double.valueOf(t % 13));
        Map<Object, Object> hash = new HashMap<>();
        Map<Object, Object> linked = new LinkedHashMap<>();
        Map<Object, Object> concurrent = new ConcurrentHashMap<>();
        Set<Object> set = new HashSet<>();
        Set<Object> linkedSet = new LinkedHashSet<>();
        for (Object k : keys) {
            hash.put(k, k);
            linked.put(k, k);
            concurrent.put(k, k);
            set.add(k);
            linkedSet.add(k);
        }
        Set<Object> immutable = Set.copyOf(keys);
        Map<Object, Object> immutableMap = Map.copyOf(hash);
        for (Object k : keys) {
            sink = hash.get(k);
            sink = linked.get(k);
            sink = concurrent.get(k);
            sink = set.contains(k);
            sink = linkedSet.contains(k);
            sink = immutable.contains(k);
            sink = immutableMap.get(k);
            sink = keys.indexOf(k);
            sink = Objects.equals(k, keys.get(t % keys.size()));
            sink = Objects.hashCode(k);
        }
        TreeMap<Object, Object> ints = new TreeMap<>();
        TreeMap<Object, Object> strings = new TreeMap<>();
        TreeMap<Object, Object> longs = new TreeMap<>();
        for (int i = 0; i < 20; i++) {
            ints.put(ThreadLocalRandom.current().nextInt(100), i);
            strings.put("s" + ThreadLocalRandom.current().nextInt(100), i);
            longs.put((long) ThreadLocalRandom.current().nextInt(100), i);
        }
        sink = ints.floorEntry(50);
        sink = strings.ceilingEntry("s5");
        sink = longs.floorEntry(50L);
    }

    private static void sort(int t) {
        List<Named> named = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        List<Integer> ints = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int v = ThreadLocalRandom.current().nextInt(1000);
            named.add(new Named("n" + v, v));
            points.add(new Point(v, i));
            strings.add("s" + v);
            ints.add(v);
        }
        named.sort(Comparator.comparingInt(Named::rank).thenComparing(Named::name));
        named.sort(Comparator.comparing(Named::name).reversed());
        points.sort(Comparator.comparingInt(Point::y).thenComparingInt(Point::x));
        points.sort(Comparator.comparingDouble(p -> p.x() * 0.5));
        strings.sort(null);
        strings.sort(String.CASE_INSENSITIVE_ORDER);
        ints.sort(Comparator.reverseOrder());
        Object[] mixed = strings.toArray();
        Arrays.sort(mixed);
        Object[] numbers = ints.toArray();
        Arrays.sort(numbers);
        sink = named.getFirst().name() + points.getFirst() + t;
    }

    private static void lambdas(int t) {
        List<Collection<Object>> sources = List.of(new ArrayList<>(List.of(1, 2, t)), new LinkedList<>(List.of("a", "b")),
                new ArrayDeque<>(List.of(3L, 4L)), new HashSet<>(List.of(Colour.RED)), List.of(new Point(1, t)),
                Set.of("x", "y"));
        List<Predicate<Object>> tests = List.of(o -> o instanceof Integer, o -> o.hashCode() % 2 == 0,
                o -> o.toString().length() > 1, Objects::isNull, o -> o == sink);
        for (Collection<Object> c : sources) {
            List<Object> list = new ArrayList<>();
            list.addAll(c);
            for (Predicate<Object> p : tests) {
                List<Object> copy = new ArrayList<>(list);
                copy.removeIf(p);
                sink = copy.stream().anyMatch(p);
                sink = list.stream().filter(p.negate()).map(Object::toString).toList();
            }
            StringBuilder b = new StringBuilder();
            for (Object o : c) {
                b.append(o).append(String.valueOf(o)).append((CharSequence) o.toString());
            }
            sink = String.join(",", c.stream().map(String::valueOf).toList());
            sink = b.toString().toLowerCase(Locale.ROOT).contains(new StringBuilder("a"));
            sink = List.copyOf(c);
        }
    }
}
