package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Person names typed in lower case (chat): after a relation word or a colon, in comma lists, closed by an identifier or
 * repeated by the e-mail address beside them; ordinary words stay out. Examples of our own, not in the evaluation sets;
 * fictitious data only (111222333 and 123456782 pass the elfproef).
 */
class LowerCaseNameRulesTest {

    @Test
    void lowerCaseNamesAfterARelationWordOrAColon() {
        assertThat(found("intake: miroslav petrov (bsn volgt) en zijn zoon", EntityType.PERSON)).contains("miroslav petrov");
        assertThat(found("het gaat om zijn moeder liliana dobreva uit sofia, ze spreekt geen nederlands",
                EntityType.PERSON)).contains("liliana dobreva");
        assertThat(found("brief sturen aan ewa maria kowalczyk en tomasz kowalczyk (bsn staat in het dossier)",
                EntityType.PERSON)).contains("ewa maria kowalczyk", "tomasz kowalczyk");
        assertThat(found("kun je voor de energietoeslag zorgen.", EntityType.PERSON)).isEmpty();
        assertThat(found("doe het maar de tweede keer, niet eerder", EntityType.PERSON)).isEmpty();
    }

    @Test
    void lowerCaseNameListsJoinedByCommas() {
        assertThat(found("de groep van donderdag: dawit haile, samira el-khatib, jonas berhe en ayaan warsame. ze",
                EntityType.PERSON)).contains("dawit haile", "samira el-khatib", "jonas berhe", "ayaan warsame");
        assertThat(found("stuur een bericht aan de secretaris van hockeyvereniging de meeuwen, over de subsidie",
                EntityType.PERSON)).isEmpty();
    }

    @Test
    void lowerCaseSurnameCommaGivenNameInAList() {
        assertThat(found("kun je deze bellen:\n- bakhuizen, marieke 0612345678\n- van der wal-de graaf, petra\n",
                EntityType.PERSON)).contains("bakhuizen, marieke", "van der wal-de graaf, petra");
        assertThat(found("stuur de brief naar brinkhorst, gerda (achternaam eerst)", EntityType.PERSON))
                .containsExactly("brinkhorst, gerda");
        // given names alone, or full names given name first, stay one person each
        assertThat(found("op de lijst: zeynep, anouk en thijs", EntityType.PERSON))
                .doesNotContain("zeynep, anouk");
        assertThat(found("de tolken: gohar sargsyan, shirin rezaei en bilal qureshi.", EntityType.PERSON))
                .doesNotContain("gohar sargsyan, shirin rezaei");
        // no list, no closer: ordinary text
        assertThat(found("het is duidelijk, peter komt morgen", EntityType.PERSON)).doesNotContain("duidelijk, peter");
        // a comma that opens the text does not hide the later ones
        assertThat(found(", en dan: stuur de brief naar brinkhorst, gerda (achternaam eerst)", EntityType.PERSON))
                .containsExactly("brinkhorst, gerda");
    }

    @Test
    void aLowerCaseSurnameThatTheEmailAddressBesideItRepeats() {
        assertThat(found("de aanvrager is ludmila petrenkova, l.petrenkova7@gmail.com, ze belt morgen", EntityType.PERSON))
                .containsExactly("ludmila petrenkova");
        assertThat(found("mail van sara ben haddou: sarabenhaddou@outlook.com", EntityType.PERSON))
                .contains("sara ben haddou");
        // an address that does not repeat the next word extends nothing
        assertThat(found("de aanvrager is ludmila petrenkova, info@buurthuis.nl", EntityType.PERSON))
                .containsExactly("ludmila");
    }

    @Test
    void aLowerCaseNameClosedByAnIdentifier() {
        assertThat(found("graag een briefadres voor tavita leiataua 111.222.333 bij haar zus", EntityType.PERSON))
                .contains("tavita leiataua");
    }

    @Test
    void lowerCaseNamesClosedByAnIdentifier() {
        assertThat(found("kun je kijken naar de aanvraag, gaat om bertilde oyelaran (bsn 111222333), ze wacht al lang",
                EntityType.PERSON)).containsExactly("bertilde oyelaran");
        assertThat(found("terugbellen graag. fenneke otterspoor, tel 0612345678 na drie uur", EntityType.PERSON))
                .containsExactly("fenneke otterspoor");
        assertThat(found("stuur de brief aan wubke talsmaier wubke.t@voorbeeld.nl vandaag nog", EntityType.PERSON))
                .containsExactly("wubke talsmaier");
        assertThat(found("nog invoeren: ostrid venhuizer 9711 KL en dat was het", EntityType.PERSON))
                .containsExactly("ostrid venhuizer");
        assertThat(found("eigenaar is ragnhild oppedal (kapsalon, kvk 12345678) sinds maart", EntityType.PERSON))
                .containsExactly("ragnhild oppedal");
        // ordinary words before a number are no name
        assertThat(found("ze is bereikbaar via 06 12 34 56 78 na vijven", EntityType.PERSON)).isEmpty();
        assertThat(found("onderwerp: aanmaning aanslag 2026.041.12345 is verstuurd", EntityType.PERSON)).isEmpty();
    }
}
