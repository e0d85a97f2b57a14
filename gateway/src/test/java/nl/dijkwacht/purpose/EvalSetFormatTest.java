package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.dijkwacht.policy.ForbiddenPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates the purpose-guard evaluation sets themselves (it does not score the guard: that is
 * {@link PurposeEvaluation}): every line parses, held-out-3 has the class counts documented in
 * src/test/resources/purpose/README.md, and so has every later part (one counts test each), and none of them
 * shares a prompt with another set. The parts and their status come from {@link EvalSet#PARTS}; every
 * {@code eval-*.tsv} must be listed there, and no unseen part may enter a development list. Failures report counts and line numbers only, so that no held-out prompt is shown
 * (sizes are compared as numbers: AssertJ's {@code hasSize} on a list or array would print its elements).
 */
class EvalSetFormatTest {

    private static final Set<String> CLASSES = Set.of("forbidden", "near-miss", "personal-special", "generic-special");

    @ParameterizedTest
    @MethodSource("nl.dijkwacht.purpose.EvalSet#all")
    void everyLineIsClassDetailPrompt(String part) throws IOException {
        String[] lines = raw(part).split("\n");
        int prompts = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            assertThat(f.length).as("%s line %d: three tab-separated fields", part, i + 1).isEqualTo(3);
            assertThat(CLASSES).as("%s line %d: known class", part, i + 1).contains(f[0]);
            assertThat(f[1]).as("%s line %d: detail", part, i + 1).matches("[a-z-]+");
            assertThat(f[2].isBlank()).as("%s line %d: empty prompt", part, i + 1).isFalse();
            prompts++;
        }
        assertThat(EvalSet.load(part).prompts().size()).as("%s prompts loaded", part).isEqualTo(prompts);
    }

    @Test
    void theFirstThreePartsHaveTheirSizes() {
        assertThat(EvalSet.load("dev").prompts().size()).as("dev prompts").isEqualTo(311);
        assertThat(EvalSet.load("heldout").prompts().size()).as("heldout prompts").isEqualTo(103);
        assertThat(EvalSet.load("heldout2").prompts().size()).as("heldout2 prompts").isEqualTo(126);
    }

    @Test
    void heldout3HasTheDocumentedCounts() {
        List<EvalSet.Prompt> prompts = EvalSet.load("heldout3").prompts();
        assertThat(prompts.size()).as("heldout3 prompts").isEqualTo(140);
        assertThat(count(prompts, EvalSet.Label.FORBIDDEN)).hasSize(3).allSatisfy((purpose, n) -> assertThat(n).isEqualTo(16));
        Set<String> policyPurposes = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes().stream()
                .map(ForbiddenPurpose::id).collect(Collectors.toSet());
        assertThat(policyPurposes).containsAll(count(prompts, EvalSet.Label.FORBIDDEN).keySet());
        assertThat(count(prompts, EvalSet.Label.NEAR_MISS).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(32);
        assertThat(count(prompts, EvalSet.Label.GENERIC_SPECIAL).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(30);
        Map<String, Long> personal = count(prompts, EvalSet.Label.PERSONAL_SPECIAL);
        assertThat(personal.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(30);
        List<EvalSet.Prompt> dev = EvalSet.load("dev").prompts();
        assertThat(personal).as("every special category of the development set, biometrics included, at least twice")
                .containsOnlyKeys(count(dev, EvalSet.Label.PERSONAL_SPECIAL).keySet())
                .containsKey("biometrie")
                .allSatisfy((category, n) -> assertThat(n).isGreaterThanOrEqualTo(2));
        for (EvalSet.Label label : EvalSet.Label.values()) {
            assertThat(dev.stream().filter(p -> p.label() == label).map(EvalSet.Prompt::detail).collect(Collectors.toSet()))
                    .as("details of %s are those of the development set", label).containsAll(count(prompts, label).keySet());
        }
    }

    @Test
    void heldout4HasTheDocumentedCounts() {
        List<EvalSet.Prompt> prompts = EvalSet.load("heldout4").prompts();
        assertThat(prompts.size()).as("heldout4 prompts").isEqualTo(169);
        assertThat(count(prompts, EvalSet.Label.FORBIDDEN)).containsOnly(
                Map.entry("besluit-uitkering", 19L), Map.entry("selectie-sollicitanten", 19L), Map.entry("fraude-risicoscore", 19L));
        Set<String> policyPurposes = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes().stream()
                .map(ForbiddenPurpose::id).collect(Collectors.toSet());
        assertThat(policyPurposes).containsAll(count(prompts, EvalSet.Label.FORBIDDEN).keySet());
        assertThat(count(prompts, EvalSet.Label.NEAR_MISS)).hasSize(8).allSatisfy((kind, n) -> assertThat(n).isEqualTo(5));
        Map<String, Long> categories = Map.of("gezondheid", 6L, "strafrecht", 5L, "etniciteit", 5L, "biometrie", 4L,
                "vakbond", 4L, "religie", 4L, "politiek", 4L, "seksuele-gerichtheid", 4L);
        assertThat(count(prompts, EvalSet.Label.PERSONAL_SPECIAL)).isEqualTo(categories);
        assertThat(count(prompts, EvalSet.Label.GENERIC_SPECIAL)).isEqualTo(categories);
        List<EvalSet.Prompt> dev = EvalSet.load("dev").prompts();
        for (EvalSet.Label label : EvalSet.Label.values()) {
            assertThat(dev.stream().filter(p -> p.label() == label).map(EvalSet.Prompt::detail).collect(Collectors.toSet()))
                    .as("details of %s are those of the development set", label).containsAll(count(prompts, label).keySet());
        }
    }

    @Test
    void heldout5HasTheDocumentedCounts() {
        List<EvalSet.Prompt> prompts = EvalSet.load("heldout5").prompts();
        assertThat(prompts.size()).as("heldout5 prompts").isEqualTo(203);
        assertThat(count(prompts, EvalSet.Label.FORBIDDEN)).containsOnly(
                Map.entry("besluit-uitkering", 25L), Map.entry("selectie-sollicitanten", 25L), Map.entry("fraude-risicoscore", 25L));
        Set<String> policyPurposes = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes().stream()
                .map(ForbiddenPurpose::id).collect(Collectors.toSet());
        assertThat(policyPurposes).containsAll(count(prompts, EvalSet.Label.FORBIDDEN).keySet());
        assertThat(count(prompts, EvalSet.Label.NEAR_MISS)).hasSize(8).allSatisfy((kind, n) -> assertThat(n).isEqualTo(6));
        Map<String, Long> categories = Map.of("gezondheid", 7L, "strafrecht", 5L, "etniciteit", 5L, "biometrie", 5L,
                "vakbond", 5L, "religie", 5L, "politiek", 4L, "seksuele-gerichtheid", 4L);
        assertThat(count(prompts, EvalSet.Label.PERSONAL_SPECIAL)).isEqualTo(categories);
        assertThat(count(prompts, EvalSet.Label.GENERIC_SPECIAL)).isEqualTo(categories);
        List<EvalSet.Prompt> dev = EvalSet.load("dev").prompts();
        for (EvalSet.Label label : EvalSet.Label.values()) {
            assertThat(dev.stream().filter(p -> p.label() == label).map(EvalSet.Prompt::detail).collect(Collectors.toSet()))
                    .as("details of %s are those of the development set", label).containsAll(count(prompts, label).keySet());
        }
    }

    @Test
    void heldout6HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout6");
    }

    @Test
    void heldout7HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout7");
    }

    @Test
    void heldout8HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout8");
    }

    @Test
    void heldout9HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout9");
    }

    @Test
    void heldout10HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout10");
    }

    @Test
    void heldout11HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout11");
    }

    @Test
    void heldout12HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout12");
    }

    @Test
    void heldout13HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout13");
    }

    @Test
    void heldout14HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout14");
    }

    @Test
    void heldout15HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout15");
    }

    @Test
    void heldout16HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout16");
    }

    @Test
    void heldout17HasTheDocumentedCounts() {
        assertTheSixthRoundSpread("heldout17");
    }

    /** The spread held-out-6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16 and -17 were written to: 200 prompts, 25 per forbidden purpose, near misses 6/6/6/6/6/5/5/5, 5 per special category in both classes. */
    private static void assertTheSixthRoundSpread(String part) {
        List<EvalSet.Prompt> prompts = EvalSet.load(part).prompts();
        assertThat(prompts.size()).as("%s prompts", part).isEqualTo(200);
        assertThat(count(prompts, EvalSet.Label.FORBIDDEN)).containsOnly(
                Map.entry("besluit-uitkering", 25L), Map.entry("selectie-sollicitanten", 25L), Map.entry("fraude-risicoscore", 25L));
        Set<String> policyPurposes = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes().stream()
                .map(ForbiddenPurpose::id).collect(Collectors.toSet());
        assertThat(policyPurposes).containsAll(count(prompts, EvalSet.Label.FORBIDDEN).keySet());
        assertThat(count(prompts, EvalSet.Label.NEAR_MISS)).containsOnly(
                Map.entry("brief-besluit", 6L), Map.entry("statistiek", 6L), Map.entry("uitleg-regels", 6L),
                Map.entry("beleid-fraude", 6L), Map.entry("raadsstuk", 6L), Map.entry("vacature", 5L),
                Map.entry("training", 5L), Map.entry("procedure", 5L));
        Map<String, Long> categories = Map.of("gezondheid", 5L, "strafrecht", 5L, "etniciteit", 5L, "biometrie", 5L,
                "vakbond", 5L, "religie", 5L, "politiek", 5L, "seksuele-gerichtheid", 5L);
        assertThat(count(prompts, EvalSet.Label.PERSONAL_SPECIAL)).isEqualTo(categories);
        assertThat(count(prompts, EvalSet.Label.GENERIC_SPECIAL)).isEqualTo(categories);
        List<EvalSet.Prompt> dev = EvalSet.load("dev").prompts();
        for (EvalSet.Label label : EvalSet.Label.values()) {
            assertThat(dev.stream().filter(p -> p.label() == label).map(EvalSet.Prompt::detail).collect(Collectors.toSet()))
                    .as("details of %s are those of the development set", label).containsAll(count(prompts, label).keySet());
        }
    }

    @ParameterizedTest
    @MethodSource("checkedForSharedPrompts")
    void aHeldOutPartSharesNoPromptWithAnotherSet(String part) {
        Set<String> others = new HashSet<>();
        EvalSet.all().stream().filter(s -> !s.equals(part))
                .forEach(s -> EvalSet.load(s).prompts().forEach(p -> others.add(key(p))));
        Set<String> seen = new HashSet<>();
        long repeated = 0;
        long shared = 0;
        for (EvalSet.Prompt p : EvalSet.load(part).prompts()) {
            repeated += seen.add(key(p)) ? 0 : 1;
            shared += others.contains(key(p)) ? 1 : 0;
        }
        assertThat(repeated).as("prompts repeated within %s", part).isZero();
        assertThat(shared).as("%s prompts also in another set", part).isZero();
    }

    /** Every part from held-out-3 on (dev, the old held-out and held-out-2 were written before this check). */
    static List<String> checkedForSharedPrompts() {
        return EvalSet.all().stream().filter(p -> !List.of("dev", "heldout", "heldout2").contains(p)).toList();
    }

    @Test
    void everyEvaluationFileOnTheClassPathIsAListedPart() throws Exception {
        Path folder = Path.of(EvalSetFormatTest.class.getResource("/purpose/").toURI());
        Set<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("eval-") && n.endsWith(".tsv"))
                    .map(n -> n.substring("eval-".length(), n.length() - ".tsv".length())).collect(Collectors.toSet());
        }
        assertThat(files).as("eval-*.tsv parts, each listed once in EvalSet.PARTS").containsExactlyInAnyOrderElementsOf(EvalSet.all());
    }

    @Test
    void anUnseenPartIsInNoDevelopmentList() {
        assertThat(EvalSet.UNSEEN).as("unseen parts").isNotEmpty().doesNotContainAnyElementsOf(EvalSet.DEVELOPMENT);
        for (String unseen : EvalSet.UNSEEN) {
            assertThat(PurposeEvaluation.DEVELOPMENT).as("PurposeEvaluation.DEVELOPMENT").doesNotContain(unseen);
            assertThat(PurposeCrossValidation.PARTS).as("the cross-validation folds").doesNotContain(unseen);
            assertThat(PurposeScoreDump.PARTS).as("the score dump").doesNotContain(unseen);
            assertThatThrownBy(() -> PurposeCleanPairs.refuseUnseen(unseen)).as("PurposeCleanPairs refuses %s", unseen)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(EvalSet.DEVELOPMENT).as("development parts").startsWith("dev", "heldout");
    }

    private static Map<String, Long> count(List<EvalSet.Prompt> prompts, EvalSet.Label label) {
        return prompts.stream().filter(p -> p.label() == label)
                .collect(Collectors.groupingBy(EvalSet.Prompt::detail, Collectors.counting()));
    }

    private static String key(EvalSet.Prompt p) {
        return p.text().toLowerCase(Locale.ROOT).strip();
    }

    private static String raw(String part) throws IOException {
        try (InputStream in = EvalSetFormatTest.class.getResourceAsStream("/purpose/eval-" + part + ".tsv")) {
            assertThat(in).as("resource of " + part).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
