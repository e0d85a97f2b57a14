package nl.dijkwacht.pii;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per {@code detect()} of several builds of the engine in one JVM, interleaved (round 1: A, B; round 2: A,
 * B …), so that a shared machine's load falls on all of them alike. Each build is a directory of compiled
 * {@code nl.dijkwacht.pii} classes and {@code pii/} resources, loaded in its own class loader over the libraries of
 * the test class path. Arguments: {@code name=directory} …; {@code -Dtext=letter|table|request|forms} (see
 * {@link #texts}), {@code -Dn} calls per measurement after as many warm-up calls, {@code -Drounds}; {@code -Dpollute=all} uses the
 * JDK's shared code with other types first ({@link PiiTypeProfileProbe}), as the rest of the gateway does.
 * See docs/pii-evaluation.md ("Cost") for the command.
 */
public final class PiiEngineCostComparison {

    /** The load harness's request: its system prompt, its 1.1 KB user prompt and the mock's answer (output scan). */
    static final List<String> HARNESS_REQUEST = List.of(
            "Je bent een behulpzame assistent van de klantenservice van een Nederlandse energieleverancier. Antwoord altijd in"
                    + " het Nederlands, beknopt en vriendelijk, en noem nooit interne systemen of beleidsregels.",
            "Goedemiddag, mijn naam is Jan Jansen en ik woon aan de Dorpsstraat 12 in Utrecht. Sinds de verhuizing in maart"
                    + " ontvang ik twee facturen per maand: een voor het oude adres en een voor het nieuwe. Ik heb de meterstanden op"
                    + " 14 maart doorgegeven via de app, maar het voorschotbedrag is daarna niet aangepast en het wordt nog steeds"
                    + " afgeschreven van mijn rekening NL91ABNA0417164300. Kunt u de dubbele afschrijving stopzetten, het teveel"
                    + " betaalde bedrag terugstorten en mij per e-mail (jan.jansen@example.nl) of telefonisch (06-12345678) laten"
                    + " weten wanneer dat gebeurt? Ik wil ook graag weten of de jaarafrekening van het oude adres al is opgemaakt en"
                    + " hoe ik bezwaar kan maken als die niet klopt. Vat mijn vraag eerst samen in twee zinnen en geef daarna de"
                    + " stappen die ik zelf kan zetten.",
            "Natuurlijk. Een API-gateway voor taalmodellen controleert elk verzoek op beleid, verwijdert persoonsgegevens waar"
                    + " nodig en stuurt het verzoek daarna door naar de gekozen aanbieder. Zo blijft de latentie laag en de naleving"
                    + " aantoonbaar.");

    /**
     * {@code letter} (1 KB), {@code table} (10 KB CSV), {@code request} (the three texts of the load harness's request in
     * turn: a mean over them ×3 is one request), {@code forms} (the forms set's dev texts in turn: with a small
     * {@code -Ddijkwacht.pii.name-window-cache} nearly every name-model window is new).
     */
    static List<String> texts(String which) throws java.io.IOException {
        return switch (which) {
            case "table" -> List.of(PiiEngineBenchmark.table(10 * 1024));
            case "request" -> HARNESS_REQUEST;
            case "forms" -> nl.dijkwacht.pii.evalforms.FormsEvalSet.load("dev").stream().map(d -> d.text()).toList();
            default -> List.of(PiiEngineBenchmark.text(1024));
        };
    }

    /**
     * The build's full engine with the window cache of {@code -Ddijkwacht.pii.name-window-cache}: builds since session 28
     * take it as an argument ({@code PiiEngine.dutch(int)}); older ones read that JVM option themselves.
     */
    private static Object engine(Class<?> engineClass) throws ReflectiveOperationException {
        try {
            return engineClass.getMethod("dutch", int.class).invoke(null, StandaloneEngine.nameWindowCache());
        } catch (NoSuchMethodException olderBuild) {
            return engineClass.getMethod("dutchDefault").invoke(null);
        }
    }

    public static void main(String[] args) throws Exception {
        List<URL> libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                libraries.add(new File(entry).toURI().toURL());
            }
        }
        ClassLoader shared = new URLClassLoader(libraries.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        String pollute = System.getProperty("pollute", "none");
        if (!pollute.equals("none")) { // the JDK's shared code first used with a whole application's types, as in the gateway
            for (int i = 0; i < 30; i++) {
                PiiTypeProfileProbe.pollute(pollute, 2_000);
            }
        }
        List<String> texts = texts(System.getProperty("text", "letter"));
        String text = texts.getFirst();
        int n = Integer.getInteger("n", 10_000);
        int rounds = Integer.getInteger("rounds", 4);
        List<String> names = new ArrayList<>();
        List<Object> engines = new ArrayList<>();
        List<Method> detects = new ArrayList<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            URLClassLoader loader = new URLClassLoader(new URL[] {new File(kv[1]).toURI().toURL()}, shared);
            Class<?> engineClass = loader.loadClass("nl.dijkwacht.pii.PiiEngine");
            Object engine = engine(engineClass);
            Method detect = engineClass.getMethod("detect", String.class);
            names.add(kv[0]);
            engines.add(engine);
            detects.add(detect);
            System.out.printf(Locale.ROOT, "%s: %d findings%n", kv[0], ((List<?>) detect.invoke(engine, text)).size());
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < engines.size(); k++) {
                Object engine = engines.get(k);
                Method detect = detects.get(k);
                for (int i = 0; i < n; i++) {
                    detect.invoke(engine, texts.get(i % texts.size()));
                }
                long[] cpu = new long[n];
                long sum = 0;
                long allocated = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < n; i++) {
                    String t = texts.get(i % texts.size());
                    long t0 = mx.getCurrentThreadCpuTime();
                    detect.invoke(engine, t);
                    cpu[i] = mx.getCurrentThreadCpuTime() - t0;
                    sum += cpu[i];
                }
                allocated = mx.getCurrentThreadAllocatedBytes() - allocated;
                Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "round %d %-8s CPU p50 %7.1f µs  p99 %7.1f µs  mean %7.1f µs  heap %6.1f KB/call%n",
                        r, names.get(k), cpu[n / 2] / 1000.0, cpu[(int) (n * 0.99)] / 1000.0, sum / 1000.0 / n,
                        allocated / 1024.0 / n);
            }
        }
    }
}
