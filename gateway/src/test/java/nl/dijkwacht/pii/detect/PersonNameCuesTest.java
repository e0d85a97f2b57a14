package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Cues that make a word a person's name: relation and helper words before it, a known surname after a given name, given
 * names of more origins, and the name its bearer goes by inside a name. Examples of our own, not in the evaluation
 * sets; fictitious data only (111222333 and 123456782 pass the elfproef).
 */
class PersonNameCuesTest {

    @Test
    void relativesAndHelpersBeforeAName() {
        assertThat(found("Zij komt met haar broertje Dawit naar de balie.", EntityType.PERSON)).contains("Dawit");
        assertThat(found("De tolk Soraya vertaalt.", EntityType.PERSON)).contains("Soraya");
    }

    @Test
    void manAndVrouwBeforeANameAreRelationTitles() {
        assertThat(found("Zij kon niet komen; haar man Yusuf werkt in Duitsland.", EntityType.PERSON)).contains("Yusuf");
        assertThat(found("Mijn vrouw Desislava Petrova belt morgen.", EntityType.PERSON)).contains("Desislava Petrova");
    }

    @Test
    void givenNamesAndSurnamesOfMoreOrigins() {
        assertThat(found("Het gesprek is met Tsvetan Dimitrov en Mahsa Jafari.", EntityType.PERSON))
                .contains("Tsvetan Dimitrov", "Mahsa Jafari");
        assertThat(found("Contact: Kuldeep Grewal (vader)", EntityType.PERSON)).contains("Kuldeep Grewal");
    }

    @Test
    void aCapitalisedGivenNameBeforeAKnownSurnameInMidSentence() {
        assertThat(found("volgens de brp wonen daar Tavita Jansen en haar zoon", EntityType.PERSON))
                .contains("Tavita Jansen");
        assertThat(found("per 1 mei wonen Ruben & Tavita Jansen op dit adres", EntityType.PERSON))
                .contains("Tavita Jansen");
    }

    @Test
    void aNameWithTheNameItGoesByInsideIt() {
        assertThat(found("Aanvrager: dhr. J. (Johan) Verbeek, Dorpsstraat 1", EntityType.PERSON))
                .contains("J. (Johan) Verbeek");
        assertThat(found("Aanwezig waren Wilhelmus (Wim) van der Heijden en de secretaris.", EntityType.PERSON))
                .contains("Wilhelmus (Wim) van der Heijden");
        assertThat(found("we spraken met Johanna 'Hanneke' Verhoeven over de aanvraag", EntityType.PERSON))
                .contains("Johanna 'Hanneke' Verhoeven");
        // a surname that is also an ordinary word (smit, veen, graaf) keeps the parts apart: still all found
        assertThat(found("we spraken met Johanna 'Hanneke' Smit over de aanvraag", EntityType.PERSON))
                .contains("Johanna", "Smit");
        // a word in brackets between ordinary words is no nickname
        assertThat(found("Ik werk (thuis) vandaag aan de cursus.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aNameBeforeABracketWithItsBirthDate() {
        assertThat(found("Our children are Obinna (born 3 May 2014) and Ifeoma (born 9 June 2016).", EntityType.PERSON))
                .contains("Obinna", "Ifeoma");
        assertThat(found("onze zoon Teun (geboren 3-4-2015) gaat mee", EntityType.PERSON)).contains("Teun");
        // a function word before such a bracket is no name
        assertThat(found("Zij (geboren 3-4-1980) woont hier.", EntityType.PERSON)).isEmpty();
    }
}
