package nl.dijkwacht.pii.evalforms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.evalforms.FormsEvalSet.Doc;
import nl.dijkwacht.pii.evalforms.FormsEvalSet.Span;

/**
 * Scores {@link PiiEngine#dutchDefault()} on the forms evaluation set, per form and per type, beside the letter-like
 * set ({@code pii/eval/municipal-eval.jsonl}). The gateway passes every message content to {@code detect} unchanged,
 * so this is what the model is kept from.
 *
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile exec:exec@pii-forms-eval -Dforms=dev     # or heldout, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8, heldout9, heldout10, heldout11, heldout12, heldout13, heldout14, heldout15, heldout16, heldout17, heldout18 (unseen)
 * </pre>
 *
 * <p>Measures (special-category findings are ignored: that type is not labelled in this set):
 * <ul>
 *   <li><b>kept</b> — a labelled span is kept from the model when every letter and digit of it lies inside some
 *       finding, of any type (a BSN redacted as a phone number is still kept from the model);</li>
 *   <li><b>exact</b> — a finding of the same type with the same start and end (the letter-like set's measure);</li>
 *   <li><b>harmless intact</b> — a look-alike span that no finding overlaps;</li>
 *   <li><b>precision</b> — findings that overlap a labelled span, over all findings; <b>exact precision</b> — findings
 *       equal to a labelled span.</li>
 * </ul>
 * Writes {@code target/pii-eval-forms-<split>.md}; for the development data (dev, heldout, heldout3 … heldout11) also
 * the mismatches to {@code target/pii-eval-forms-errors-<split>.txt}.
 * The old held-out part ({@code heldout}, run twice in the second round) became development data in the third round,
 * held-out-3 (run once at the end of the third round) in the fourth, held-out-4 (run once at the end of the fourth)
 * in the fifth, held-out-5 (run once at the end of the fifth) in the sixth, held-out-6 (run once at the end of the
 * sixth) in the seventh, held-out-7 (run once at the end of the seventh) in the eighth, held-out-8 (run once at the
 * end of the eighth) in the ninth, held-out-9 (run once at the end of the ninth) in the tenth, held-out-10 (run once
 * at the end of the tenth) in the eleventh, held-out-11 (run once at the end of the eleventh) in the twelfth,
 * held-out-13 (run once at the end of session 46's round) in round 14, and held-out-12 (run once at the end of the
 * twelfth) and held-out-14 (run once at the end of round 14) in round 15, held-out-15 (run once at the end of
 * round 15) in session 49, held-out-16 (run once at the end of session 49's round) in session 50 and held-out-17
 * (run once at the end of session 50's round) in session 51, so their mismatches are written too.
 * For a part still held out ({@link FormsEvalSet#UNSEEN}: the part written ahead of the next round and the paste held-out
 * parts) only the figures are printed, never its errors.
 */
public final class FormsEvaluation {

    /** Counts of one row. */
    static final class Tally {
        int idGold;
        int idKept;
        int nameGold;
        int nameKept;
        int harmless;
        int intact;
        int findings;
        int findingsOnGold;
        int findingsExact;
        int docs;

        void add(Tally o) {
            idGold += o.idGold;
            idKept += o.idKept;
            nameGold += o.nameGold;
            nameKept += o.nameKept;
            harmless += o.harmless;
            intact += o.intact;
            findings += o.findings;
            findingsOnGold += o.findingsOnGold;
            findingsExact += o.findingsExact;
            docs += o.docs;
        }
    }

    /** Counts per entity type. */
    static final class TypeTally {
        int gold;
        int kept;
        int exact;
        int findings;
        int findingsOnGold;
        int findingsExact;
    }

    private final PiiEngine engine;
    private final StringBuilder errors = new StringBuilder();
    final Map<String, TypeTally> byType = new TreeMap<>();
    final Map<String, int[]> byHarmlessKind = new TreeMap<>();

    FormsEvaluation(PiiEngine engine) {
        this.engine = engine;
    }

