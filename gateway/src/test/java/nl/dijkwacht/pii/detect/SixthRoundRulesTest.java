package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rules of the sixth forms round (issue 11), each with examples of our own that are not in the evaluation sets.
 * Fictitious data only.
 */
class SixthRoundRulesTest {

    @Test
    void objectionAndWozNumbersAreNoBsn() {
        assertThat(found("Onderwerp: WOZ-bezwaar 111222333", EntityType.BSN)).isEmpty();
        assertThat(found("Uw bezwaar staat geregistreerd onder nummer 111222333.", EntityType.BSN)).isEmpty();
        assertThat(found("{\"bezwaar\": \"111222333\"}", EntityType.BSN)).isEmpty();
        assertThat(found("bezwaarmaakster mw. Kok, bsn 111222333", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void englishVNumberCue() {
        assertThat(found("his V-number 1234 5678 90 is on the letter", EntityType.V_NUMBER)).containsExactly("1234 5678 90");
    }

    @Test
    void birthDatesCompactOrWithAnApostropheYearButNoChatTimeStamps() {
        assertThat(found("dit is ruben kok geb 17031988, klopt dat?", EntityType.DATE_OF_BIRTH)).containsExactly("17031988");
        assertThat(found("ik ben geboren op 12-05-'71 in Delft", EntityType.DATE_OF_BIRTH)).containsExactly("12-05-'71");
        assertThat(found("wat is je geboortedatum?\n[03-11-26 14:02:11] Kees: 111222333", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(StructuredIdentifiers.timeFollows("03-11-26 14:02", 8)).isTrue();
        assertThat(StructuredIdentifiers.timeFollows("03-11-1960 in", 10)).isFalse();
    }

    @Test
    void roleAndDepartmentMailboxes() {
        assertThat(found("Aan: penningmeester@hockeyclub-oost.nl, bag@gemeente.nl en herstel@gemeente.nl",
                EntityType.EMAIL)).isEmpty();
        assertThat(found("Aan: j.dekker@hockeyclub-oost.nl", EntityType.EMAIL)).containsExactly("j.dekker@hockeyclub-oost.nl");
    }

    @Test
    void organisationsNamedAfterPeople() {
        assertThat(found("De bijzetting is op Begraafplaats Jan Hendrik Kamp.", EntityType.PERSON)).isEmpty();
        assertThat(found("De bijeenkomst is in Zaal Marie Curie op de tweede verdieping.", EntityType.PERSON)).isEmpty();
        assertThat(found("Het gebed is in Moskee Omar Farouk aan de kade.", EntityType.PERSON)).isEmpty();
        assertThat(found("De kist komt van Uitvaartzorg Van den Berg uit Zwolle.", EntityType.PERSON)).isEmpty();
        assertThat(found("Met vriendelijke groet,\nmr. P. Hazelhoff\nHazelhoff Advocatuur", EntityType.PERSON))
                .containsExactly("P. Hazelhoff");
        assertThat(found("Het uitzendbureau Karel Workforce belde.", EntityType.PERSON)).isEmpty();
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
    void aKvkNumberInARowWithoutALegalFormWhereOtherRowsHaveOne() {
        String table = "nr\thouder\tkvk\twaar\n1\tSanne Kok\t12345678\tvis\n2\tVishandel Kok B.V.\t87654321\tvis\n"
                + "3\tHotel De Zwaan\t11223344\tbedden\n";
        assertThat(found("marktlijst\n" + table, EntityType.KVK)).containsExactly("12345678");
        // no row names a legal form: the table does not tell companies from sole traders
        assertThat(found("marktlijst\nnr\thouder\tkvk\n1\tSanne Kok\t12345678\n", EntityType.KVK)).isEmpty();
    }

    @Test
    void aKvkNumberInAJsonObjectReadsOnlyItsOwnObject() {
        String json = "[{\"vereniging\": \"Hockeyclub Oost\", \"kvk\": \"40123456\"},\n"
                + " {\"aanvrager\": \"Sanne Kok\", \"kvk\": \"12345678\", \"rechtsvorm\": \"eenmanszaak\"}]";
        assertThat(found(json, EntityType.KVK)).containsExactly("12345678");
    }

    @Test
    void headerNamesAsJsonValuesAreNoPersons() {
        String json = "{\"headers\": [{\"name\": \"From\", \"value\": \"x\"}, {\"name\": \"Date\", \"value\": \"y\"},"
                + " {\"name\": \"Subject\", \"value\": \"z\"}]}";
        assertThat(found(json, EntityType.PERSON)).isEmpty();
    }

    @Test
    void whatsAppIdIsAPhoneNumber() {
        assertThat(found("{\"contacts\": [{\"wa_id\": \"31612345678\"}]}", EntityType.PHONE)).containsExactly("31612345678");
    }

    @Test
    void lowerCaseNameListsJoinedByCommas() {
        assertThat(found("de groep van donderdag: dawit haile, samira el-khatib, jonas berhe en ayaan warsame. ze",
                EntityType.PERSON)).contains("dawit haile", "samira el-khatib", "jonas berhe", "ayaan warsame");
        assertThat(found("stuur een bericht aan de secretaris van hockeyvereniging de meeuwen, over de subsidie",
                EntityType.PERSON)).isEmpty();
    }

    @Test
    void manAndVrouwBeforeANameAreRelationTitles() {
        assertThat(found("Zij kon niet komen; haar man Yusuf werkt in Duitsland.", EntityType.PERSON)).contains("Yusuf");
        assertThat(found("Mijn vrouw Desislava Petrova belt morgen.", EntityType.PERSON)).contains("Desislava Petrova");
    }

    @Test
    void surnameCommaGivenNameWithParticlesOrInOutlookOrder() {
        assertThat(found("deelnemers:\n- van Beek, Marloes\n- Jong, de, Peter\n", EntityType.PERSON))
                .contains("van Beek, Marloes", "Jong, de, Peter");
        assertThat(found("aanwezig: Ben Youssef, Karim; El Idrissi, Latifa", EntityType.PERSON))
                .contains("Ben Youssef, Karim");
        // "in" alone before a place is a preposition, not part of a name
        assertThat(found("De cursus is in Amersfoort, Kees komt ook.", EntityType.PERSON)).doesNotContain("in Amersfoort, Kees");
    }

    @Test
    void aGivenNameAndSurnameBothInCapitals() {
        assertThat(found("DEELNEMERS: HAKAN YILDIRIM EN PETRA KOVAC. GRAAG BEVESTIGEN.", EntityType.PERSON))
                .contains("HAKAN YILDIRIM");
        assertThat(found("AFDELING VERGUNNINGEN: ANNA ZAL DIT BEHANDELEN", EntityType.PERSON)).doesNotContain("ANNA ZAL");
    }

    @Test
    void lowerCaseStreetsWithAParticleOrAdjectiveInFront() {
        assertThat(found("ze woont op van lennepstraat 44 sinds mei", EntityType.ADDRESS)).containsExactly("van lennepstraat 44");
        assertThat(found("adres oude amersfoortseweg 9, 1212 AB hilversum", EntityType.ADDRESS))
                .containsExactly("oude amersfoortseweg 9");
        // an article stays outside the span
        assertThat(found("hij woont in de kerkstraat 5 hier", EntityType.ADDRESS)).containsExactly("kerkstraat 5");
    }

    @Test
    void birthDatesInWords() {
        assertThat(found("Jan Smit, geboren te Breda op zeven maart negentienhonderd tweeënvijftig, wonende",
                EntityType.DATE_OF_BIRTH)).containsExactly("zeven maart negentienhonderd tweeënvijftig");
        assertThat(found("geboren drie juni tweeduizend elf", EntityType.DATE_OF_BIRTH))
                .containsExactly("drie juni tweeduizend elf");
        // without a birth word a date in words is left alone
        assertThat(found("de akte is verleden op zeven maart tweeduizend zes", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void givenNamesAndSurnamesOfMoreOrigins() {
        assertThat(found("Het gesprek is met Tsvetan Dimitrov en Mahsa Jafari.", EntityType.PERSON))
                .contains("Tsvetan Dimitrov", "Mahsa Jafari");
        assertThat(found("Contact: Kuldeep Grewal (vader)", EntityType.PERSON)).contains("Kuldeep Grewal");
    }

    @Test
    void aFirmInANameColumnIsNoPerson() {
        String csv = "datum;naam;bedrag\n2026-11-02;Albert Heijn;12,40\n2026-11-03;Bastion Hotel Utrecht;89,00\n"
                + "2026-11-04;R. Pinas;20,00\n";
        assertThat(found(csv, EntityType.PERSON)).containsExactly("R. Pinas");
    }

    @Test
    void aBsnInFiveAndFourBoxesOnlyWithItsLabelAndNoInitialsInsideAnAmount() {
        assertThat(found("BSN 11122 2333   Geb.datum 01-02-1990", EntityType.BSN)).containsExactly("11122 2333");
        assertThat(found("artikelen 11122 2333 en verder", EntityType.BSN)).isEmpty();
        assertThat(found("Wij betalen u € 4O.OOO uit.", EntityType.PERSON)).isEmpty();
    }
}
