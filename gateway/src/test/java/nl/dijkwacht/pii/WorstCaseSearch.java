package nl.dijkwacht.pii;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * An attacker's search for inputs on which {@code detect} costs more than linear work (pii28): units built from the
 * building blocks the engine's passes react to ({@link #BLOCKS}: digit runs, separators, capitals, particles, '@',
 * labels, list markers, table pipes and tabs, brackets, quotes, dates, postcodes, IBAN-like runs, near-matches that
 * almost complete a pattern), alone, in pairs and in threes, each repeated to a size. A timing tool, not a test:
 * <pre>
 * /work/coord/mvn-slot ./mvnw -q -B -o -pl gateway test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/cp.txt) nl.dijkwacht.pii.WorstCaseSearch search
 * java -cp … nl.dijkwacht.pii.WorstCaseSearch measure email-many-labels,label-values   (WorstCaseInputs shapes)
 * java -cp … nl.dijkwacht.pii.WorstCaseSearch confirm 'Naam: "' 'x@y; '                 (units, Java escapes \n \t)
 * </pre>
 * {@code search} screens every unit at {@code -Dsmall} (16 KB) and {@code -Dlarge} (128 KB), median of 3 calls each
 * after a warm-up call, and confirms each unit whose growth exceeds {@code -Dscreen} (10) the way {@code measure} and
 * {@code confirm} time a shape: 64 KB and 512 KB, a warm-up call each, then the median of {@code -Drounds} (5) calls'
 * CPU time of the calling thread; a growth above {@code -Dthreshold} (12 per 8×) is printed as a candidate. Pairs and
 * threes are drawn with {@code -Dseed} (28), {@code -Dpairs} (160) and {@code -Dthrees} (120) of them.
 */
public final class WorstCaseSearch {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** What the passes react to; a unit is one to three of these, repeated. */
    static final List<String> BLOCKS = List.of(
            // digit runs and near-identifiers
            "123456782", "12345678", "0612345678", "06-1234567", "1234", "7", "12.345.678", "+31 6 ",
            // separators
            " ", ", ", ". ", "; ", " - ", "/", "\n", "\n\n", "\t", "   ", "-", ".", ",",
            // capitals, initials, particles, titles
            "Jan ", "Jansen", "J.", "JANSEN ", "De Vries", "van ", "der ", "'t ", "mevrouw ", "dhr. ", "de heer ",
            // '@', e-mail, web
            "@", "jan@", "x@y.nl", "(at) ", "mailto:", "www.", "http://", "<", ">",
            // labels, cue words
            "Naam:", "BSN: ", "Van: ", "Datum: ", "Aan: ", "t.a.v. ", "geboren ", "te ", "in ", "Koning ", "Geb.datum ",
            // list markers, tables
            "- ", "* ", "1. ", "a) ", "| ", "|", " | Jan | ",
            // brackets, quotes, JSON
            "(", ")", "[", "]", "{", "}", "\"", "'", "\"naam\":", "\"naam\": \"", "\"value\":",
            // dates, postcodes, addresses, IBAN-like
            "12-03-1980", "1 januari 2020", "12/03/80", "1234 AB", "1234AB", "Straat 12", "NL91ABNA0417164300",
            "NL91 ABNA 0417 ", "NL12", "NL91ABNA041716430",
            // words
            "hoi ", "en ", "Dalfsen, ");

