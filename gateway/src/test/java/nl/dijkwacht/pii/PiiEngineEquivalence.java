package nl.dijkwacht.pii;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.dijkwacht.pii.evalforms.FormsEvalSet;
import nl.dijkwacht.pii.evalforms.FormsEvalSet.Doc;

/**
 * Whether two builds of the engine give the same findings — type, offsets, score, recognizer, pattern and context —
 * on every development text: the forms set's dev part and its spent held-out parts (every part of
 * {@link FormsEvalSet#SPLITS} not in {@link FormsEvalSet#UNSEEN}), the letter-like set, the benchmark texts, and each of these in lower and upper case. A speed change must
 * leave all of them alike. Builds are loaded as in {@link PiiEngineCostComparison}. Arguments: {@code a=directory
 * b=directory}; {@code -Dspans=true} compares only type and offsets. Prints counts and the ids of differing texts
 * (with {@code spans}, the differing findings' types and offsets), never their content. Reads only the dev and
 * spent held-out parts of the forms set.
 */
public final class PiiEngineEquivalence {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: a=classes-dir b=classes-dir");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String split : FormsEvalSet.SPLITS) {
            if (FormsEvalSet.UNSEEN.contains(split)) {
                continue; // an unseen part is run once by the lead, never compared here
            }
            for (Doc d : FormsEvalSet.load(split)) {
                texts.put(split + "/" + d.id(), d.text());
            }
        }
        for (Doc d : letterSet()) {
            texts.put("letters/" + d.id(), d.text());
        }
        texts.put("bench/letter-1k", PiiEngineBenchmark.text(1024));
        texts.put("bench/letter-10k", PiiEngineBenchmark.text(10 * 1024));
        texts.put("bench/table-10k", PiiEngineBenchmark.table(10 * 1024));
        Map<String, String> all = new LinkedHashMap<>(texts);
        texts.forEach((id, t) -> {
            all.put(id + "#lower", t.toLowerCase(Locale.ROOT));
            all.put(id + "#upper", t.toUpperCase(Locale.ROOT));
        });

        List<URL> libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                libraries.add(new File(entry).toURI().toURL());
            }
        }
        ClassLoader shared = new URLClassLoader(libraries.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Object[] engines = new Object[2];
        Method[] detects = new Method[2];
        for (int k = 0; k < 2; k++) {
            String dir = args[k].split("=", 2)[1];
            URLClassLoader loader = new URLClassLoader(new URL[] {new File(dir).toURI().toURL()}, shared);
            Class<?> engineClass = loader.loadClass("nl.dijkwacht.pii.PiiEngine");
            engines[k] = engineClass.getMethod("dutchDefault").invoke(null);
            detects[k] = engineClass.getMethod("detect", String.class);
        }
        // -Dspans=true: compare type and offsets only (a tuning change that renames a pattern label or a cue list
        // then shows only the texts whose findings really moved); prints those findings' types and offsets.
        boolean spansOnly = Boolean.getBoolean("spans");
        int differing = 0;
        long findings = 0;
        for (Map.Entry<String, String> e : all.entrySet()) {
            String a = render(detects[0].invoke(engines[0], e.getValue()), spansOnly);
            String b = render(detects[1].invoke(engines[1], e.getValue()), spansOnly);
            findings += ((List<?>) detects[0].invoke(engines[0], e.getValue())).size();
            if (!a.equals(b)) {
                differing++;
                System.out.println("differs: " + e.getKey() + (spansOnly ? "  old " + a + "  new " + b : ""));
            }
        }
        System.out.printf(Locale.ROOT, "%d texts, %d findings in %s, %d texts differ%n", all.size(), findings,
                args[0].split("=", 2)[0], differing);
        if (differing > 0) {
            System.exit(1);
        }
    }

    /** The findings as text: in full, or only type and offsets ({@code PERSON 12-20}), never the text itself. */
    private static String render(Object findings, boolean spansOnly) throws ReflectiveOperationException {
        if (!spansOnly) {
            return String.valueOf(findings);
        }
        StringBuilder out = new StringBuilder();
        for (Object f : (List<?>) findings) {
            Class<?> c = f.getClass();
            out.append(c.getMethod("type").invoke(f)).append(' ').append(c.getMethod("start").invoke(f)).append('-')
                    .append(c.getMethod("end").invoke(f)).append(' ');
        }
        return out.toString().strip();
    }

    private static List<Doc> letterSet() throws java.io.IOException {
        try (var in = PiiEngineEquivalence.class.getResourceAsStream("/pii/eval/municipal-eval.jsonl")) {
            return FormsEvalSet.readJsonl(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
