package nl.dijkwacht.pii.evalforms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles the markup files of the forms evaluation set into JSONL with offsets, and (once, when the set was written)
 * split the hand-written documents into a development part and a held-out quarter.
 *
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile exec:exec@pii-forms-build   # markup → JSONL (dev, heldout, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, paste45, paste45heldout, heldout13)
 * </pre>
 * The one-off split (DIR/&lt;form&gt;.txt → dev/heldout) was {@code main("split", DIR)}:
 * <pre>
 * java -cp &lt;test class path&gt; nl.dijkwacht.pii.evalforms.FormsEvalSetBuilder split DIR
 * </pre>
 */
public final class FormsEvalSetBuilder {

    /** Seed of the split; {@link #heldoutIds} is re-checked by {@code FormsEvalSetTest}. */
    static final long SEED = 20261201L;

    private FormsEvalSetBuilder() {
    }

    /** A seeded random quarter (rounded) of a form's documents, independent of file order. */
    static Set<String> heldoutIds(String form, Set<String> ids) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
        Collections.shuffle(sorted, new Random(SEED + form.hashCode()));
        int n = Math.round(sorted.size() / 4.0f);
        return new TreeSet<>(sorted.subList(0, n));
    }

    public static void main(String[] args) throws IOException {
        Path root = FormsEvalSet.root();
        if (args.length == 2 && args[0].equals("split")) {
            split(Path.of(args[1]), root);
        }
        List<String> splits = new ArrayList<>(FormsEvalSet.SPLITS);
        splits.addAll(FormsEvalSet.GENERATED_SPLITS);
        splits.addAll(FormsEvalSet.WRITTEN_AHEAD);
        for (String split : splits) {
            Path dir = root.resolve(split);
            List<FormsEvalSet.Doc> docs = FormsEvalSet.readMarkupDir(dir);
            Files.writeString(dir.resolve("eval-forms-" + split + ".jsonl"), FormsEvalSet.toJsonl(docs),
                    StandardCharsets.UTF_8);
            System.out.println(split + ": " + docs.size() + " documents");
        }
    }

    private static void split(Path authoring, Path root) throws IOException {
        for (String form : FormsEvalSet.FORMS) {
            Path file = authoring.resolve(form + ".txt");
            if (!Files.exists(file)) {
                continue;
            }
            Map<String, String> chunks = chunks(Files.readString(file, StandardCharsets.UTF_8));
            Set<String> held = heldoutIds(form, chunks.keySet());
            StringBuilder dev = new StringBuilder();
            StringBuilder heldout = new StringBuilder();
            chunks.forEach((id, chunk) -> (held.contains(id) ? heldout : dev).append(chunk));
            Files.createDirectories(root.resolve("dev"));
            Files.createDirectories(root.resolve("heldout"));
            Files.writeString(root.resolve("dev").resolve(form + ".txt"), dev, StandardCharsets.UTF_8);
            Files.writeString(root.resolve("heldout").resolve(form + ".txt"), heldout, StandardCharsets.UTF_8);
        }
    }

    /** Raw markup per document id, header line included, comments dropped. */
    static Map<String, String> chunks(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        String id = null;
        StringBuilder b = new StringBuilder();
        for (String line : raw.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (id != null) {
                    out.put(id, b.toString());
                }
                id = line.substring(4).split(" ")[0];
                b.setLength(0);
            }
            if (id != null) {
                b.append(line).append('\n');
            }
        }
        if (id != null) {
            out.put(id, b.toString().replaceAll("\n+$", "\n") + "\n");
        }
        return out;
    }
}