    private WorstCaseSearch() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "search";
        PiiEngine engine = StandaloneEngine.dutch();
        warmUp(engine);
        int rounds = Integer.getInteger("rounds", 5);
        double threshold = Double.parseDouble(System.getProperty("threshold", "12"));
        switch (mode) {
            case "measure" -> {
                Map<String, IntFunction<String>> all = WorstCaseInputs.all();
                List<String> names = args.length > 1 ? List.of(args[1].split(",")) : List.copyOf(all.keySet());
                header();
                for (String name : names) {
                    IntFunction<String> gen = all.get(name);
                    if (gen == null) {
                        throw new IllegalArgumentException("no such shape: " + name);
                    }
                    confirm(engine, name, gen, rounds, threshold);
                }
            }
            case "confirm" -> {
                header();
                for (int i = 1; i < args.length; i++) {
                    String unit = unescape(args[i]);
                    confirm(engine, escape(unit), n -> WorstCaseInputs.fill(unit, n), rounds, threshold);
                }
            }
            case "search" -> search(engine, rounds, threshold);
            default -> throw new IllegalArgumentException("mode: measure, confirm or search");
        }
    }

    private static void search(PiiEngine engine, int rounds, double threshold) {
        int small = Integer.getInteger("small", 16 * 1024);
        int large = Integer.getInteger("large", 128 * 1024);
        double screen = Double.parseDouble(System.getProperty("screen", "10"));
        Set<String> units = units(Long.getLong("seed", 28), Integer.getInteger("pairs", 160),
                Integer.getInteger("threes", 120));
        System.out.printf(Locale.ROOT, "screening %d units at %d and %d characters%n", units.size(), small, large);
        List<String> suspects = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String unit : units) {
            double a = median(engine, WorstCaseInputs.fill(unit, small), 3);
            double b = median(engine, WorstCaseInputs.fill(unit, large), 3);
            double growth = b / a * (8.0 * small / large);
            if (growth > screen) {
                suspects.add(unit);
                System.out.printf(Locale.ROOT, "suspect %-40s %s → %s growth %.1f%n", escape(unit), format(a), format(b),
                        growth);
                System.out.flush();
            }
        }
        System.out.printf(Locale.ROOT, "screened in %.0f s; %d suspects%n", (System.nanoTime() - t0) / 1e9,
                suspects.size());
        header();
        for (String unit : suspects) {
            confirm(engine, escape(unit), n -> WorstCaseInputs.fill(unit, n), rounds, threshold);
        }
    }

    /** Every block alone, {@code pairs} pairs and {@code threes} threes drawn with {@code seed}, each unit once. */
    static Set<String> units(long seed, int pairs, int threes) {
        Set<String> units = new LinkedHashSet<>(BLOCKS);
        Random random = new Random(seed);
        for (int i = 0; i < pairs; i++) {
            units.add(pick(random) + pick(random));
        }
        for (int i = 0; i < threes; i++) {
            units.add(pick(random) + pick(random) + pick(random));
        }
        return units;
    }

    private static String pick(Random random) {
        return BLOCKS.get(random.nextInt(BLOCKS.size()));
    }

    private static void header() {
        System.out.println("| unit | 64 KB | 512 KB | growth | |");
        System.out.println("|---|---|---|---|---|");
    }

    private static void confirm(PiiEngine engine, String name, IntFunction<String> gen, int rounds, double threshold) {
        double a = median(engine, gen.apply(64 * 1024), rounds);
        double b = median(engine, gen.apply(512 * 1024), rounds);
        double growth = b / a;
        System.out.printf(Locale.ROOT, "| `%s` | %s | %s | %.1f | %s |%n", name, format(a), format(b), growth,
                growth > threshold ? "**candidate**" : "");
        System.out.flush();
    }

    /** The median CPU seconds of {@code rounds} calls after one warm-up call. */
    static double median(PiiEngine engine, String text, int rounds) {
        engine.detect(text);
        double[] t = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            engine.detect(text);
            t[i] = (CPU.getCurrentThreadCpuTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[rounds / 2];
    }

    private static void warmUp(PiiEngine engine) {
        String letter = PiiEngineBenchmark.text(8 * 1024);
        for (int i = 0; i < 200; i++) {
            engine.detect(letter);
        }
    }

    private static String format(double seconds) {
        return seconds >= 1 ? String.format(Locale.ROOT, "%.2f s", seconds)
                : String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
    }

    static String escape(String unit) {
        return unit.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("|", "\\|");
    }

    private static String unescape(String arg) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\' && i + 1 < arg.length()) {
                char d = arg.charAt(++i);
                b.append(switch (d) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> d;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
