package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Harmless look-alikes of the tenth forms round (issue 11): firms named after a family, trades named by their work,
 * a company's KvK number after a sole trader's, service mailboxes of public bodies, a directory's staff numbers — left
 * intact, while the persons and identifiers beside them are still found. Examples of our own, not in the evaluation
 * sets; fictitious data only.
 */
class TenthRoundLookAlikesTest {

    @Test
    void aFirmNamedAfterAFamilyIsNoPerson() {
        assertThat(found("Mevrouw heeft nog een achterstand bij Wehkamp en bij de energieleverancier.",
                EntityType.PERSON)).isEmpty();
        assertThat(found("De aanbesteding ging naar Van Wijnen; Heijmans deed ook mee.", EntityType.PERSON)).isEmpty();
        assertThat(found("Creditnota van Heijmans ontvangen, graag inboeken.", EntityType.PERSON)).isEmpty();
        assertThat(found("UITZENDBUREAU: OTTO WORK FORCE, LOCATIE TILBURG", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aPersonWhoseSurnameIsAFirmIsStillFound() {
        assertThat(found("Gesprek met mevrouw Wehkamp over de schuldregeling.", EntityType.PERSON))
                .containsExactly("Wehkamp");
        assertThat(found("Karin Heijmans belde over haar aanvraag.", EntityType.PERSON))
                .containsExactly("Karin Heijmans");
        assertThat(found("De melding kwam van Gerda van Wijnen uit de Kerkstraat.", EntityType.PERSON))
                .containsExactly("Gerda van Wijnen");
    }

    @Test
    void frenchIsALanguageAndFransAGivenName() {
        assertThat(found("De cliënt spreekt alleen Frans en wat Engels.", EntityType.PERSON)).isEmpty();
        assertThat(found("Aanwezig: dhr. Frans Wolthuis, secretaris.", EntityType.PERSON))
                .containsExactly("Frans Wolthuis");
    }

    @Test
    void aTradeNamedByItsWorkOpensAFirmsName() {
        assertThat(found("De sleuf graaft Straatwerken Piet Dorrestein uit Nijkerk.", EntityType.PERSON)).isEmpty();
        assertThat(found("Offerte van Autohandel Kees Overbeek ligt klaar.", EntityType.PERSON)).isEmpty();
        assertThat(found("piet dorrestein van de straatwerken belde", EntityType.PERSON)).isNotEmpty();
    }

    @Test
    void aKnownChainOpeningANameIsTheChainsShop() {
        String csv = """
                "datum","naam","tegenrekening","bedrag"
                "20261103","Jumbo Van Leeuwen","","23,10"
                "20261104","Hoogvliet De Groot","","8,95"
                "20261105","Pieter de Groot","NL91ABNA0417164300","50,00"
                """;
        assertThat(found(csv, EntityType.PERSON)).containsExactly("Pieter de Groot");
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
    void serviceMailboxesOfPublicBodies() {
        String text = "Ziekmelden via verzuim@gemeente.nl, vragen aan kabinet@provincie.nl of "
                + "wijkagent.centrum@politie.nl, en aanmelden bij buurtpreventie@dorpsraad.nl.";
        assertThat(found(text, EntityType.EMAIL)).isEmpty();
    }

    @Test
    void staffAddressesOfPublicBodiesStayPersonal() {
        String text = "Cc: t.wolthuis@gemeente.nl, jjansen@gemeente-zwolle.nl, marieke.bosman@provincie.nl, "
                + "pdevries@politie.nl";
        assertThat(found(text, EntityType.EMAIL)).containsExactly("t.wolthuis@gemeente.nl",
                "jjansen@gemeente-zwolle.nl", "marieke.bosman@provincie.nl", "pdevries@politie.nl");
    }

    @Test
    void aDirectorysStaffNumberAndManagerReferenceAreNoBsn() {
        String json = "{\"userName\": \"e.aydin@example.nl\", \"employeeNumber\": \"123456782\", "
                + "\"manager\": {\"value\": \"111222333\", \"displayName\": \"Team Zuid\"}}";
        assertThat(found(json, EntityType.BSN)).isEmpty();
        assertThat(found("{\"employeeBsn\": \"123456782\"}", EntityType.BSN)).containsExactly("123456782");
    }
}
