package nl.dijkwacht.pii;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import nl.dijkwacht.pii.normalize.TextNormalizer;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PolicyLoader;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import nl.dijkwacht.purpose.LayeredPurposeGuard;
import nl.dijkwacht.purpose.PurposeClassifier;
import nl.dijkwacht.redaction.WorstCaseRedaction;
import nl.dijkwacht.response.WorstCaseResponse;

/**
 * Times every part of the request path that reads a body's text on every {@link WorstCaseInputs} shape at 1 KB, 8 KB,
 * 64 KB and 512 KB (and 1 MiB with {@code -Dmax=1048576}) and prints the CPU time per call and the growth factor per 8×
 * size: about 8 is linear, 64 quadratic. A size whose time the previous growth projects beyond
 * {@code -Dbudget.seconds} (default 30) is not run but printed as projected. A timing tool, not a test:
 * <pre>
 * /work/coord/mvn-slot ./mvnw -q -B -o -pl gateway test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/cp.txt) nl.dijkwacht.pii.WorstCaseRunner [part,…] [input,…]
 * </pre>
 * Parts: normalize, detect, redact (detect + pseudonymise), split-parts (one message in parts of 16 characters),
 * participant-name, restore, restore-stream (7-character chunks), output-scan, output-stream (counting, 7-character
 * chunks), output-stream-redact, purpose (the in-process purpose guard with the default policy's forbidden purposes).
 */
public final class WorstCaseRunner {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        List<String> partFilter = args.length > 0 && !args[0].equals("all") ? List.of(args[0].split(",")) : null;
        List<String> inputFilter = args.length > 1 ? List.of(args[1].split(",")) : null;
        int max = Integer.getInteger("max", 512 * 1024);
        double budget = Double.parseDouble(System.getProperty("budget.seconds", "30"));
        List<Integer> sizes = new ArrayList<>();
        for (int s = 1024; s <= max; s *= 8) {
            sizes.add(s);
        }
        if (max > sizes.getLast()) {
            sizes.add(max);
        }
        Map<String, ToIntFunction<String>> parts = parts();
        System.out.printf(Locale.ROOT, "| part | input | %s | worst growth per 8× |%n", String.join(" | ",
                sizes.stream().map(s -> s >= 1024 * 1024 ? s / (1024 * 1024) + " MiB" : s / 1024 + " KB").toList()));
        System.out.println("|---|---|" + "---|".repeat(sizes.size()) + "---|");
        for (var part : parts.entrySet()) {
            if (partFilter != null && !partFilter.contains(part.getKey())) {
                continue;
            }
            for (var input : WorstCaseInputs.all().entrySet()) {
                if (inputFilter != null && !inputFilter.contains(input.getKey())) {
                    continue;
                }
                row(part.getKey(), part.getValue(), input.getKey(), input.getValue(), sizes, budget);
            }
        }
    }

    private static void row(String part, ToIntFunction<String> f, String name, IntFunction<String> gen, List<Integer> sizes,
                            double budget) {
        StringBuilder line = new StringBuilder("| " + part + " | " + name + " |");
        double previous = -1;
        double worst = 0;
        int previousSize = 0;
        boolean skipping = false;
        for (int size : sizes) {
            if (skipping) {
                line.append(" – |");
                continue;
            }
            String text = gen.apply(size);
            double seconds;
            if (previous > 0) {
                double growth = Math.max(worst, 8) * size / (8.0 * previousSize);
                double projected = previous * growth;
                if (projected > budget) {
                    line.append(String.format(Locale.ROOT, " > %.0f s (projected) |", projected));
                    skipping = true;
                    continue;
                }
            }
            try {
                seconds = time(f, text);
            } catch (RuntimeException | StackOverflowError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                line.append(" fails: ").append(e.getClass().getSimpleName()).append(" (")
                        .append(cause.getClass().getSimpleName()).append(") |");
                skipping = true;
                continue;
            }
            if (previous > 0 && previous > 2e-4) { // growth of very small times is noise
                worst = Math.max(worst, seconds / previous * (8.0 * previousSize / size));
            }
            line.append(' ').append(format(seconds)).append(" |");
            previous = seconds;
            previousSize = size;
        }
        line.append(String.format(Locale.ROOT, " %s |", worst == 0 ? "–" : String.format(Locale.ROOT, "%.1f%s", worst,
                worst >= 20 ? " **super-linear**" : "")));
        System.out.println(line);
        System.out.flush();
    }

    /** CPU seconds of one call: the least of a few calls, more calls for small texts. */
    private static double time(ToIntFunction<String> f, String text) {
        f.applyAsInt(text); // warm-up (and the classes loaded)
        double best = Double.MAX_VALUE;
        long spent = 0;
        for (int i = 0; i < 20 && (i < 2 || spent < 300_000_000L); i++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            f.applyAsInt(text);
            long t = CPU.getCurrentThreadCpuTime() - t0;
            spent += t;
            best = Math.min(best, t / 1e9);
            if (t > 3_000_000_000L) {
                break;
            }
        }
        return best;
    }

    private static String format(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.0f µs", seconds * 1e6);
    }

    private static Map<String, ToIntFunction<String>> parts() {
        PiiEngine engine = StandaloneEngine.dutch();
        TextNormalizer normalizer = new TextNormalizer();
        Map<String, ToIntFunction<String>> p = new LinkedHashMap<>();
        p.put("normalize", t -> normalizer.normalize(t).text().length());
        p.put("detect", t -> engine.detect(t).size());
        p.put("redact", t -> engine.redactAll(t).length());
        p.put("split-parts", t -> WorstCaseRedaction.splitAcrossParts(engine, t, 16));
        p.put("participant-name", t -> WorstCaseRedaction.participantName(engine, t));
        p.put("restore", WorstCaseResponse::restoreAll);
        p.put("restore-stream", t -> WorstCaseResponse.restoreStream(t, 7));
        p.put("output-scan", t -> WorstCaseResponse.scanWhole(engine, t));
        p.put("output-stream", t -> WorstCaseResponse.scanStream(engine, t, 7, false));
        p.put("output-stream-redact", t -> WorstCaseResponse.scanStream(engine, t, 7, true));
        p.put("purpose", purpose());
        return p;
    }

    private static ToIntFunction<String> purpose() {
        Path root = Files.isDirectory(Path.of("policies")) ? Path.of(".") : Path.of("..");
        List<ForbiddenPurpose> rules = new PolicyLoader().load(root.resolve("policies"), root.resolve("models-config"))
                .governance().forbiddenPurposes();
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
        return t -> guard.judge(List.of(t), rules, PurposeGuardPolicy.DEFAULTS, null).hashCode();
    }
}