    Tally score(Doc d) {
        Tally t = new Tally();
        t.docs = 1;
        String text = d.text();
        List<Finding> findings = new ArrayList<>();
        for (Finding f : engine.detect(text)) {
            if (!f.type().name().equals("SPECIAL_CATEGORY")) {
                findings.add(f);
            }
        }
        boolean[] covered = new boolean[text.length()];
        for (Finding f : findings) {
            for (int i = f.start(); i < f.end(); i++) {
                covered[i] = true;
            }
        }
        for (Span g : d.entities()) {
            if (!g.type().equals(FormsEvalSet.PERSON) && !FormsEvalSet.IDENTIFIER_TYPES.contains(g.type())) {
                continue; // special categories (labelled in the letter-like set only) are not scored here
            }
            boolean kept = true;
            for (int i = g.start(); i < g.end(); i++) {
                if (Character.isLetterOrDigit(text.charAt(i)) && !covered[i]) {
                    kept = false;
                    break;
                }
            }
            boolean exact = findings.stream()
                    .anyMatch(f -> f.type().name().equals(g.type()) && f.start() == g.start() && f.end() == g.end());
            TypeTally tt = byType.computeIfAbsent(g.type(), k -> new TypeTally());
            tt.gold++;
            tt.kept += kept ? 1 : 0;
            tt.exact += exact ? 1 : 0;
            if (g.type().equals(FormsEvalSet.PERSON)) {
                t.nameGold++;
                t.nameKept += kept ? 1 : 0;
            } else {
                t.idGold++;
                t.idKept += kept ? 1 : 0;
            }
            if (!kept) {
                error(d, "MISSED " + g.type(), text, g.start(), g.end());
            }
        }
        for (Span h : d.harmless()) {
            boolean intact = findings.stream().noneMatch(f -> f.start() < h.end() && h.start() < f.end());
            t.harmless++;
            t.intact += intact ? 1 : 0;
            int[] k = byHarmlessKind.computeIfAbsent(h.type(), x -> new int[2]);
            k[0]++;
            k[1] += intact ? 1 : 0;
            if (!intact) {
                error(d, "REDACTED harmless " + h.type(), text, h.start(), h.end());
            }
        }
        for (Finding f : findings) {
            boolean onGold = d.entities().stream().anyMatch(g -> f.start() < g.end() && g.start() < f.end());
            boolean exact = d.entities().stream().anyMatch(
                    g -> f.type().name().equals(g.type()) && f.start() == g.start() && f.end() == g.end());
            TypeTally tt = byType.computeIfAbsent(f.type().name(), k -> new TypeTally());
            tt.findings++;
            tt.findingsOnGold += onGold ? 1 : 0;
            tt.findingsExact += exact ? 1 : 0;
            t.findings++;
            t.findingsOnGold += onGold ? 1 : 0;
            t.findingsExact += exact ? 1 : 0;
            if (!onGold) {
                error(d, "FALSE " + f.type().name(), text, f.start(), f.end());
            }
        }
        return t;
    }

    private void error(Doc d, String what, String text, int s, int e) {
        errors.append(d.id()).append(' ').append(what).append(" [").append(flat(text.substring(s, e))).append("] in «")
                .append(flat(text.substring(Math.max(0, s - 40), Math.min(text.length(), e + 40)))).append("»\n");
    }

    private static String flat(String s) {
        return s.replace("\n", "\\n").replace("\t", "\\t");
    }

    /** Rows per form (and per table variant), then "all". */
    Map<String, Tally> scoreAll(List<Doc> docs, Function<Doc, String> rowOf) {
        Map<String, Tally> rows = new LinkedHashMap<>();
        Tally all = new Tally();
        for (Doc d : docs) {
            Tally t = score(d);
            rows.computeIfAbsent(rowOf.apply(d), k -> new Tally()).add(t);
            if (!d.variant().isEmpty()) {
                rows.computeIfAbsent(rowOf.apply(d) + " / " + d.variant(), k -> new Tally()).add(t);
            }
            all.add(t);
        }
        Map<String, Tally> ordered = new LinkedHashMap<>();
        ordered.put("all", all);
        rows.keySet().stream().sorted((a, b) -> order(a) - order(b) != 0 ? order(a) - order(b) : a.compareTo(b))
                .forEach(k -> ordered.put(k, rows.get(k)));
        return ordered;
    }

    private static int order(String row) {
        int i = FormsEvalSet.FORMS.indexOf(row.split(" ")[0]);
        return i < 0 ? 99 : i;
    }

    static String formTable(Map<String, Tally> rows, Tally letters) {
        StringBuilder b = new StringBuilder("| form | docs | identifiers kept | names kept | harmless intact | precision "
                + "| exact precision |\n|---|---|---|---|---|---|---|\n");
        rows.forEach((k, t) -> formRow(b, k, t));
        if (letters != null) {
            formRow(b, "*letter-like set (generated, all 360)*", letters);
        }
        return b.toString();
    }

