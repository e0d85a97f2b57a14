package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * BSNs and the numbers that only look like one: the labels, brackets, file names and keys that rule an elfproef-passing
 * number in or out (client, relation, objection, tax and staff numbers), and BSNs copied in groups. Examples of our
 * own, not in the evaluation sets; fictitious data only (111222333 and 123456782 pass the elfproef).
 */
class BsnCuesTest {

    @Test
    void taxAssessmentNumbersAreNoBsn() {
        assertThat(found("Bezwaar tegen aanslag 111222333 van dit jaar", EntityType.BSN)).isEmpty();
        assertThat(found("Aanslagnr: 111222333", EntityType.BSN)).isEmpty();
        assertThat(found("BSN 111222333", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void objectionAndWozNumbersAreNoBsn() {
        assertThat(found("Onderwerp: WOZ-bezwaar 111222333", EntityType.BSN)).isEmpty();
        assertThat(found("Uw bezwaar staat geregistreerd onder nummer 111222333.", EntityType.BSN)).isEmpty();
        assertThat(found("{\"bezwaar\": \"111222333\"}", EntityType.BSN)).isEmpty();
        assertThat(found("bezwaarmaakster mw. Kok, bsn 111222333", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void aBsnInFiveAndFourBoxesOnlyWithItsLabelAndNoInitialsInsideAnAmount() {
        assertThat(found("BSN 11122 2333   Geb.datum 01-02-1990", EntityType.BSN)).containsExactly("11122 2333");
        assertThat(found("artikelen 11122 2333 en verder", EntityType.BSN)).isEmpty();
        assertThat(found("Wij betalen u € 4O.OOO uit.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aCompoundNumberHeaderOrKeyRulesABsnOut() {
        assertThat(found("clientnr;naam;plaats\n111222333;P. Smit;Delft\n", EntityType.BSN)).isEmpty();
        assertThat(found("| subjectnr | naam |\n|---|---|\n| 111222333 | P. Smit |\n", EntityType.BSN)).isEmpty();
        assertThat(found("{\"deelnemernr\": \"111222333\", \"naam\": \"P. Smit\"}", EntityType.BSN)).isEmpty();
        // a BSN key is looked for first, and a bare "nummer" says nothing: still reported (fail safe)
        assertThat(found("bsnnr;naam\n111222333;P. Smit\n", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("{\"persoonsnr\": \"111222333\"}", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("nummer;naam\n111222333;P. Smit\n", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void otherRegistersNumbersInRunningText() {
        assertThat(found("Pensioenoverzicht\nDeelnemersnummer 111222333\n", EntityType.BSN)).isEmpty();
        assertThat(found("Cliëntnummer 111222333 staat op de brief.", EntityType.BSN)).isEmpty();
        assertThat(found("Ik zocht 111222333 op (dat is een relatienummer) maar vond niets.", EntityType.BSN)).isEmpty();
        assertThat(found("Zijn BSN is 111222333, het relatienummer ken ik niet.", EntityType.BSN))
                .containsExactly("111222333");
    }

    /** pii49: a place phrase between the cue and the number ("in het dossier") names where it is, not what it is. */
    @Test
    void aBsnWhoseCueStandsBeforeAPlacePhrase() {
        assertThat(found("Het BSN in het dossier is 111222333.", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("Zijn burgerservicenummer staat in het dossier: 111222333.", EntityType.BSN))
                .containsExactly("111222333");
        assertThat(found("Het bsn op de factuur luidt 111222333", EntityType.BSN)).containsExactly("111222333");
        // the place's own number stays its number
        assertThat(found("Het BSN staat in dossier 111222333.", EntityType.BSN)).isEmpty();
        assertThat(found("Het BSN staat in het dossier 111222333.", EntityType.BSN)).isEmpty();
        assertThat(found("Het zaaknummer in het dossier is 111222333.", EntityType.BSN)).isEmpty();
    }

    @Test
    void aBsnCopiedInOtherGroups() {
        assertThat(found("bsn van de aanvrager 1112.223.33, graag controleren", EntityType.BSN))
                .containsExactly("1112.223.33");
        assertThat(found("Zijn BSN is 1112 2233 3.", EntityType.BSN)).containsExactly("1112 2233 3");
        assertThat(found("BSN 11122 23 33 staat op het formulier", EntityType.BSN)).containsExactly("11122 23 33");
        assertThat(found("klant (1112 2233 3) belde", EntityType.BSN)).containsExactly("1112 2233 3");
        assertThat(found("| nr | bsn |\n|---|---|\n| 1 | 1112-223-33 |\n", EntityType.BSN)).containsExactly("1112-223-33");
    }

    @Test
    void otherNumbersInGroupsAreNoBsn() {
        // a scanned form's boxes and dotted numbers not opened by four digits need a BSN word; part of a longer number is none
        assertThat(found("formulier 11122 23 33 ontvangen", EntityType.BSN)).isEmpty();
        assertThat(found("de server 123.45.67.82 reageert niet", EntityType.BSN)).isEmpty();
        assertThat(found("bel 06 1112 2233 3 of mail", EntityType.BSN)).isEmpty();
        assertThat(found("bsn 1112 2233 34 klopt niet", EntityType.BSN)).isEmpty();
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
    void aNumberInAFileNameOrAPaymentDescription() {
        assertThat(found("{\"bijlage\": \"besluit_111222333.pdf\"}", EntityType.BSN)).isEmpty();
        assertThat(found("zie scan 111222333.jpg in de map", EntityType.BSN)).isEmpty();
        assertThat(found("{\"remittanceInformation\": \"termijn 111222333\"}", EntityType.BSN)).isEmpty();
        // a BSN word still makes it a BSN, and a number before a full stop is no file
        assertThat(found("{\"bijlage\": \"bsn_111222333.pdf\"}", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("{\"omschrijving\": \"toeslag bsn 111222333\"}", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("Zijn nummer is 111222333. Klopt dat?", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void aDirectorysStaffNumberAndManagerReferenceAreNoBsn() {
        String json = "{\"userName\": \"e.aydin@example.nl\", \"employeeNumber\": \"123456782\", "
                + "\"manager\": {\"value\": \"111222333\", \"displayName\": \"Team Zuid\"}}";
        assertThat(found(json, EntityType.BSN)).isEmpty();
        assertThat(found("{\"employeeBsn\": \"123456782\"}", EntityType.BSN)).containsExactly("123456782");
    }

    /** bsnglue51: a label glued onto the number, as typed in chat and forms, and a BSN between path separators. */
    @Test
    void aBsnGluedToItsLabelOrInAFilePath() {
        assertThat(found("Mijn nummer: BSN111222333, graag snel", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("zie bsn111222333 in het dossier", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("Het BSN-nummer111222333 klopt", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("bsn:111222333", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("Open D:\\dossiers\\111222333\\brief.pdf even", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("Open /srv/dossiers/111222333/brief.pdf even", EntityType.BSN)).containsExactly("111222333");
        assertThat(found("Bijlage C:\\Users\\Jan\\111222333.pdf graag", EntityType.BSN)).containsExactly("111222333");
        // other glued letters stay no BSN, and the elfproef still decides
        assertThat(found("artikel AB111222333 besteld", EntityType.BSN)).isEmpty();
        assertThat(found("Mijn nummer: BSN111222334", EntityType.BSN)).isEmpty();
    }
}
