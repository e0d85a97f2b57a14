package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * E-mail addresses: a person's own address is personal data, a function or service mailbox (of a department, a role, a
 * public body) is not. Examples of our own, not in the evaluation sets; fictitious data only (111222333 and 123456782
 * pass the elfproef).
 */
class EmailAddressRulesTest {

    @Test
    void mailboxNamesBuiltOfFunctionWords() {
        assertThat(EmailRecognizer.builtOfFunctionWords("expatdesk")).isTrue();
        assertThat(EmailRecognizer.builtOfFunctionWords("verhuur")).isTrue();
        assertThat(EmailRecognizer.builtOfFunctionWords("team-noord")).isTrue();
        assertThat(EmailRecognizer.builtOfFunctionWords("klantenservice.zuid")).isTrue();
        assertThat(EmailRecognizer.builtOfFunctionWords("jansen")).isFalse();
        assertThat(EmailRecognizer.builtOfFunctionWords("expatdesk2")).isFalse();
        assertThat(found("Mail naar aanmeldingen@sportbond.nl of naar p.verhoef@sportbond.nl", EntityType.EMAIL))
                .containsExactly("p.verhoef@sportbond.nl");
    }

    @Test
    void roleAndDepartmentMailboxes() {
        assertThat(found("Aan: penningmeester@hockeyclub-oost.nl, bag@gemeente.nl en herstel@gemeente.nl",
                EntityType.EMAIL)).isEmpty();
        assertThat(found("Aan: j.dekker@hockeyclub-oost.nl", EntityType.EMAIL)).containsExactly("j.dekker@hockeyclub-oost.nl");
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
    void firstNameDotLastNameAtAPublicBodyIsAPerson() {
        assertThat(found("mail naar kowaru.tembeni@politie.nl graag", EntityType.EMAIL))
                .containsExactly("kowaru.tembeni@politie.nl");
        // service mailboxes stay harmless
        assertThat(found("mail naar wijkagent.noord@politie.nl of verzuim@gemeente.nl", EntityType.EMAIL)).isEmpty();
    }

    @Test
    void pluralAndDiminutiveWordsNameAProgrammeNotAPerson() {
        assertThat(found("aanmelden bij activiteiten@buurthuis-oost.nl of taalmaatjes@bibliotheek-noord.nl",
                EntityType.EMAIL)).isEmpty();
        assertThat(found("of mail p.verhoef@buurthuis-oost.nl", EntityType.EMAIL)).containsExactly("p.verhoef@buurthuis-oost.nl");
    }

    @Test
    void theNameShownForANoReplySenderIsNoPerson() {
        assertThat(found("Van: Zorgportaal Noord <noreply@zorgportaal-noord.nl>\nAan: Piet Smit <p.smit@ziggo.nl>\n",
                EntityType.PERSON)).containsExactly("Piet Smit");
        // a person may write from their own firm's info@
        assertThat(found("Van: Piet Smit <info@smitbouw.nl>\nOnderwerp: offerte\n", EntityType.PERSON))
                .containsExactly("Piet Smit");
    }
}
