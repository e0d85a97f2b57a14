package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One pass over the text finds the same domain stems as a {@code contains} per stem ({@link PurposeDomain}). */
class PurposeDomainTest {

    private static final List<List<String>> DOMAINS = List.of(PurposeWords.list("domain-benefits"), PurposeWords.list("domain-applicants"),
            PurposeWords.list("domain-fraud"));

    private static int containsPerStem(List<List<String>> groups, String text) {
        int bits = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (String stem : groups.get(g)) {
                if (text.contains(stem)) {
                    bits |= 1 << g;
                }
            }
        }
        return bits;
    }

    @Test
    void theDomainsOfEveryDevelopmentPromptAsWithContains() {
        int inSome = 0;
        int inNone = 0;
        for (String text : EvalSet.developmentTexts()) {
            String folded = PurposeTokens.fold(text);
            int expected = containsPerStem(DOMAINS, folded);
            assertThat(PurposeDomain.in(folded)).as(text).isEqualTo(expected);
            inSome += expected != 0 ? 1 : 0;
            inNone += expected == 0 ? 1 : 0;
        }
        assertThat(inSome).isPositive();
        assertThat(inNone).isPositive();
    }

    @Test
    void everyStemAtTheStartInsideAndAtTheEndOfATextAndOfACompound() {
        for (List<String> group : DOMAINS) {
            for (String stem : group) {
                for (String text : List.of(stem, stem + " x", "x " + stem, "woon" + stem + "en", "de " + stem + "\n", stem.substring(0, stem.length() - 1))) {
                    assertThat(PurposeDomain.in(text)).as(text).isEqualTo(containsPerStem(DOMAINS, text));
                }
            }
        }
    }

    @Test
    void theDomainsFromAnAutomatonWithMoreSetsAfterThem() {
        List<List<String>> sets = new ArrayList<>(PurposeDomain.STEM_SETS);
        sets.add(List.of("recht op", "uitkering"));
        nl.dijkwacht.words.LiteralsInText more = nl.dijkwacht.words.LiteralsInText.of(sets);
        for (String text : List.of("", "heeft zij recht op bijstand", "fraude", "x", "de sollicitant")) {
            assertThat(PurposeDomain.of(more.in(text))).as(text).isEqualTo(PurposeDomain.in(text)).isEqualTo(containsPerStem(DOMAINS, text));
        }
    }
}
