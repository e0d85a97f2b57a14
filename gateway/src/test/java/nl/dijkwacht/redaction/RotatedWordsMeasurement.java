package nl.dijkwacht.redaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.evalforms.FormsEvalSet;

/**
 * answer47's measurement before building a ROT13-per-word reading (left by redteam46): what would it refuse in texts that
 * hold no ROT13 personal data? The most generous candidate: every letter of the text rotated by 13 (offsets stay, so a
 * rotated word is read with its plain neighbours as context), the engine run on it, and a finding there that no finding
 * of the plain text covers counted — every such finding in these sets is a false alarm, since none of their texts holds
 * personal data in ROT13. Sets: the encoded sets' development parts (all sides) and the forms corpus's seen splits.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) nl.dijkwacht.redaction.RotatedWordsMeasurement}
 */
public final class RotatedWordsMeasurement {

    private RotatedWordsMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        PiiEngine engine = PiiEngine.dutchDefault();
        Map<String, List<String[]>> sets = new LinkedHashMap<>();
        for (String set : List.of("dev", "45-dev")) {
            List<String[]> rows = new ArrayList<>();
            for (EncodedEvaluationTest.Row r : EncodedEvaluationTest.load(set)) {
                rows.add(new String[] {r.id(), r.side() + " " + r.encoding().replaceAll(":.*", ""), r.text()});
            }
            sets.put("encoded " + set, rows);
        }
        List<String[]> corpus = new ArrayList<>();
        for (String split : FormsEvalSet.SPLITS) {
            if (!FormsEvalSet.UNSEEN.contains(split)) {
                for (FormsEvalSet.Doc d : FormsEvalSet.load(split)) {
                    corpus.add(new String[] {split + "/" + d.id(), "corpus", d.text()});
                }
            }
        }
        sets.put("forms corpus", corpus);
        for (var set : sets.entrySet()) {
            int texts = 0;
            int flagged = 0;
            Map<String, Integer> types = new TreeMap<>();
            Map<String, Integer> bySide = new TreeMap<>();
            for (String[] row : set.getValue()) {
                texts++;
                List<Finding> plain = engine.detect(row[2]);
                boolean any = false;
                for (Finding f : engine.detect(rot13(row[2]))) {
                    if (plain.stream().noneMatch(p -> p.start() <= f.start() && p.end() >= f.end())) {
                        types.merge(f.type().name(), 1, Integer::sum);
                        any = true;
                    }
                }
                if (any) {
                    flagged++;
                    bySide.merge(row[1], 1, Integer::sum);
                }
            }
            System.out.printf(Locale.ROOT, "## %s: %d texts, %d with a finding only in the rotated text; by type %s; by side %s%n",
                    set.getKey(), texts, flagged, types, bySide);
        }
    }

    static String rot13(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 'a' && c <= 'z' ? (char) ('a' + (c - 'a' + 13) % 26)
                    : c >= 'A' && c <= 'Z' ? (char) ('A' + (c - 'A' + 13) % 26) : c);
        }
        return out.toString();
    }
}
