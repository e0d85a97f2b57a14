package nl.dijkwacht.redaction;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.evalforms.FormsEvalSet;

/**
 * redteam46's measurement for session 45's open question: would reading personal data written in short base64 groups
 * ({@code MTEx MjIy MzMz}, each group four characters, separated by spaces) refuse ordinary text? A candidate is two or
 * more such groups in a row (the last may be padded) whose joined base64 decodes to well-formed, printable UTF-8; the
 * engine reads the decoded text. Prints, per set, the texts, the texts with a candidate and those with a finding in a
 * decoded candidate (what reading them would refuse as encoded personal data). The encoded sets' development parts, or
 * {@code heldout} as the argument for their held-out parts (run once); the forms corpus's seen splits (plain text:
 * every finding there is a false alarm of this reading).
 * Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) nl.dijkwacht.redaction.ShortGroupsMeasurement [heldout]}
 */
public final class ShortGroupsMeasurement {

    /** Two or more four-character base64 groups separated by spaces or tabs; the last may end in padding. */
    static final Pattern GROUPS = Pattern.compile("(?<![A-Za-z0-9+/=])(?:[A-Za-z0-9+/]{4}[ \\t]+)+(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)(?![A-Za-z0-9+/=])");

    private ShortGroupsMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        boolean heldout = args.length > 0 && args[0].equals("heldout");
        PiiEngine engine = PiiEngine.dutchDefault();
        Map<String, List<String[]>> sets = new LinkedHashMap<>(); // name -> rows {id, side, encoding, text}
        for (String set : heldout ? List.of("heldout", "45-heldout") : List.of("dev", "45-dev")) {
            List<String[]> rows = new ArrayList<>();
            for (EncodedEvaluationTest.Row r : EncodedEvaluationTest.load(set)) {
                rows.add(new String[] {r.id(), r.side(), r.encoding(), r.text()});
            }
            sets.put("encoded " + set, rows);
        }
        if (!heldout) {
            List<String[]> corpus = new ArrayList<>();
            for (String split : FormsEvalSet.SPLITS) {
                if (!FormsEvalSet.UNSEEN.contains(split)) {
                    for (FormsEvalSet.Doc d : FormsEvalSet.load(split)) {
                        corpus.add(new String[] {split + "/" + d.id(), "corpus", "none", d.text()});
                    }
                }
            }
            sets.put("forms corpus", corpus);
        }
        for (var set : sets.entrySet()) {
            Map<String, int[]> counts = new TreeMap<>(); // side/encoding -> {texts, with a candidate, with a finding in one}
            List<String> flagged = new ArrayList<>();
            for (String[] row : set.getValue()) {
                String key = row[1] + " " + row[2].replaceAll(":.*", "");
                int[] c = counts.computeIfAbsent(key, k -> new int[3]);
                c[0]++;
                boolean candidate = false;
                List<String> types = new ArrayList<>();
                Matcher m = GROUPS.matcher(row[3]);
                while (m.find()) {
                    String decoded = decoded(m.group().replaceAll("[ \\t]+", ""));
                    if (decoded == null) {
                        continue;
                    }
                    candidate = true;
                    for (Finding f : engine.detect(decoded)) {
                        types.add(f.type().name());
                    }
                }
                c[1] += candidate ? 1 : 0;
                c[2] += types.isEmpty() ? 0 : 1;
                if (!types.isEmpty() && !row[1].equals("pii")) {
                    flagged.add(row[0] + " " + types);
                }
            }
            System.out.println("## " + set.getKey());
            System.out.println("| side | encoding | texts | with a candidate | a finding in one |");
            counts.forEach((k, c) -> System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d |%n", k.split(" ")[0], k.split(" ")[1], c[0], c[1], c[2]));
            System.out.println("texts other than personal data with a finding: " + flagged.size() + " " + flagged);
        }
    }

    /** The decoded text when it is well-formed UTF-8 of printable characters (letters, digits, punctuation, spaces), else null. */
    static String decoded(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.length() % 4 == 0 ? base64 : base64 + "====".substring(base64.length() % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' || Character.getType(c) == Character.UNASSIGNED
                    || Character.getType(c) == Character.PRIVATE_USE || Character.isSurrogate(c)) {
                return null;
            }
        }
        return text;
    }
}
