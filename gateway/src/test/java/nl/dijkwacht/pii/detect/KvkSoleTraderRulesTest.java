package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * KvK numbers: a sole trader's is personal data, a company's is not; the cues in running text, table rows and JSON
 * objects that tell them apart. Examples of our own, not in the evaluation sets; fictitious data only (111222333 and
 * 123456782 pass the elfproef).
 */
class KvkSoleTraderRulesTest {

    @Test
    void soleTradersNamedAboveATableAndDocumentColumns() {
        String zzp = "Deelnemers, allemaal zzp'ers:\n\nkvk;handelsnaam;plaats\n12345678;Stukadoor Glad;Assen\n";
        assertThat(found(zzp, EntityType.KVK)).containsExactly("12345678");
        String firms = "Leveranciers:\n\nkvk;handelsnaam;plaats\n12345678;Stukadoor Glad;Assen\n";
        assertThat(found(firms, EntityType.KVK)).isEmpty();
        assertThat(found("naam\tdocument\nPim Brouwer\tXR4K8P2T7\n", EntityType.ID_DOCUMENT)).containsExactly("XR4K8P2T7");
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
    void soleTradersNamedAsChildmindersOrSelfEmployed() {
        String table = "| gastouder | kvk |\n|---|---|\n| Petra Smit | 12345678 |\n| Gastouderbureau De Wip | 87654321 |\n";
        assertThat(found(table, EntityType.KVK)).containsExactly("12345678");
        assertThat(found("P. Smit, zelfst. vertaler\nKvK 1234 5678", EntityType.KVK)).containsExactly("1234 5678");
        assertThat(found("{\"name\": \"Klusbedrijf Smit (eenmanszaak)\", \"ChamberOfCommerce\": \"12345678\"}",
                EntityType.KVK)).containsExactly("12345678");
    }

    @Test
    void aTableRowNamingItsFirmByATradeKeepsTheFirmsKvk() {
        String table = """
                | melding | bewoner | e-mail | uitvoerder | kvk uitvoerder |
                |---|---|---|---|---|
                | M-0412 | Dorrestein, Piet | p.dorrestein@example.nl | Straatwerken Gert Veldkamp | 12345674 |
                | M-0415 | Aydin, Elif | elif.aydin@example.nl | Bestrating Noord B.V. | 23456785 |
                """;
        assertThat(found(table, EntityType.KVK)).isEmpty();
        assertThat(found(table, EntityType.PERSON)).containsExactly("Dorrestein, Piet", "Aydin, Elif");
    }

    @Test
    void aSoleTradersWordSpentOnAnEarlierNumberIsNotTheCompanys() {
        String text = "eigenaar is ilse verhoef, eenmanszaak met kvk 34567891, de bakkerij waar ze werkt heeft kvk "
                + "45678912.";
        assertThat(found(text, EntityType.KVK)).containsExactly("34567891");
        assertThat(found("zzp'er, klusbedrijf van hemzelf, kvk 56789123", EntityType.KVK)).containsExactly("56789123");
    }

    @Test
    void kvkNumbersOfSoleTraders() {
        // "KvK" as a key in mixed case, a person's record
        assertThat(found("{\"voornamen\": \"Piet\", \"geslachtsnaam\": \"Smit\", \"KvK\": \"12345678\"}", EntityType.KVK))
                .containsExactly("12345678");
        // a firm's record: no person-name key
        assertThat(found("{\"naam\": \"Smit Installatietechniek\", \"KvK\": \"12345678\"}", EntityType.KVK)).isEmpty();
        // the sole-trader word as the label, spent on the first number when the second is the bv's
        assertThat(found("eigenaar piet smit (eenmanszaak 12345678, 87654321 is zijn bv), pand", EntityType.KVK))
                .containsExactly("12345678");
        assertThat(FieldKeys.normalise("KvK")).isEqualTo("kvk");
        assertThat(FieldKeys.normalise("klantNr")).isEqualTo("klant nr");
    }

    @Test
    void theOwnerNamedBesideTheTradeNameInATableRow() {
        String table = "| debiteur | naam | kvk |\n|---|---|---|\n| 1 | Schildersbedrijf Kleur (Piet Smit) | 12345678 |\n"
                + "| 2 | Bakkerij Noord B.V. | 87654321 |\n| 3 | Stichting Buurtwerk (Piet Smit) | 11223344 |\n";
        assertThat(found(table, EntityType.KVK)).containsExactly("12345678");
        // a firm without its owner's name stays a company
        assertThat(found("| naam | kvk |\n|---|---|\n| Schildersbedrijf Kleur | 12345678 |\n| Bakkerij Noord B.V. | 87654321 |\n",
                EntityType.KVK)).isEmpty();
    }
}
