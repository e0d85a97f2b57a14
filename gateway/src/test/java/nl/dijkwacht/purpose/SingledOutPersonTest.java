package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The three shapes of {@link SingledOutPerson}, each with a text that has it and one with its near miss (texts invented). */
class SingledOutPersonTest {

    private static boolean in(String text) {
        return SingledOutPerson.in(text, PurposeTokens.fold(text));
    }

    @Test
    void aDeterminedPersonNounWithARestrictingWordSinglesOneOut() {
        assertThat(in("de schoonmaker van de late dienst")).isTrue();
        assertThat(in("our neighbour who feeds the cats")).isTrue();
        assertThat(in("de oud-wethouder die het plan schreef")).as("a hyphenated compound by its head").isTrue();
        assertThat(in("de pashouder met de blauwe jas")).as("a closed compound by its head").isTrue();
        assertThat(in("de postman met de blauwe jas")).as("a head of fewer than five letters").isFalse();
        assertThat(in("schoonmakers van de late dienst")).as("plural, no determiner").isFalse();
        assertThat(in("een vrijwilliger die wil helpen")).as("an indefinite article").isFalse();
    }

    @Test
    void anIdentifierAfterAPersonNounSinglesOneOut() {
        assertThat(in("applicant Q-17 from the spring round")).isTrue();
        assertThat(in("huurder van berging 12")).isTrue();
        assertThat(in("raadslid sinds 2014")).as("a year").isFalse();
        assertThat(in("voor de wethouder in 5 punten")).as("a count after a preposition").isFalse();
    }

    @Test
    void aCapitalisedGivenNameAloneSinglesOneOut() {
        assertThat(in("Bericht voor het team: Femke is ziek.")).isTrue();
        assertThat(in("het bezoek aan het Emma Kinderziekenhuis")).as("the start of an institution's name").isFalse();
        assertThat(in("Femke-achtige namen")).as("the text's first word").isFalse();
        assertThat(in("bericht voor femke")).as("no capital").isFalse();
        assertThat(in("Bericht voor het team: Roos is ziek.")).as("a given name that is also a word").isFalse();
        assertThat(in("Bericht voor het team: Femke Jansen is ziek.")).as("a capitalised run: the name marker's").isFalse();
        assertThat(in("BERICHT VOOR HET TEAM: FEMKE IS ZIEK.")).as("a text in capitals").isFalse();
    }
}
