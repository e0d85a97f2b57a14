package nl.dijkwacht.redaction;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PolicyLoader;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import nl.dijkwacht.purpose.Judgement;
import nl.dijkwacht.purpose.LayeredPurposeGuard;
import nl.dijkwacht.purpose.PurposeClassifier;
import nl.dijkwacht.purpose.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * encoded28's evaluation (docs/pii-evaluation.md, "Encoded text"): the set {@code /encoded/eval-dev.tsv} (or
 * {@code -Dencoded.set=heldout}, run once for the final figures) of personal data encoded in place (base64, hex,
 * percent), forbidden and allowed prompts encoded whole (also ROT13 and digits for letters), and ordinary municipal
 * text with ids, hashes, keys, URLs and words with digits. Prints per side and encoding what is caught, and the ordinary
 * texts where the gateway now does something (a refusal for encoded personal data, a guard decision other than on
 * the text without its encodings undone). Writes {@code target/encoded-eval-<set>.md}.
 *
 * <p>encoded45's set {@code /encoded/eval-45-dev.tsv} ({@code -Dencoded.set=45-heldout} once at the end): the encodings
 * encoded28 left unread (nested, compressed, short base64, symbols for letters, ROT13 mixed with plain words) and
 * ordinary texts with JWTs, images in markdown, short codes, e-mail text, prices and nested configuration. Both
 * development sets run by default; {@code -Dencoded.set} runs that one set instead.
 */
class EncodedEvaluationTest {

    /** What the harness itself takes for an encoded run (before the code: where a finding must overlap). */
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/=%_-]{12,}");

    record Row(String id, String side, String encoding, String expected, String text) {
    }

    static List<Row> load(String set) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = EncodedEvaluationTest.class.getResourceAsStream("/encoded/eval-" + set + ".tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 5);
                rows.add(new Row(f[0], f[1], f[2], f[3], unescape(f[4])));
            }
        }
        return rows;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "45-dev"})
    void encodedPersonalDataAndPromptsAreRead(String devSet) throws IOException {
        String set = System.getProperty("encoded.set", devSet);
        List<Row> rows = load(set);
        PiiEngine engine = PiiEngine.dutchDefault();
        EncodedPersonalData encoded = new EncodedPersonalData(engine);
        OperatorPolicy policy = OperatorPolicy.pseudonymiseAll();
        Path root = Files.isDirectory(Path.of("policies")) ? Path.of(".") : Path.of("..");
        List<ForbiddenPurpose> rules = new PolicyLoader().load(root.resolve("policies"), root.resolve("models-config"))
                .governance().forbiddenPurposes();
        LayeredPurposeGuard guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer(), 0);
        Map<String, int[]> counts = new LinkedHashMap<>(); // side/encoding -> {texts, caught before, caught now}
        List<String> ordinaryActed = new ArrayList<>();
        for (Row r : rows) {
            int[] c = counts.computeIfAbsent(r.side() + " " + r.encoding().replaceAll(":.*", ""), k -> new int[3]);
            c[0]++;
            switch (r.side()) {
                case "pii" -> {
                    EntityType type = EntityType.valueOf(r.expected());
                    boolean before = foundInRun(engine.detect(r.text()), r.text(), type);
                    Set<String> encs = new TreeSet<>();
                    Set<EntityType> types = new TreeSet<>();
                    encoded.find(r.text(), policy, encs, types);
                    c[1] += before ? 1 : 0;
                    c[2] += before || types.contains(type) ? 1 : 0;
                }
                case "forbidden", "allowed" -> {
                    boolean refused = refused(guard.judge(List.of(r.text()), rules, PurposeGuardPolicy.DEFAULTS, null));
                    boolean right = r.side().equals("forbidden") == refused;
                    c[2] += right ? 1 : 0;
                }
                default -> {
                    Set<String> encs = new TreeSet<>();
                    Set<EntityType> types = new TreeSet<>();
                    encoded.find(r.text(), policy, encs, types);
                    boolean refused = refused(guard.judge(List.of(r.text()), rules, PurposeGuardPolicy.DEFAULTS, null));
                    if (!types.isEmpty() || refused) {
                        c[2]++;
                        ordinaryActed.add(r.id() + " " + types + (refused ? " guard-refused" : ""));
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("| side | encoding | texts | caught by the raw engine | now |\n|---|---|---|---|---|\n");
        counts.forEach((k, c) -> report.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d |%n",
                k.split(" ")[0], k.split(" ")[1], c[0], k.startsWith("pii") ? String.valueOf(c[1]) : "-", c[2])));
        report.append("\nordinary texts acted on: ").append(ordinaryActed.size()).append('\n');
        ordinaryActed.forEach(x -> report.append("- ").append(x).append('\n'));
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/encoded-eval-" + set + ".md"), report);
        assertThat(rows).hasSizeGreaterThan(200);
        if ("dev".equals(set)) {
            int pii = 0;
            int piiCaught = 0;
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                if (e.getKey().startsWith("pii")) {
                    pii += e.getValue()[0];
                    piiCaught += e.getValue()[2];
                }
            }
            assertThat(piiCaught).as(report.toString()).isGreaterThanOrEqualTo(pii * 9 / 10);
            assertThat(ordinaryActed).as(report.toString()).isEmpty();
        }
        if ("45-dev".equals(set)) {
            // nested encodings (encoded45): every value caught; compressed data and short base64 groups are not read
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                if (e.getKey().startsWith("pii") && e.getKey().contains(">")) {
                    assertThat(e.getValue()[2]).as(e.getKey() + "\n" + report).isEqualTo(e.getValue()[0]);
                }
            }
            // no ordinary text refused as encoded personal data (JWTs were, for their "aud"), nor by the guard: the two
            // price texts ("€134,-", "22$") the classifier refused until the twelfth purpose round (a text with no part of
            // a forbidden purpose is allowed at decide-at)
            assertThat(ordinaryActed).as(report.toString()).isEmpty();
        }
    }

    private static boolean refused(Judgement j) {
        return j.verdict() == Verdict.FORBIDDEN_PURPOSE;
    }

    /** A finding of the type that overlaps a run the harness takes for encoded. */
    private static boolean foundInRun(List<Finding> findings, String text, EntityType type) {
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            for (Finding f : findings) {
                if (f.type() == type && f.start() < m.end() && f.end() > m.start()) {
                    return true;
                }
            }
        }
        return false;
    }
}
