package nl.dijkwacht.pii.evalforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.dijkwacht.pii.evalforms.FormsEvalSet.Doc;
import nl.dijkwacht.pii.evalforms.FormsEvalSet.Span;
import org.junit.jupiter.api.Test;

/**
 * Validates the forms evaluation set (it does not score the engine: that is {@link FormsEvaluation}): every
 * annotation's offsets point at exactly its text, spans do not overlap, the JSONL is the compiled markup, the
 * held-out part is the seeded random quarter (held-out-3 to held-out-13 are separately written sets, not part of that
 * split), and real-looking identifiers carry valid but fictitious check digits.
 */
class FormsEvalSetTest {

    /** The totals of the README's held-out-13 table (a label added or lost there fails here). */
    private static final long HELDOUT13_IDENTIFIERS = 296L;
    private static final long HELDOUT13_NAMES = 341L;
    private static final long HELDOUT13_LOOK_ALIKES = 312L;

    /** The totals of the README's held-out-14 table. */
    private static final List<Long> HELDOUT14_TOTALS = List.of(293L, 343L, 364L);

    /** The totals of the README's held-out-15 table. */
    private static final List<Long> HELDOUT15_TOTALS = List.of(218L, 368L, 336L);

    /** The totals of the README's held-out-16 table. */
    private static final List<Long> HELDOUT16_TOTALS = List.of(256L, 343L, 319L);

    /** The totals of the README's held-out-17 table. */
    private static final List<Long> HELDOUT17_TOTALS = List.of(296L, 352L, 327L);

    /** The totals of the README's held-out-18 table. */
    private static final List<Long> HELDOUT18_TOTALS = List.of(328L, 390L, 437L);

