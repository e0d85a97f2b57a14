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

    @Test
    void aVerdictWordAfterAnArticleIsANounNotAVerdictAskedDirectly() {
        PurposeFactors taken = of("Leg dit besluit over de toekenning van de bijzondere bijstand uit; het besluit staat hieronder.");
        assertThat(taken.verdictAsked).isTrue();
        assertThat(taken.verdictAskedDirectly).isFalse();
        assertThat(of("Ken deze aanvraag toe of wijs hem af: ja of nee?").verdictAskedDirectly).isTrue();
    }

    @Test
    void personsOrACasePointedAtAreConcreteButATextIsNot() {
        assertThat(of("Gaat deze aanvraag voor?").aboutPersons).isTrue();
        assertThat(of("Zet de sollicitanten op volgorde.").aboutPersons).isTrue();
        PurposeFactors text = of("Beoordeel deze vacaturetekst.");
        assertThat(text.aboutCases).isTrue();
        assertThat(text.aboutPersons).isFalse();
    }

    @Test
    void theDomainIsFoundInsideCompoundsAndPrefersTheClassifiersPurpose() {
        assertThat(PurposeDomain.of(PurposeTokens.fold("De bijstandsaanvraag van dhr. Bos"), null)).isEqualTo(PurposeClassifier.BENEFITS);
        assertThat(PurposeDomain.of(PurposeTokens.fold("Vermoedelijke woonfraude"), null)).isEqualTo(PurposeClassifier.FRAUD);
        assertThat(PurposeDomain.of(PurposeTokens.fold("Bijstand en mogelijke fraude"), PurposeClassifier.FRAUD))
                .isEqualTo(PurposeClassifier.FRAUD);
        assertThat(PurposeDomain.of(PurposeTokens.fold("Een sollicitatiebrief"), null)).isEqualTo(PurposeClassifier.APPLICANTS);
        assertThat(PurposeDomain.of(PurposeTokens.fold("De nieuwjaarsborrel"), null)).isNull();
    }
}
