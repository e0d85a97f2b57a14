package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Addresses: streets without a street ending after a dwelling word, beside a house-number column or key, and lower-case
 * streets with a particle or adjective in front. Examples of our own, not in the evaluation sets; fictitious data only
 * (111222333 and 123456782 pass the elfproef).
 */
class AddressRulesTest {

    @Test
    void aDwellingWordBeforeAStreetWithoutStreetEnding() {
        assertThat(found("Sleutels van woning Vlierbes 12 zijn opgehaald.", EntityType.ADDRESS)).containsExactly("Vlierbes 12");
    }

    @Test
    void aStreetBesideAHouseNumberColumnOrKeyIsAnAddress() {
        String table = "| zaak | aanvrager | straat | huisnr | postcode |\n|---|---|---|---|---|\n"
                + "| Z-12 | P. Smit | Lindenhof | 4 | 1234 AB |\n";
        assertThat(found(table, EntityType.ADDRESS)).containsExactly("Lindenhof");
        assertThat(found("{\"straat\": \"Lindenhof\", \"huisnummer\": 4, \"plaats\": \"Delft\"}", EntityType.ADDRESS))
                .containsExactly("Lindenhof");
        // a report about a street lamp names the street, not where someone lives
        assertThat(found("melding;straat;omschrijving\nM-1;Lindenhof;lamp kapot\n", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void lowerCaseStreetsWithAParticleOrAdjectiveInFront() {
        assertThat(found("ze woont op van lennepstraat 44 sinds mei", EntityType.ADDRESS)).containsExactly("van lennepstraat 44");
        assertThat(found("adres oude amersfoortseweg 9, 1212 AB hilversum", EntityType.ADDRESS))
                .containsExactly("oude amersfoortseweg 9");
        // an article stays outside the span
        assertThat(found("hij woont in de kerkstraat 5 hier", EntityType.ADDRESS)).containsExactly("kerkstraat 5");
    }
}
