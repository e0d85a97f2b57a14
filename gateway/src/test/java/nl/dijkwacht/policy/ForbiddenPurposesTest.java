package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.purpose.EvalSet;
import nl.dijkwacht.words.LiteralsInText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy's one index over its rules' required literals ({@link ForbiddenPurposes}) gives the answers of the
 * {@code contains} per literal it replaces, pattern by pattern, and so the same rule hits; it is built anew with the
 * policy on a reload.
 */
class ForbiddenPurposesTest {

    @TempDir
    Path dir;

    private static ForbiddenPurposes defaultRules() {
        return (ForbiddenPurposes) new PolicyLoader().load(TestPack.DEFAULT_POLICIES, TestPack.DEFAULT_MODELS).governance()
                .forbiddenPurposes();
    }

    @Test
    void theIndexAnswersAsContainsPerLiteralOnEveryEvaluationPromptAndItsVariants() {
        ForbiddenPurposes rules = defaultRules();
        List<String> texts = textsAndVariants();
        assertThat(texts).hasSizeGreaterThan(10_000);
        int literalHits = 0;
        int ruleHits = 0;
        for (String text : texts) {
            String folded = ForbiddenPurpose.fold(text);
            long[] found = rules.literalsIn(folded);
            long expectedRules = 0;
            for (int r = 0; r < rules.size(); r++) {
                ForbiddenPurpose rule = rules.get(r);
                for (int g = 0; g < rule.required().size(); g++) {
                    for (int p = 0; p < rule.required().get(g).size(); p++) {
                        List<String> literals = rule.required().get(g).get(p);
                        boolean expected = RequiredLiterals.containsAny(folded, literals);
                        assertThat(LiteralsInText.has(found, rules.setOf(r, g, p))).as("%s %d/%d on %s", rule.id(), g, p, text)
                                .isEqualTo(expected);
                        literalHits += expected ? 1 : 0;
                    }
                }
                if (rule.matches(text, folded)) {
                    expectedRules |= 1L << r;
                }
            }
            assertThat(rules.matching(text, folded)).as(text).isEqualTo(expectedRules);
            ruleHits += Long.bitCount(expectedRules);
        }
        assertThat(literalHits).isGreaterThan(5_000);
        assertThat(ruleHits).isGreaterThan(200);
    }

    @Test
    void aUseCasesRulesKeepThePolicysIndex() {
        List<ForbiddenPurpose> own = List.of(
                rule("a", false, List.of(List.of("\\bbeslis\\w*", "kies"), List.of("\\buitkering"))),
                rule("b", true, List.of(List.of("\\b(rangschik|sorteer)\\b"), List.of("kandida(at|ten)"))),
                rule("c", false, List.of(List.of("[a-z]+score"), List.of("inwoner"))));
        ForbiddenPurposes all = ForbiddenPurposes.of(own);
        UseCasePolicy listsC = useCase(List.of("c"));
        ForbiddenPurposes some = all.guarding(listsC);
        assertThat(some).extracting(ForbiddenPurpose::id).containsExactly("b", "c");
        assertThat(all.guarding(useCase(List.of("a", "c")))).isSameAs(all);
        for (String text : List.of("Rangschik de kandidaten", "geef de inwoner een risicoscore", "beslis over de uitkering",
                "sorteer deze kandidaat en geef elke inwoner een fraudescore", "niets")) {
            String folded = ForbiddenPurpose.fold(text);
            long expected = 0;
            for (int i = 0; i < some.size(); i++) {
                expected |= some.get(i).matches(text) ? 1L << i : 0;
            }
            assertThat(some.matching(text, folded)).as(text).isEqualTo(expected);
            long expectedAll = 0;
            for (int i = 0; i < all.size(); i++) {
                expectedAll |= all.get(i).matches(text) ? 1L << i : 0;
            }
            assertThat(all.matching(text, folded)).as(text).isEqualTo(expectedAll);
        }
        assertThat(some.matching("sorteer deze kandidaat en geef elke inwoner een fraudescore",
                ForbiddenPurpose.fold("sorteer deze kandidaat en geef elke inwoner een fraudescore"))).isEqualTo(0b11L);
    }

    @Test
    void aReloadBuildsTheIndexAnew() {
        TestPack pack = TestPack.copyOfDefault(dir);
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        String text = "Geef elke inwoner een wegingsfactor voor de controle";
        ForbiddenPurposes before = (ForbiddenPurposes) policy.current().governance().forbiddenPurposes();
        assertThat(before.matching(text, ForbiddenPurpose.fold(text))).isZero();

        pack.replace("policies/governance.yaml", "'\\b(risicoscore|", "'\\b(wegingsfactor|risicoscore|");
        policy.reload();

        ForbiddenPurposes after = (ForbiddenPurposes) policy.current().governance().forbiddenPurposes();
        assertThat(after).isNotSameAs(before);
        int fraud = after.stream().map(ForbiddenPurpose::id).toList().indexOf("fraude-risicoscore");
        assertThat(after.matching(text, ForbiddenPurpose.fold(text))).isEqualTo(1L << fraud);
        assertThat(before.matching(text, ForbiddenPurpose.fold(text))).as("the old policy's index is unchanged").isZero();
    }

    private static ForbiddenPurpose rule(String id, boolean all, List<List<String>> patterns) {
        List<List<Pattern>> match = patterns.stream().map(group -> group.stream()
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS))
                .toList()).toList();
        return new ForbiddenPurpose(id, id, null, "uitleg", all, match);
    }

    private static UseCasePolicy useCase(List<String> forbidden) {
        return new UseCasePolicy("u", "test", List.of("m"), OperatorPolicy.pseudonymiseAll(), null, false, RiskClass.MINIMAL,
                List.of(), List.of(), List.of(), false, forbidden, false, 0, null, false, RequestFieldRules.defaults());
    }

    /** Every development prompt as written, in capitals, with look-alike letters, with accents and without spaces. */
    private static List<String> textsAndVariants() {
        List<String> out = new ArrayList<>();
        for (String text : EvalSet.developmentTexts()) {
            out.add(text);
            out.add(text.toUpperCase(Locale.ROOT));
            out.add(text.replace('s', 'ſ').replace('k', '\u212A').replace('i', 'ı'));
            out.add(text.replace("client", "CLIËNT").replace("e", "é").replace(" ", "\u00A0"));
            out.add(text.replace(" ", ""));
        }
        return out;
    }
}
