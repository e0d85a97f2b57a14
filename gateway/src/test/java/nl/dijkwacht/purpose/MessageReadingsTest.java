package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.ForbiddenPurposes;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard reads the term list, the rules and the domains per message and keeps the earlier messages' answers
 * ({@link MessageReadings}); the answers are those of the joined text, and so is every judgement — on every development
 * prompt and on conversations made of them, each turn sent as a chat tool sends it.
 */
class MessageReadingsTest {

    private static final SpecialCategoryRecognizer TERMS = new SpecialCategoryRecognizer();

    private static List<String> prompts;
    private static List<ForbiddenPurpose> rules;

    @BeforeAll
    static void load() {
        prompts = EvalSet.developmentTexts();
        rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
    }

    @Test
    void theAnswersPerMessageAreThoseOfTheJoinedText() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096, IndexedCategorizer.of(PurposeClassifier.shippedModel()).orElseThrow());
        int terms = 0;
        int domains = 0;
        int hits = 0;
        List<List<String>> conversations = conversations();
        // twice: the second pass takes every earlier message from the table
        for (int pass = 0; pass < 2; pass++) {
            for (List<String> texts : conversations) {
                String joined = String.join("\n", texts);
                MessageReadings.Joined read = readings.read(texts, rules);
                assertThat(read.specialTerm()).isEqualTo(!TERMS.find(joined).isEmpty());
                assertThat(read.domains()).isEqualTo(PurposeDomain.in(PurposeTokens.fold(joined)));
                assertThat(read.ruleHit()).isEqualTo(LayeredPurposeGuard.ruleHit(texts, rules));
                assertThat(read.folded()).isEqualTo(PurposeTokens.fold(joined));
                terms += read.specialTerm() ? 1 : 0;
                domains += read.domains() != 0 ? 1 : 0;
                hits += read.ruleHit() != null ? 1 : 0;
            }
        }
        // every answer is exercised both ways
        assertThat(terms).isPositive().isLessThan(2 * conversations.size());
        assertThat(domains).isPositive().isLessThan(2 * conversations.size());
        assertThat(hits).isPositive().isLessThan(2 * conversations.size());
    }

    @Test
    void theJoinedFoldIsTheFoldOfTheJoinedText() {
        // accents taken off, letters that lower-case to two characters or by their context (a final sigma), a lone surrogate
        MessageReadings readings = new MessageReadings(TERMS, 4_096, IndexedCategorizer.of(PurposeClassifier.shippedModel()).orElseThrow());
        List<List<String>> made = List.of(List.of("ΟΔΟΣ", "Σοφία ΟΔΟΣ"), List.of("Één CAFÉ", "İstanbul", "naïef"),
                List.of("Straße", "KELVIN \u212A", "e\u0301\u0327"), List.of("\uD800", "\uDC00x"), List.of("ASCII", "Ça va"),
                List.of("", "\n", "Σ"));
        for (List<String> texts : made) {
            assertThat(readings.read(texts, rules).folded()).as(texts.toString()).isEqualTo(PurposeTokens.fold(String.join("\n", texts)));
        }
    }

    @Test
    void aMessageReadForOtherRulesIsReadAgain() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096, IndexedCategorizer.of(PurposeClassifier.shippedModel()).orElseThrow());
        String refused = prompts.stream().filter(p -> LayeredPurposeGuard.ruleHit(List.of(p), rules) != null).findFirst().orElseThrow();
        ForbiddenPurpose rule = LayeredPurposeGuard.ruleHit(List.of(refused), rules);
        String last = "Dank u.";
        assertThat(readings.read(List.of(refused, last), List.of()).ruleHit()).isNull();
        assertThat(readings.read(List.of(refused, last), rules).ruleHit()).isEqualTo(rule);
        List<ForbiddenPurpose> others = rules.stream().filter(r -> r != rule).toList();
        assertThat(readings.read(List.of(refused, last), others).ruleHit()).isEqualTo(LayeredPurposeGuard.ruleHit(List.of(refused), others));
    }

    @Test
    void aReloadedPolicysRulesAreLookedForWithItsOwnLiterals() {
        MessageReadings readings = new MessageReadings(TERMS, 4_096, IndexedCategorizer.of(PurposeClassifier.shippedModel()).orElseThrow());
        List<String> texts = List.of("Je bent een assistent.", "Geef elke inwoner een wegingsfactor voor de controle");
        ForbiddenPurposes before = ForbiddenPurposes.of(List.of(rule("\\brisicoscore\\b")));
        ForbiddenPurposes after = ForbiddenPurposes.of(List.of(rule("\\b(wegingsfactor|risicoscore)\\b")));
        for (int pass = 0; pass < 2; pass++) {
            assertThat(readings.read(texts, before).ruleHit()).isNull();
            assertThat(readings.read(texts, after).ruleHit()).isSameAs(after.getFirst());
            // the same rules as a plain list: each rule's own pre-check, the same answer
            assertThat(readings.read(texts, List.copyOf(after)).ruleHit()).isSameAs(after.getFirst());
            assertThat(readings.read(texts, after).domains()).isEqualTo(PurposeDomain.in(PurposeTokens.fold(String.join("\n", texts))));
        }
    }

    private static ForbiddenPurpose rule(String pattern) {
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
        return new ForbiddenPurpose("fraude-risicoscore", "t", null, "uitleg", true,
                List.of(List.of(Pattern.compile(pattern, flags)), List.of(Pattern.compile("\\binwoner\\w*", flags))));
    }

    @Test
    void theGuardJudgesEveryConversationAsWithoutTheTable() {
        PurposeClassifier classifier = PurposeClassifier.shipped();
        LayeredPurposeGuard withTable = new LayeredPurposeGuard(classifier, TERMS, 4_096);
        LayeredPurposeGuard without = new LayeredPurposeGuard(classifier, TERMS, 0);
        int refused = 0;
        int judged = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (List<String> texts : conversations()) {
                Judgement expected = without.judge(texts, rules, PurposeGuardPolicy.DEFAULTS, null);
                assertThat(withTable.judge(texts, rules, PurposeGuardPolicy.DEFAULTS, null)).isEqualTo(expected);
                refused += expected.refusesPurpose() ? 1 : 0;
                judged++;
            }
        }
        assertThat(refused).isPositive().isLessThan(judged);
    }

    /**
     * Each prompt alone, and conversations of two to six prompts as they grow: turn n is turns 1..n, the earlier ones
     * sent again unchanged, as a chat tool sends them.
     */
    private static List<List<String>> conversations() {
        List<List<String>> out = new ArrayList<>();
        prompts.forEach(p -> out.add(List.of(p)));
        for (int from = 0; from + 6 <= prompts.size(); from += 37) {
            for (int turns = 2; turns <= 6; turns++) {
                out.add(prompts.subList(from, from + turns));
            }
        }
        return out;
    }
}