    private static void formRow(StringBuilder b, String name, Tally t) {
        b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", name, t.docs,
                rate(t.idKept, t.idGold), rate(t.nameKept, t.nameGold), t.harmless == 0 ? "–" : rate(t.intact, t.harmless),
                rate(t.findingsOnGold, t.findings), rate(t.findingsExact, t.findings)));
    }

    String typeTable() {
        StringBuilder b = new StringBuilder("| type | gold | kept | kept rate | exact recall | findings | precision "
                + "| exact precision |\n|---|---|---|---|---|---|---|---|\n");
        byType.forEach((k, t) -> b.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %d | %s | %s |%n", k,
                t.gold, t.kept, rate(t.kept, t.gold), rate(t.exact, t.gold), t.findings,
                rate(t.findingsOnGold, t.findings), rate(t.findingsExact, t.findings))));
        return b.toString();
    }

    String harmlessTable() {
        StringBuilder b = new StringBuilder("| harmless look-alike | spans | left intact | rate |\n|---|---|---|---|\n");
        byHarmlessKind.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %d | %d | %s |%n", k, v[0], v[1],
                rate(v[1], v[0]))));
        return b.toString();
    }

    private static String rate(int num, int den) {
        return den == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) num / den, num, den);
    }

    static List<Doc> letterSet() throws IOException {
        try (InputStream in = FormsEvaluation.class.getResourceAsStream("/pii/eval/municipal-eval.jsonl")) {
            return FormsEvalSet.readJsonl(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public static void main(String[] args) throws IOException {
        String split = args.length > 0 ? args[0] : "dev";
        if (!FormsEvalSet.allParts().contains(split)) {
            throw new IllegalArgumentException("usage: " + String.join(" | ", FormsEvalSet.allParts()));
        }
        PiiEngine engine = PiiEngine.dutchDefault();
        List<Doc> docs = FormsEvalSet.load(split);
        FormsEvaluation forms = new FormsEvaluation(engine);
        Map<String, Tally> rows = forms.scoreAll(docs, Doc::form);
        FormsEvaluation letters = new FormsEvaluation(engine);
        Tally letterTally = letters.scoreAll(letterSet(), d -> "letters").get("all");
        String title = switch (split) {
            case "heldout" -> "## Old held-out part (development data since the third round)\n\n";
            case "heldout3" -> "## Held-out-3 part (run once at the end of the third round; development data since)\n\n";
            case "heldout4" ->
                    "## Held-out-4 part (run once at the end of the fourth round; development data since)\n\n";
            case "heldout5" ->
                    "## Held-out-5 part (run once at the end of the fifth round; development data since)\n\n";
            case "heldout6" ->
                    "## Held-out-6 part (run once at the end of the sixth round; development data since)\n\n";
            case "heldout7" ->
                    "## Held-out-7 part (run once at the end of the seventh round; development data since)\n\n";
            case "heldout8" ->
                    "## Held-out-8 part (run once at the end of the eighth round; development data since)\n\n";
            case "heldout9" ->
                    "## Held-out-9 part (run once at the end of the ninth round; development data since)\n\n";
            case "heldout10" ->
                    "## Held-out-10 part (run once at the end of the tenth round; development data since)\n\n";
            case "heldout11" ->
                    "## Held-out-11 part (run once at the end of the eleventh round; development data since)\n\n";
            case "heldout12" ->
                    "## Held-out-12 part (run once at the end of the twelfth round; development data since round 15)\n\n";
            case "heldout13" ->
                    "## Held-out-13 part (run once at the end of session 46's round; development data since round 14)\n\n";
            case "heldout14" ->
                    "## Held-out-14 part (run once at the end of round 14; development data since round 15)\n\n";
            case "heldout15" ->
                    "## Held-out-15 part (run once at the end of round 15; development data since session 49)\n\n";
            case "heldout16" ->
                    "## Held-out-16 part (run once at the end of session 49's round; development data since session 50)\n\n";
            case "heldout17" ->
                    "## Held-out-17 part (run once at the end of session 50's round; development data since session 51)\n\n";
            case "heldout18" -> "## HELD-OUT-18 part (figures only: do not tune on these, no errors are written)\n\n";
            case "paste45" -> "## Paste-45 set, development part\n\n";
            case "paste45heldout" -> "## PASTE-45 HELD-OUT part (final figures only: do not tune on these, no errors are "
                    + "written)\n\n";
            case "paste46" -> "## Paste-46 set, development part\n\n";
            case "paste46heldout" -> "## PASTE-46 HELD-OUT part (final figures only: do not tune on these, no errors are "
                    + "written)\n\n";
            default -> "## Development part\n\n";
        };
        String report = title + "By form:\n\n" + formTable(rows, letterTally) + "\nBy type:\n\n" + forms.typeTable()
                + "\nHarmless look-alikes by kind:\n\n" + forms.harmlessTable() + "\nLetter-like set by type:\n\n"
                + letters.typeTable();
        Path target = Files.isDirectory(Path.of("src/test/resources")) ? Path.of("target") : Path.of("gateway/target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("pii-eval-forms-" + split + ".md"), report, StandardCharsets.UTF_8);
        if (!FormsEvalSet.UNSEEN.contains(split)) { // never for a held-out set still to be run
            Files.writeString(target.resolve("pii-eval-forms-errors-" + split + ".txt"), forms.errors,
                    StandardCharsets.UTF_8);
        }
        System.out.println(report);
    }
}
