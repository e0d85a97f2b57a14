package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Harmless look-alikes of the ninth forms round (issue 11): things named after people, left intact, and the persons
 * beside them still found. Examples of our own, not in the evaluation sets; fictitious data only.
 */
class NinthRoundLookAlikesTest {

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
    void aMailboxNamedAfterAServiceIdentifiesNoOne() {
        assertThat(found("Stuur het bezwaar naar parkeervergunningen@stadsbeheer.nl of bel 14 020.", EntityType.EMAIL))
                .isEmpty();
        assertThat(found("Aan: wijkbeheer@woonstad-oost.nl\nOnderwerp: lekkage", EntityType.EMAIL)).isEmpty();
        assertThat(found("kopie aan ioaz@gemeente.nl graag", EntityType.EMAIL)).isEmpty();
        assertThat(found("{\"user\": \"svc-archivering@gemeente-epe.nl\"}", EntityType.EMAIL)).isEmpty();
        assertThat(found("verstuurd aan: bezwaarcommissie@stadswonen.nl", EntityType.EMAIL)).isEmpty();
        assertThat(found("cc j.invordering@gemeente-epe.nl", EntityType.EMAIL)).containsExactly("j.invordering@gemeente-epe.nl");
        // a person's own address stays personal data: a known surname, a personal mail provider, a name with initial
        assertThat(found("Van: meijering@bouwbedrijf-noord.nl", EntityType.EMAIL))
                .containsExactly("meijering@bouwbedrijf-noord.nl");
        assertThat(found("mail hem op oosterling@ziggo.nl", EntityType.EMAIL)).containsExactly("oosterling@ziggo.nl");
        assertThat(found("cc k.dehaan@gemeente.nl", EntityType.EMAIL)).containsExactly("k.dehaan@gemeente.nl");
    }

    @Test
    void whatABracketRightAfterANumberSaysItIsDecides() {
        assertThat(found("Koppelen op BSN gaf een fout, met 111222333 (het leerlingnummer) ging het wel.", EntityType.BSN))
                .isEmpty();
        assertThat(found("BSN: 111222333 (niet het klantnummer) klopt", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("haar klantnummer is 111222333 (niet de bsn!) en de zaak loopt", EntityType.BSN)).isEmpty();
    }

    @Test
    void aCompoundEndingInNummerBeforeANumberNamesAnotherRegister() {
        assertThat(found("haar huurdersnummer is 111222333, graag aanpassen", EntityType.BSN)).isEmpty();
        assertThat(found("lidmaatschapsnr. 111222333 verlopen", EntityType.BSN)).isEmpty();
        assertThat(found("burgerservicenummer 111222333", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("het bsn-nummer is 111222333", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("huurdersnummer 4471, BSN 111222333", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void aRegistersLabelRightBeforeANumber() {
        assertThat(found("aanvraag van Joop (huurder 111222333, bsn onbekend)", EntityType.BSN)).isEmpty();
        assertThat(found("gescand: behandelaar 111222333", EntityType.BSN)).isEmpty();
        assertThat(found("toelichting: cliënt nr 111222333 belde", EntityType.BSN)).isEmpty();
        // a BSN word owns the label that qualifies it
        assertThat(found("Het BSN leerling 111222333 staat in het dossier.", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("bsn van de klant: 111222333", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void aCueWordAfterANumberThatLabelsTheNextValueIsNotIts() {
        assertThat(found("(huurder 111222333, bsn 123456782)", EntityType.BSN)).containsExactly("123456782");
        assertThat(found("zie ook 111222333 (bsn)", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void aBirthDateCueIsSpentOnTheFirstDateAfterASentence() {
        assertThat(found("geb. 04-05-1988. afgemeld 12/10/2026, graag archiveren", EntityType.DATE_OF_BIRTH))
                .containsExactly("04-05-1988");
        assertThat(found("geboortedatum kinderen: 01-02-2015, 03-04-2017", EntityType.DATE_OF_BIRTH))
                .containsExactly("01-02-2015", "03-04-2017");
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
    void aNumberInAFileNameOrAPaymentDescription() {
        assertThat(found("{\"bijlage\": \"besluit_111222333.pdf\"}", EntityType.BSN)).isEmpty();
        assertThat(found("zie scan 111222333.jpg in de map", EntityType.BSN)).isEmpty();
        assertThat(found("{\"remittanceInformation\": \"termijn 111222333\"}", EntityType.BSN)).isEmpty();
        // a BSN word still makes it a BSN, and a number before a full stop is no file
        assertThat(found("{\"bijlage\": \"bsn_111222333.pdf\"}", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("{\"omschrijving\": \"toeslag bsn 111222333\"}", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("Zijn nummer is 111222333. Klopt dat?", EntityType.BSN)).containsExactly("111222333");
    }
}
