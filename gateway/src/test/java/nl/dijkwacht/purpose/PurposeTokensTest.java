package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shape features the bag of words cannot see (PurposeTokens). */
class PurposeTokensTest {

    @Test
    void aTitleOrFirstNameFollowedByParticlesAndASurnameIsAPerson() {
        assertThat(PurposeTokens.of("Schrijf een brief aan mevrouw de Vries.", false)).contains("__titelnaam");
        assertThat(PurposeTokens.of("Rewrite this: Mr. van der Berg cannot attend.", false)).contains("__titelnaam");
        assertThat(PurposeTokens.of("Vat het gesprek met Anouk de Vries samen.", false)).contains("__naam");
        assertThat(PurposeTokens.of("Vat het gesprek met de buren samen.", false)).doesNotContain("__naam", "__titelnaam");
    }

    @Test
    void anInitialNextToACapitalisedWordIsAPerson() {
        assertThat(PurposeTokens.of("Can you rewrite this note: client R. Baldewsingh missed 3 appointments.", false)).contains("__naam");
        assertThat(PurposeTokens.of("Dossier van Kevin B., 16 jaar, woont in de wijk.", false)).contains("__naam");
        assertThat(PurposeTokens.of("Overleg met A.J. de Wit over de planning.", false)).contains("__naam");
        assertThat(PurposeTokens.of("Maak een notitie over het gezin Abdi.", false)).contains("__titelnaam");
        // an ordinary sentence end after a lower-case word is no initial
        assertThat(PurposeTokens.of("Schrijf een brief. Daarna de mail.", false)).doesNotContain("__naam");
    }

    @Test
    void aPersonWithASpecialCategoryWordIsOneFeature() {
        assertThat(PurposeTokens.of("Mr. de Wit cannot come because of his heart surgery.", false))
                .contains("__bijzonder-woord", "__persoon+woord");
        assertThat(PurposeTokens.of("Een mail aan het team over Inge, lid van de FNV.", false)).contains("__eigennaam+woord");
        // an acronym is not a proper noun of a person
        assertThat(PurposeTokens.of("Schrijf dat de FNV en CNV een actiedag houden.", false))
                .contains("__bijzonder-woord").doesNotContain("__eigennaam+woord", "__persoon+woord");
    }

    @Test
    void streetNamesAndSoftwareAreNoSpecialCategoryWords() {
        assertThat(PurposeTokens.of("Zij woont aan de Kerkstraat 12a in Utrecht.", false)).doesNotContain("__bijzonder-woord");
        assertThat(PurposeTokens.of("Plan een overleg in MS Teams met de hele afdeling.", false)).doesNotContain("__bijzonder-woord");
        assertThat(PurposeTokens.of("Ze heeft MS en zit in een rolstoel.", false)).contains("__bijzonder-woord");
    }

    @Test
    void aDecisionAlreadyTakenIsMarked() {
        assertThat(PurposeTokens.of("Ik heb besloten de voorziening toe te kennen. Schrijf de brief.", false)).contains("__besluit-genomen");
        assertThat(PurposeTokens.of("De aanvraag is al afgewezen, maak de brief vriendelijker.", false)).contains("__besluit-genomen");
        assertThat(PurposeTokens.of("My colleague has already decided, please write the letter.", false)).contains("__besluit-genomen");
        assertThat(PurposeTokens.of("Moet deze aanvraag worden toegekend of afgewezen?", false)).doesNotContain("__besluit-genomen");
    }

    @Test
    void anAbbreviationIsNoPartOfAName() {
        assertThat(PurposeTokens.of("Zet de AVG-regels over camera's op een rij.", false)).doesNotContain("__naam");
        assertThat(PurposeTokens.of("Leg het uit voor de FAQ van Burgerzaken.", false)).doesNotContain("__naam");
        assertThat(PurposeTokens.of("Welke DPIA-vragen horen bij het nieuwe systeem?", false)).doesNotContain("__naam");
        // names keep their marker, also at the start of a sentence and with the Dutch digraph IJ
        assertThat(PurposeTokens.of("Anouk van der Berg belde over de planning.", false)).contains("__naam");
        assertThat(PurposeTokens.of("Het gesprek met Kees IJzerman is verzet.", false)).contains("__naam");
    }

    @Test
    void aTitleAfterAnArticleOrAnInstitutionsNameIsNoName() {
        assertThat(PurposeTokens.of("Ik wil de Monitor Discriminatie samenvatten voor de raad.", false)).doesNotContain("__naam");
        assertThat(PurposeTokens.of("Hoe vraag je een Verklaring Omtrent het Gedrag aan?", false)).doesNotContain("__naam");
        assertThat(PurposeTokens.of("Maak een poster voor buurthuis De Schakel.", false)).doesNotContain("__naam");
        assertThat(PurposeTokens.of("Wat zegt de Raad van State hierover?", false)).doesNotContain("__naam");
        // a first name before a particle and a name at the start of a sentence still are names
        assertThat(PurposeTokens.of("Bel morgen met Anouk de Vries over de planning.", false)).contains("__naam");
        assertThat(PurposeTokens.of("De Vries belde gisteren over de planning.", false)).contains("__naam");
    }

    @Test
    void anEventsNameOrAShortQuotedTitleIsNoName() {
        assertThat(PurposeTokens.of("Maak een affiche voor de viering van Coming Out Day bij de bibliotheek.", false)).doesNotContain("__naam");
        assertThat(PurposeTokens.of("Wat doen we dit jaar met Paarse Vrijdag Week op school?", false)).doesNotContain("__naam");
        assertThat(PurposeTokens.of("Translate our vacancy text for \"Adviseur Openbare Ruimte\" into English.", false)).doesNotContain("__naam");
        // a person's name before or in a pasted note in quotes still is one
        assertThat(PurposeTokens.of("Bel morgen met Anouk Visser over Coming Out Day.", false)).contains("__naam");
        assertThat(PurposeTokens.of("Herschrijf: \"Vandaag sprak ik met Karin Bos. Zij is ziek.\"", false)).contains("__naam");
    }
}
