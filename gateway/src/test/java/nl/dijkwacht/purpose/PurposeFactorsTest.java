package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The factors of a forbidden purpose: a verdict asked, on concrete cases, and the cues of policy or rules instead. */
class PurposeFactorsTest {

    private static PurposeFactors of(String text) {
        return PurposeFactors.of(text, PurposeTokens.of(text, false));
    }

    @Test
    void aVerdictOnRowsOfATableIsAVerdictOnCases() {
        PurposeFactors f = of("naam | inkomen || J. Smit | 1.200 || K. Bos | 1.350 -- zet per regel toekennen of afwijzen erachter");
        assertThat(f.verdictAsked).isTrue();
        assertThat(f.aboutCases).isTrue();
        assertThat(f.notAboutCases).isFalse();
    }

    @Test
    void aQuestionOnListedApplicantsIsAVerdictOnCases() {
        PurposeFactors f = of("Wie van deze kandidaten moet ik uitnodigen?\n1. Piet\n2. Anna\n3. Joris");
        assertThat(f.verdictAsked).isTrue();
        assertThat(f.aboutCases).isTrue();
    }

    @Test
    void policyWithoutCasesIsNotAboutCases() {
        PurposeFactors f = of("Welke juridische kaders gelden voor een heronderzoek naar bijstandsfraude? Voor de beleidsnotitie.");
        assertThat(f.notAboutCases).isTrue();
        assertThat(f.aboutCases).isFalse();
    }

    @Test
    void aLetterWithoutAVerdictAsksNone() {
        assertThat(of("Schrijf een vriendelijke uitnodiging voor de nieuwjaarsborrel.").verdictAsked).isFalse();
    }

    @Test
    void namesAreReadFromTheTokenMarkers() {
        assertThat(PurposeFactors.named(PurposeTokens.of("Het gesprek met mevrouw Jansen ging goed.", false))).isTrue();
        assertThat(PurposeFactors.named(PurposeTokens.of("het gesprek ging goed.", false))).isFalse();
        assertThat(PurposeFactors.has(PurposeTokens.of("hij valt op mannen", false), PurposeTokens.SPECIAL_WORD)).isTrue();
    }
}