    private static List<Doc> all() throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (String split : FormsEvalSet.allParts()) {
            docs.addAll(FormsEvalSet.load(split));
        }
        return docs;
    }

    @Test
    void everyAnnotationPointsAtItsText() throws IOException {
        for (Doc d : all()) {
            List<Span> spans = new ArrayList<>(d.entities());
            spans.addAll(d.harmless());
            for (Span s : spans) {
                assertThat(s.start()).as(d.id() + " " + s).isGreaterThanOrEqualTo(0).isLessThan(s.end());
                assertThat(s.end()).as(d.id() + " " + s).isLessThanOrEqualTo(d.text().length());
                assertThat(d.text().substring(s.start(), s.end())).as(d.id() + " " + s).isEqualTo(s.value());
                assertThat(s.value().strip()).as(d.id() + " span has no outer whitespace: " + s).isEqualTo(s.value());
            }
            spans.sort((a, b) -> a.start() - b.start());
            for (int i = 1; i < spans.size(); i++) {
                assertThat(spans.get(i).start()).as(d.id() + " overlap at " + spans.get(i))
                        .isGreaterThanOrEqualTo(spans.get(i - 1).end());
            }
        }
    }

    @Test
    void everyPartFolderIsListedAndNoUnseenPartIsDevelopmentData() throws IOException {
        Set<String> folders;
        try (Stream<Path> list = Files.list(FormsEvalSet.root())) {
            folders = list.filter(Files::isDirectory).map(d -> d.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(folders).as("part folders, each listed once in FormsEvalSet").containsExactlyInAnyOrderElementsOf(FormsEvalSet.allParts());
        assertThat(FormsEvalSet.UNSEEN).as("unseen parts").isNotEmpty().doesNotContainAnyElementsOf(FormsEvalSet.SPLITS);
        assertThat(FormsEvalSet.UNSEEN).as("parts written ahead are unseen").containsAll(FormsEvalSet.WRITTEN_AHEAD);
    }

    @Test
    void jsonlIsTheCompiledMarkup() throws IOException {
        for (String split : FormsEvalSet.allParts()) {
            Path dir = FormsEvalSet.root().resolve(split);
            String compiled = FormsEvalSet.toJsonl(FormsEvalSet.readMarkupDir(dir));
            assertThat(Files.readString(dir.resolve("eval-forms-" + split + ".jsonl"), StandardCharsets.UTF_8))
                    .as(split + " JSONL is stale: run FormsEvalSetBuilder").isEqualTo(compiled);
        }
    }

    @Test
    void largeVariedAndSplitBySeededQuarter() throws IOException {
        List<Doc> dev = FormsEvalSet.load("dev");
        List<Doc> heldout = FormsEvalSet.load("heldout");
        assertThat(dev.size() + heldout.size()).isGreaterThanOrEqualTo(300);
        Set<String> ids = new HashSet<>();
        for (Doc d : all()) {
            assertThat(ids.add(d.id())).as("unique id " + d.id()).isTrue();
            assertThat(d.id()).startsWith(d.form() + "-");
        }
        for (String form : FormsEvalSet.FORMS) {
            Set<String> formIds = new TreeSet<>();
            Set<String> heldIds = new TreeSet<>();
            dev.stream().filter(d -> d.form().equals(form)).forEach(d -> formIds.add(d.id()));
            heldout.stream().filter(d -> d.form().equals(form)).forEach(d -> heldIds.add(d.id()));
            formIds.addAll(heldIds);
            assertThat(formIds).as("documents of form " + form).hasSizeGreaterThanOrEqualTo(40);
            assertThat(heldIds).as("held-out quarter of " + form)
                    .isEqualTo(FormsEvalSetBuilder.heldoutIds(form, formIds));
        }
    }

    /** Held-out-3 is a separately written set (not a quarter of the others): 13–14 documents of every form. */
    @Test
    void heldout3CoversEveryForm() throws IOException {
        List<Doc> heldout3 = FormsEvalSet.load("heldout3");
        for (String form : FormsEvalSet.FORMS) {
            assertThat(heldout3.stream().filter(d -> d.form().equals(form)).count()).as("held-out-3 documents of " + form)
                    .isBetween(13L, 14L);
        }
    }

    /**
     * Held-out-4 is written separately too: 14 documents of every form numbered from 301, tables as 6 CSV, 4 TSV and
     * 4 markdown, and no text shared with an earlier part.
     */
    @Test
    void heldout4CoversEveryFormAndIsNew() throws IOException {
        List<Doc> heldout4 = FormsEvalSet.load("heldout4");
        for (String form : FormsEvalSet.FORMS) {
            assertThat(heldout4.stream().filter(d -> d.form().equals(form)).count()).as("held-out-4 documents of " + form)
                    .isEqualTo(14L);
        }
        for (Doc d : heldout4) {
            assertThat(Integer.parseInt(d.id().substring(d.form().length() + 1))).as(d.id()).isBetween(301, 399);
        }
        assertThat(heldout4.stream().filter(d -> d.form().equals("table")).map(Doc::variant).toList())
                .containsOnly("csv", "tsv", "markdown")
                .satisfies(v -> assertThat(v.stream().filter("csv"::equals).count()).isEqualTo(6L))
                .satisfies(v -> assertThat(v.stream().filter("tsv"::equals).count()).isEqualTo(4L));
        Set<String> earlier = new HashSet<>();
        for (String split : List.of("dev", "heldout", "heldout3")) {
            FormsEvalSet.load(split).forEach(d -> earlier.add(d.text()));
        }
        assertThat(heldout4).as("held-out-4 texts also in an earlier part").noneMatch(d -> earlier.contains(d.text()));
    }

    /**
     * Held-out-5 to held-out-12 likewise: 16 documents of every form numbered from 401, 501, 601, 701, 801, 901, 1001
     * or 1101, tables as 6 CSV, 5 TSV and 5 markdown, and no text shared with an earlier part.
     */
    @Test
    void heldout5CoversEveryFormAndIsNew() throws IOException {
        assertWrittenApart("heldout5", 401, List.of("dev", "heldout", "heldout3", "heldout4"));
    }

    @Test
    void heldout6CoversEveryFormAndIsNew() throws IOException {
        assertWrittenApart("heldout6", 501, List.of("dev", "heldout", "heldout3", "heldout4", "heldout5"));
    }

    @Test
    void heldout7CoversEveryFormAndIsNew() throws IOException {
        assertWrittenApart("heldout7", 601, List.of("dev", "heldout", "heldout3", "heldout4", "heldout5", "heldout6"));
    }

    @Test
    void heldout8CoversEveryFormAndIsNew() throws IOException {
        assertWrittenApart("heldout8", 701,
                List.of("dev", "heldout", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"));
    }

    @Test
    void heldout9CoversEveryFormAndIsNew() throws IOException {
        assertWrittenApart("heldout9", 801,
                List.of("dev", "heldout", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"));
    }

    @Test
    void heldout10CoversEveryFormAndIsNew() throws IOException {
        assertWrittenApart("heldout10", 901, List.of("dev", "heldout", "heldout3", "heldout4", "heldout5", "heldout6",
                "heldout7", "heldout8", "heldout9"));
    }

    @Test
    void heldout11CoversEveryFormAndIsNew() throws IOException {
        assertWrittenApart("heldout11", 1001, List.of("dev", "heldout", "heldout3", "heldout4", "heldout5", "heldout6",
                "heldout7", "heldout8", "heldout9", "heldout10"));
    }

    @Test
    void heldout12CoversEveryFormAndIsNew() throws IOException {
        assertWrittenApart("heldout12", 1101, List.of("dev", "heldout", "heldout3", "heldout4", "heldout5", "heldout6",
                "heldout7", "heldout8", "heldout9", "heldout10", "heldout11"));
    }

    /**
     * Held-out-13 (written ahead of the thirteenth round, run once at its end, development data since round 14): 16
     * documents of every form numbered from 1301, the table variants, no text shared with any other part, and as many
     * labels as its README section counts.
     */
    @Test
    void heldout13CoversEveryFormAndIsNew() throws IOException {
        List<String> others = new ArrayList<>(FormsEvalSet.SPLITS);
        others.remove("heldout13");
        others.addAll(FormsEvalSet.PASTE45_SPLITS);
        assertWrittenApart("heldout13", 1301, others);
        assertThat(labelTotals("heldout13")).as("held-out-13 identifiers, names, look-alikes")
                .isEqualTo(List.of(HELDOUT13_IDENTIFIERS, HELDOUT13_NAMES, HELDOUT13_LOOK_ALIKES));
        assertThat(FormsEvalSet.SPLITS).contains("heldout13");
        assertThat(FormsEvalSet.UNSEEN).doesNotContain("heldout13");
        assertThat(FormsEvalSet.WRITTEN_AHEAD).doesNotContain("heldout13");
    }

    /**
     * Held-out-14 (written ahead of the fourteenth round, run once at its end, development data since round 15): 16
     * documents of every form numbered from 1401, the table variants, no text shared with any other part (hand-written,
     * generated or written ahead), and exactly the labels its README section counts.
     */
    @Test
    void heldout14CoversEveryFormAndIsNew() throws IOException {
        assertRunHeldOutPart("14", HELDOUT14_TOTALS);
    }

    /**
     * Held-out-15 (written ahead of the fifteenth round by writer48b, run once at its end, development data since
     * session 49): 16 documents of every form numbered from 1501, the table variants, no text shared with any other
     * part (hand-written, generated or written ahead), and exactly the labels its README section counts.
     */
    @Test
    void heldout15CoversEveryFormAndIsNew() throws IOException {
        assertRunHeldOutPart("15", HELDOUT15_TOTALS);
    }

    /**
     * Held-out-16 (written ahead of the sixteenth round by writer49b, run once at the end of session 49's round,
     * development data since session 50): 16 documents of every form numbered from 1601, the table variants, no text
     * shared with any other part (hand-written, generated or written ahead), and exactly the labels its README section
     * counts.
     */
    @Test
    void heldout16CoversEveryFormAndIsNew() throws IOException {
        assertRunHeldOutPart("16", HELDOUT16_TOTALS);
    }

    /**
     * Held-out-17 (written ahead of session 50's round by writer50b, run once at its end, development data since
     * session 51): 16 documents of every form numbered from 1701, the table variants, no text shared with any other
     * part (hand-written, generated or written ahead), and exactly the labels its README section counts.
     */
    @Test
    void heldout17CoversEveryFormAndIsNew() throws IOException {
        assertRunHeldOutPart("17", HELDOUT17_TOTALS);
    }

    /**
     * Held-out-18 (written ahead of session 51's round by writer51b): 16 documents of every form numbered from 1801,
     * the table variants, no text shared with any other part (hand-written, generated or written ahead), exactly the
     * labels its README section counts, and held out (unseen, written ahead, not in the splits the equivalence corpus
     * and the name model's writer folds read). Failures name ids and counts only: the part is unseen.
     */
    @Test
    void heldout18CoversEveryFormAndIsNew() throws IOException {
        List<String> others = new ArrayList<>(FormsEvalSet.SPLITS);
        others.addAll(FormsEvalSet.GENERATED_SPLITS);
        FormsEvalSet.WRITTEN_AHEAD.stream().filter(s -> !s.equals("heldout18")).forEach(others::add);
        assertWrittenApart("heldout18", 1801, others);
        assertThat(labelTotals("heldout18")).as("held-out-18 identifiers, names, look-alikes")
                .isEqualTo(HELDOUT18_TOTALS);
        assertThat(FormsEvalSet.UNSEEN).contains("heldout18");
        assertThat(FormsEvalSet.WRITTEN_AHEAD).contains("heldout18");
        assertThat(FormsEvalSet.SPLITS).doesNotContain("heldout18");
    }

    /** Held-out-12 was run once at the end of the twelfth round: development data since round 15, no longer unseen. */
    @Test
    void heldout12IsDevelopmentData() {
        assertThat(FormsEvalSet.SPLITS).contains("heldout12");
        assertThat(FormsEvalSet.UNSEEN).doesNotContain("heldout12");
    }

    /**
     * A held-out part run once and development data since: written apart from every other part (hand-written, generated
     * or written ahead) from id {@code round}01, its README's label totals, and in the splits, not held out.
     */
    private static void assertRunHeldOutPart(String round, List<Long> totals) throws IOException {
        String split = "heldout" + round;
        List<String> others = new ArrayList<>(FormsEvalSet.SPLITS);
        others.remove(split);
        others.addAll(FormsEvalSet.GENERATED_SPLITS);
        others.addAll(FormsEvalSet.WRITTEN_AHEAD);
        assertWrittenApart(split, Integer.parseInt(round) * 100 + 1, others);
        assertThat(labelTotals(split)).as("held-out-" + round + " identifiers, names, look-alikes").isEqualTo(totals);
        assertThat(FormsEvalSet.SPLITS).contains(split);
        assertThat(FormsEvalSet.UNSEEN).doesNotContain(split);
        assertThat(FormsEvalSet.WRITTEN_AHEAD).doesNotContain(split);
    }

    /** Identifier, name and look-alike labels of a part, in that order. */
    private static List<Long> labelTotals(String split) throws IOException {
        List<Doc> docs = FormsEvalSet.load(split);
        long names = docs.stream().flatMap(d -> d.entities().stream())
                .filter(s -> s.type().equals(FormsEvalSet.PERSON)).count();
        long identifiers = docs.stream().mapToLong(d -> d.entities().size()).sum() - names;
        return List.of(identifiers, names, docs.stream().mapToLong(d -> d.harmless().size()).sum());
    }

    /**
     * The paste-45 set: 16 documents of each of its nine forms numbered 4501–4516, a quarter (4) of each held out, no
     * text shared with the hand-written parts. Failures name ids only: the held-out part is unseen.
     */
    @Test
    void paste45CoversEveryFormAndHoldsOutAQuarter() throws IOException {
        List<Doc> dev = FormsEvalSet.load("paste45");
        List<Doc> held = FormsEvalSet.load("paste45heldout");
        for (String form : FormsEvalSet.PASTE45_FORMS) {
            assertThat(dev.stream().filter(d -> d.form().equals(form)).count()).as("paste45 " + form).isEqualTo(12L);
            assertThat(held.stream().filter(d -> d.form().equals(form)).count()).as("paste45heldout " + form)
                    .isEqualTo(4L);
        }
        List<Doc> both = new ArrayList<>(dev);
        both.addAll(held);
        for (Doc d : both) {
            assertThat(Integer.parseInt(d.id().substring(d.form().length() + 1))).as(d.id()).isBetween(4501, 4516);
        }
        Set<String> earlier = new HashSet<>();
        for (String other : FormsEvalSet.SPLITS) {
            FormsEvalSet.load(other).forEach(d -> earlier.add(d.text()));
        }
        assertThat(both.stream().filter(d -> earlier.contains(d.text())).map(Doc::id).toList()).isEmpty();
        assertThat(held.stream().mapToLong(d -> d.entities().size()).sum()).as("held-out spans").isGreaterThan(100L);
    }

    /**
     * The paste-46 set: 20 documents of each of its seven forms numbered 4601–4620, a quarter (5) of each held out, no
     * text shared with the hand-written parts or paste-45, and look-alikes in every form. Failures name ids only.
     */
    @Test
    void paste46CoversEveryFormAndHoldsOutAQuarter() throws IOException {
        List<Doc> dev = FormsEvalSet.load("paste46");
        List<Doc> held = FormsEvalSet.load("paste46heldout");
        for (String form : FormsEvalSet.PASTE46_FORMS) {
            assertThat(dev.stream().filter(d -> d.form().equals(form)).count()).as("paste46 " + form).isEqualTo(15L);
            assertThat(held.stream().filter(d -> d.form().equals(form)).count()).as("paste46heldout " + form)
                    .isEqualTo(5L);
            assertThat(dev.stream().filter(d -> d.form().equals(form)).mapToLong(d -> d.harmless().size()).sum())
                    .as("paste46 look-alikes in " + form).isGreaterThan(10L);
        }
        List<Doc> both = new ArrayList<>(dev);
        both.addAll(held);
        for (Doc d : both) {
            assertThat(Integer.parseInt(d.id().substring(d.form().length() + 1))).as(d.id()).isBetween(4601, 4620);
        }
        Set<String> earlier = new HashSet<>();
        List<String> others = new ArrayList<>(FormsEvalSet.SPLITS);
        others.addAll(FormsEvalSet.PASTE45_SPLITS);
        for (String other : others) {
            FormsEvalSet.load(other).forEach(d -> earlier.add(d.text()));
        }
        assertThat(both.stream().filter(d -> earlier.contains(d.text())).map(Doc::id).toList()).isEmpty();
        assertThat(held.stream().mapToLong(d -> d.entities().size()).sum()).as("held-out spans").isGreaterThan(100L);
    }

    /** Failures name document ids only, never texts: the part may still be unseen. */
    private static void assertWrittenApart(String split, int firstId, List<String> earlierSplits) throws IOException {
        List<Doc> docs = FormsEvalSet.load(split);
        for (String form : FormsEvalSet.FORMS) {
            assertThat(docs.stream().filter(d -> d.form().equals(form)).count())
                    .as(split + " documents of " + form).isEqualTo(16L);
        }
        for (Doc d : docs) {
            assertThat(Integer.parseInt(d.id().substring(d.form().length() + 1))).as(d.id())
                    .isBetween(firstId, firstId + 98);
        }
        List<String> variants = docs.stream().filter(d -> d.form().equals("table")).map(Doc::variant).toList();
        assertThat(variants).as(split + " table variants").containsOnly("csv", "tsv", "markdown");
        assertThat(variants.stream().filter("csv"::equals).count()).as(split + " csv tables").isEqualTo(6L);
        assertThat(variants.stream().filter("tsv"::equals).count()).as(split + " tsv tables").isEqualTo(5L);
        Set<String> earlier = new HashSet<>();
        for (String other : earlierSplits) {
            FormsEvalSet.load(other).forEach(d -> earlier.add(d.text()));
        }
        assertThat(docs.stream().filter(d -> earlier.contains(d.text())).map(Doc::id).toList())
                .as(split + " documents whose text is also in an earlier part").isEmpty();
    }

    @Test
    void identifiersHaveValidButFictitiousCheckDigits() throws IOException {
        int bsns = 0;
        for (Doc d : all()) {
            for (Span s : d.entities()) {
                String digits = ocrDigits(s.value()).replaceAll("[^0-9]", "");
                if (s.type().equals("BSN")) {
                    bsns++;
                    assertThat(elfproef(digits)).as(d.id() + " BSN elfproef " + s.value()).isTrue();
                    assertThat(digits).as(d.id() + " BSN from the test range 9999xxxxx").startsWith("9999");
                }
                if (s.type().equals("IBAN")) {
                    assertThat(ibanValid(s.value())).as(d.id() + " IBAN mod-97 " + s.value()).isTrue();
                }
            }
        }
        assertThat(bsns).isGreaterThan(30);
    }

    /** OCR texts keep their confusions (O for 0, l or I for 1): the check digits are checked on the digits meant. */
    static String ocrDigits(String s) {
        return s.replace('O', '0').replace('o', '0').replace('l', '1').replace('I', '1');
    }

    static boolean elfproef(String digits) {
        if (digits.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        return (sum - (digits.charAt(8) - '0')) % 11 == 0;
    }

    static boolean ibanValid(String value) {
        String compact = value.replaceAll("[^A-Za-z0-9]", "");
        String iban = (compact.substring(0, 8) + ocrDigits(compact.substring(8))).toUpperCase(Locale.ROOT);
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder num = new StringBuilder();
        for (char c : moved.toCharArray()) {
            num.append(Character.digit(c, 36));
        }
        return new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
