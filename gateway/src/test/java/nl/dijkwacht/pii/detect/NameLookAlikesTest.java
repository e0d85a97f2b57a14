package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Things that look like person names and are not — organisations, venues, streets and prizes named after people, firms
 * named after a family or opened by a trade, places, languages, units — left intact, while the persons beside them are
 * still found. Examples of our own, not in the evaluation sets; fictitious data only (111222333 and 123456782 pass the
 * elfproef).
 */
class NameLookAlikesTest {

    @Test
    void aLanguageColumnOrALanguageWordIsNoPerson() {
        assertThat(found("naam;taal\nOla Nordmann;Noors\nPiet Kok;Papiaments\n", EntityType.PERSON))
                .containsExactly("Ola Nordmann", "Piet Kok");
        assertThat(found("Wij zoeken een tolk Tigrinya of Amhaars voor vrijdag.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aDateHeaderAndAUnitNamedAfterItsAreaHoldNoPerson() {
        assertThat(found("From: Ilse Bos <ilse@bos.nl>\nSent: Tue, 3 Mar 2026 09:12\nTo: wmo@x.nl", EntityType.PERSON))
                .containsExactly("Ilse Bos");
        assertThat(found("Doorverwezen door Jeugdteam Hoogkerk en buurtteam Vinkhuizen", EntityType.PERSON)).isEmpty();
    }

    @Test
    void organisationsWithAnOfficeEndingOrATitleInside() {
        assertThat(found("Zie het Advocatenkantoor Van Houten de Wit.", EntityType.PERSON)).isEmpty();
        assertThat(found("De lessen zijn in Wijkcentrum Dr. Ariëns.", EntityType.PERSON)).isEmpty();
        assertThat(found("Vragen aan Buurthuis Prof. Lorentz.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void acronymsMailboxesAbbreviationsAndDateTimes() {
        assertThat(found("Onderwerp: melding BAG 2231907\n\nHoi Evi,", EntityType.PERSON)).containsExactly("Evi");
        assertThat(found("cc svc-chatbot-wmo@gemeente.nl en bijzonderebijstand@gemeente.nl", EntityType.EMAIL)).isEmpty();
        assertThat(found("lantaarnpaal t.h.v. huisnummer 4 is kapot", EntityType.PERSON)).isEmpty();
        assertThat(found("Tijdstip  14-03-2026 09:15", EntityType.PHONE)).isEmpty();
    }

    @Test
    void placesAfterTeOrInAndSportsClubs() {
        assertThat(found("Geboren 2 mei 1950 te Winterswijk, weduwe.", EntityType.PERSON)).isEmpty();
        assertThat(found("Haar broer woont in Amsterdam-Noord.", EntityType.PERSON)).isEmpty();
        assertThat(found("De jeugd traint bij VV Beatrix '20 op zaterdag.", EntityType.PERSON)).isEmpty();
        assertThat(found("Namens de burgemeester, Borculo, 12 januari 2026", EntityType.PERSON)).isEmpty();
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
    void aFirmInANameColumnIsNoPerson() {
        String csv = "datum;naam;bedrag\n2026-11-02;Albert Heijn;12,40\n2026-11-03;Bastion Hotel Utrecht;89,00\n"
                + "2026-11-04;R. Pinas;20,00\n";
        assertThat(found(csv, EntityType.PERSON)).containsExactly("R. Pinas");
    }

    @Test
    void organisationsAndVenuesNamedAfterPeople() {
        assertThat(found("verslag Buurtraad Anna Blaman, aanwezig: Kees Hoekstra", EntityType.PERSON))
                .containsExactly("Kees Hoekstra");
        assertThat(found("namens Wijkbelang Pieter de Hooch en Steunpunt Jan Wolkers", EntityType.PERSON)).isEmpty();
        assertThat(found("training op het Wim Suurbier Court, leverancier Karel Smit Mobiliteit", EntityType.PERSON))
                .isEmpty();
        assertThat(found("| nr | vereniging |\n|---|---|\n| 3 | Historische Vereniging Joh. A. Alberdingk |\n",
                EntityType.PERSON)).isEmpty();
        // a ride is no firm: the name after "taxi" stays a name
        assertThat(found("Onderwerp: taxi Sven\n\nSven stond weer te wachten.", EntityType.PERSON)).contains("Sven");
    }

    @Test
    void streetsHallsAndPrizesWrittenAsOneWordWithTheName() {
        assertThat(found("De finale is in de Johan Cruijffhal, niet in het stadion.", EntityType.PERSON)).isEmpty();
        assertThat(found("Nieuwe woningen aan de Annie Romein-laan en het Gerrit Rietveld-erf.", EntityType.PERSON))
                .isEmpty();
        assertThat(found("De genomineerden voor de Hendrik Lorentzprijs zijn bekend.", EntityType.PERSON)).isEmpty();
        assertThat(found("We wonen sinds kort aan de Multatulisingel, Jo Vincentstraat, Louis Couperus-singel.",
                EntityType.PERSON)).isEmpty();
    }

    @Test
    void aNameGluedToAThingByAHyphen() {
        assertThat(found("De planning van het Jan Wolkers-project is rond.", EntityType.PERSON)).isEmpty();
        assertThat(found("Stuur de Maria Montessori Ziekenhuis-aanvraag door.", EntityType.PERSON)).isEmpty();
        assertThat(found("Het Van der Heijden-huis gaat dicht.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aFirmWhoseLegalFormFollows() {
        assertThat(found("Factuur van Groeneveld Media Ltd ontvangen.", EntityType.PERSON)).isEmpty();
        assertThat(found("Huur aan Beheer Mr. Oudemans BV overgemaakt.", EntityType.PERSON)).isEmpty();
        assertThat(found("Afschrijving Hausverwaltung Klaus Wendt GmbH 650,00", EntityType.PERSON)).isEmpty();
    }

    @Test
    void anInstitutionsComplementIsNoSurname() {
        assertThat(found("Een brief aan de Commissaris van de Koning over de dijk.", EntityType.PERSON)).isEmpty();
        assertThat(found("Beroep tegen de Minister van Justitie en Veiligheid.", EntityType.PERSON)).isEmpty();
        assertThat(found("Het uittreksel van de Kamer van Koophandel is oud.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aStreetUnderANameKeyIsNoPerson() {
        assertThat(found("{\"type\": \"straat\", \"naam\": \"Cornelis Schuytlaan\", \"wijk\": \"Zuid\"}",
                EntityType.PERSON)).isEmpty();
        assertThat(found("{\"type\": \"persoon\", \"naam\": \"Cornelis Schuyt\"}", EntityType.PERSON))
                .containsExactly("Cornelis Schuyt");
    }

    @Test
    void thePersonsBesideThemAreStillFound() {
        // initials that read like a legal form, a double surname, a given name with a hyphen, a person of a firm
        assertThat(found("Cliënt: B.V. Hoekstra, geboren 1950-02-03", EntityType.PERSON)).containsExactly("B.V. Hoekstra");
        assertThat(found("Het dossier van mevrouw Ter Laan-Visser ligt klaar.", EntityType.PERSON))
                .containsExactly("Ter Laan-Visser");
        assertThat(found("Aan: Kim, Seo-yeon\nOnderwerp: verlof", EntityType.PERSON)).containsExactly("Kim, Seo-yeon");
        assertThat(found("De Minister van Dijk? Nee, wethouder Van Dijk belde.", EntityType.PERSON)).contains("Van Dijk");
    }

    @Test
    void aBusinessWordOpensTheName() {
        assertThat(found("Rit met Taxi Gert Meijer geboekt.", EntityType.PERSON)).isEmpty();
        assertThat(found("JAAROPGAAF Schildersbedrijf Gebr. Dekker", EntityType.PERSON)).isEmpty();
        assertThat(found("Lening bij Coöperatieve Spaarbank Oost U.A. afgesloten", EntityType.PERSON)).isEmpty();
        assertThat(found("Ontwerp door Studio Hendriks Interieur, Utrecht", EntityType.PERSON)).isEmpty();
        // in lower case the word is the driver's job, not a firm's name
        assertThat(found("de taxi van gert meijer kwam niet, taxi Gert belde af", EntityType.PERSON))
                .containsExactly("gert meijer", "Gert");
    }

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
    void aNameOpenedByAnOrdinaryDutchWordIsAnOrganisation() {
        assertThat(found("Overleg met Schuldsanering Zuid-Holland en Jeugdbescherming Gelderland op dinsdag.",
                EntityType.PERSON)).isEmpty();
        // names with such an ending stay names
        assertThat(found("Gesprek met Henning Vos en Wout Meijering over de aanvraag.", EntityType.PERSON))
                .contains("Henning Vos", "Wout Meijering");
    }

    @Test
    void thePlaceAfterAnAddressOrOpeningADatelineIsNoPerson() {
        assertThat(found("Zij woont aan de Molenkade 4 Zierikzee en belt morgen.", EntityType.PERSON)).isEmpty();
        assertThat(found("Mw. A. Smit\nKerkstraat 3\n4301 AB Zierikzee", EntityType.PERSON)).containsExactly("A. Smit");
        assertThat(found("Met vriendelijke groet,\nP. de Vries\n\nZierikzee, 25 november 2026", EntityType.PERSON))
                .containsExactly("P. de Vries");
    }
}
