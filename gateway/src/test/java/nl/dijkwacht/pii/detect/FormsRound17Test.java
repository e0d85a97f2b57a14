package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii51: what forms held-out-17 (development data since session 51) showed missing or wrongly found, each fixed as a
 * shape rather than a word: a list of names, an address line abroad, a street line above its postcode, markup, an
 * organisation's name around a person's. Examples of our own, not the set's texts; fictitious data only.
 */
class FormsRound17Test {

    @Test
    void anEnumerationWithTwoFoundNamesIsAListOfNamesAlsoWhereItsItemsAreWords() {
        String minutes = "Aanwezig: Roos, Bas, Femke, Daan (notulist) en Winter. Roos opent de vergadering.";
        assertThat(found(minutes, EntityType.PERSON)).containsExactly("Roos", "Bas", "Femke", "Daan", "Winter", "Roos");
        assertThat(found("In groep 2: April, Mei, Sanne en Lieke.", EntityType.PERSON))
                .containsExactly("April", "Mei", "Sanne", "Lieke");
        // with fewer than two found names, or an item that cannot be a name, it is no list of people
        assertThat(found("Seizoenen: Lente, Zomer, Herfst en Winter.", EntityType.PERSON)).isEmpty();
        assertThat(found("Aanwezig: Roos, Femke, Daan en Gemeente.", EntityType.PERSON))
                .containsExactly("Femke", "Daan");
    }

    /**
     * review51: a remark after an earlier item is skipped walking back to the enumeration's first item also where a line
     * follows the enumeration (the walk back looked for no line break anywhere after the remark, so only one-line texts).
     */
    @Test
    void anEnumerationOpenedByAnItemWithARemarkIsReadInATextOfSeveralLines() {
        String oneLine = "Aanwezig: Roos (voorzitter), Bas, Femke, Daan en Winter.";
        assertThat(found(oneLine, EntityType.PERSON)).containsExactly("Roos", "Bas", "Femke", "Daan", "Winter");
        assertThat(found(oneLine + "\nDe notulen volgen.", EntityType.PERSON))
                .containsExactly("Roos", "Bas", "Femke", "Daan", "Winter");
    }

    @Test
    void anAddressLineAbroadIsStreetNumberPostcodeAndATownLeftAlone() {
        String moved = "Zij woont nu op Rue des Prés 21, B-4720 Kelmis. Vorher: Bergstraße 5, 52062 Aachen.";
        assertThat(found(moved, EntityType.ADDRESS)).containsExactly("Rue des Prés 21", "Bergstraße 5");
        assertThat(found(moved, EntityType.POSTCODE)).containsExactly("B-4720", "52062");
        assertThat(found(moved, EntityType.PERSON)).isEmpty();
        assertThat(found("ul. Długa 5, 00-950 Warszawa", EntityType.POSTCODE)).containsExactly("00-950");
        // a date or a chapter in the same shape is no address
        assertThat(found("Published December 12, 2024 Amsterdam edition", EntityType.ADDRESS)).isEmpty();
    }

    /** mendA: the town after a Polish postcode ({@code 84-100}) is left alone like the one after any other postcode. */
    @Test
    void theTownAfterAPolishPostcodeIsNoPerson() {
        assertThat(found("Nowy adres: ul. Morska 5, 84-100 Puck.", EntityType.POSTCODE)).containsExactly("84-100");
        assertThat(found("Nowy adres: ul. Morska 5, 84-100 Puck.", EntityType.PERSON)).isEmpty();
        assertThat(found("Neue Adresse: Bergstraße 5, 52062 Puck.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aStreetAloneOnItsLineAboveAPostcodeLineIsTheAddress() {
        String block = "Nieuwe vrijwilliger:\nAnnet Hofstra\nHoge Bongerd 17\n8431 KL Oosterwolde\n";
        assertThat(found(block, EntityType.ADDRESS)).containsExactly("Hoge Bongerd 17");
        // a line that does not start with the street is not read as one
        assertThat(found("Dossier:\nbijlage 3\n8431 KL Oosterwolde", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void theNameOfAnXmlElementIsNeverAPerson() {
        String xml = """
                <?xml version="1.0"?>
                <Melding>
                  <Melder>
                    <Naam>Annet Hofstra</Naam>
                    <Email>a.hofstra@example.nl</Email>
                  </Melder>
                  <Locatie>
                    <Perceel>OWD01-K-2210</Perceel>
                  </Locatie>
                </Melding>""";
        assertThat(found(xml, EntityType.PERSON)).containsExactly("Annet Hofstra");
        String tags = "<Melder>Annet Hofstra</Melder><Locatie>Oosterwolde</Locatie><Perceel>OWD01</Perceel>";
        assertThat(found(tags, EntityType.PERSON)).containsExactly("Annet Hofstra");
    }

    /** review51: a name put between angle brackets in prose is no markup; it stays a person. */
    @Test
    void aNameBetweenAngleBracketsInProseIsStillAPerson() {
        assertThat(found("Stuur de brief naar <Annet Hofstra>, zij woont in Oosterwolde.", EntityType.PERSON))
                .containsExactly("Annet Hofstra");
        assertThat(found("Mevrouw <Annet Hofstra> heeft schulden en een uitkering.", EntityType.PERSON))
                .containsExactly("Annet Hofstra");
        assertThat(found("Aan: <Annet Hofstra> <a.hofstra@example.nl>", EntityType.PERSON))
                .containsExactly("Annet Hofstra");
        assertThat(found("Cliënt <Annet Hofstra/> heeft schulden.", EntityType.PERSON)).containsExactly("Annet Hofstra");
        assertThat(found("Cliënt </Annet Hofstra> heeft schulden.", EntityType.PERSON)).containsExactly("Annet Hofstra");
        assertThat(found("Stuur het naar <Hofstra> zij weet ervan.", EntityType.PERSON)).containsExactly("Hofstra");
        // a pair of tags around a name alone does not make the text markup
        assertThat(found("Mevrouw <Hofstra></Hofstra> heeft schulden.", EntityType.PERSON)).contains("Hofstra");
    }

    @Test
    void anArchiveAfterANameAndAFoodBankBeforeOneAreOrganisations() {
        assertThat(found("De stukken liggen in het Frans Hals Archief in Haarlem.", EntityType.PERSON)).isEmpty();
        assertThat(found("We waren vlak bij het Pieter Stuyvesant Archief.", EntityType.PERSON)).isEmpty();
        assertThat(found("Aanmelden bij Voedselbank Jan de Wit via de website.", EntityType.PERSON)).isEmpty();
        // a person before such a word still is one
        assertThat(found("Contactpersoon: Sanne Visser, Archief en Documentatie", EntityType.PERSON))
                .containsExactly("Sanne Visser");
    }

    @Test
    void anIbanFromOutsideSepaIsAnIban() {
        String payments = """
                "naam","iban","bedrag"
                "Ayşe Kaya","TR33 0006 1005 1978 6457 8413 26","250,00"
                "Olena Shevchenko","UA743052990000026007233566001","250,00"
                """;
        assertThat(found(payments, EntityType.IBAN))
                .containsExactly("TR33 0006 1005 1978 6457 8413 26", "UA743052990000026007233566001");
        assertThat(found("rekening SA0380000000608010167519", EntityType.IBAN)).containsExactly("SA0380000000608010167519");
        // the check digits still decide: one digit off is no IBAN
        assertThat(found("rekening TR330106100519786457841326", EntityType.IBAN)).isEmpty();
    }
}
