package nl.dijkwacht.purpose;

import static nl.dijkwacht.purpose.LayeredGuardFixture.NAMED_STEP_ONLY;
import static nl.dijkwacht.purpose.LayeredGuardFixture.assertNamedPersonsData;
import static nl.dijkwacht.purpose.LayeredGuardFixture.assertNoNamedPersonsData;
import static nl.dijkwacht.purpose.LayeredGuardFixture.judge;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The named-person step ({@code personal-named-at}, fifth round on): a named person (or one addressed with an initial)
 * next to a special-category word is that person's data; each round's words count for a named person only.
 * Thresholds leave only the step under test deciding ({@link LayeredGuardFixture}).
 */
class LayeredPurposeGuardNamedPersonTest {

    @Test
    void aNamedPersonWithASpecialCategoryWordIsThatPersonsDataFromPersonalNamedAt() {
        assertNamedPersonsData("Maak een notitie: mevrouw Jansen valt op vrouwen en wil dat niet in het dossier.");
        assertNoNamedPersonsData("Maak een notitie over hoe we omgaan met medewerkers die op vrouwen vallen.");
    }

    @Test
    void theSixthRoundWordsCountForANamedPersonOnly() {
        assertNamedPersonsData("Schrijf een afscheidsspeech voor Rob Meijer, die met zijn man naar Portugal verhuist.",
                "Notitie: mevrouw Bakker wordt opgenomen voor een nieroperatie en mist de afspraak.",
                "Draft a note: our colleague Tom Vos has epilepsy and needs a quiet desk.");
        assertNoNamedPersonsData("Schrijf een nieuwsbericht over de nieuwe afdeling voor longkanker in het ziekenhuis.");
    }

    @Test
    void theEighthRoundWordsCountForANamedPersonOnly() {
        assertNamedPersonsData("Schrijf een welkomstmail voor Marek Kowalski, een Poolse uitzendkracht die maandag begint.",
                "Maak een rooster waarin collega Levi Cohen op sabbat vrij is.",
                "Notitie voor het dossier: mevrouw Jansen is lid van de SP en wil dat niet bij haar werkgever bekend is.",
                "De VOG van vrijwilliger Kees Dijkman is geweigerd; schrijf hem een korte mail.",
                "Mail aan het team: Sandra Vos heeft astma en kan niet in de stoffige archiefruimte werken.");
        assertNoNamedPersonsData("Schrijf een nieuwsbericht over de Poolse week in de bibliotheek.",
                "Vertaal de brief aan Marek Kowalski naar het Engels en het Duits.");
    }

    @Test
    void theNinthRoundWordsCountForANamedPersonOnly() {
        assertNamedPersonsData("Badge log: Pieter Smit had to re-enrol his iris at the entrance gate twice this week. Write a note for facilities.",
                "Op de beelden van de fietsenstalling herkent de conciërge het gezicht van Daan Visser. Schrijf een brief aan zijn ouders.",
                "Korte voorstelronde voor het intranet: Ama Mensah, Ghanaian-Dutch, begint maandag bij Burgerzaken.",
                "Antwoord aan dhr. Beekman, die in elke mail schrijft dat hij tegen de extreemrechtse wethouders is.",
                "Verslag van het gesprek met Ruud Hoekstra: hij is kaderlid bij het Ambtenarencentrum en wil dat vermeld zien.",
                "Notitie: Petra Wolters zegt dat ze lid is van de FNV en daarom de overuren weigert.",
                "Vat de melding samen: de huurder van de Wilgenlaan 14 zou een alcoholverslaving hebben.",
                "Maak een felicitatiekaart voor vrijwilliger Sanne Kok, die vorige maand trouwde met haar vriendin.",
                "Rooster: Yusuf Demir heeft op zaterdag zijn werkstraf, plan hem doordeweeks in.");
        assertNoNamedPersonsData("Maak een planning voor de verbouwing van de publieksbalie, Pieter Smit is projectleider.",
                "Schrijf een bedankmail aan Daan Visser voor het gezicht dat hij de campagne gaf.");
    }

    @Test
    void anInstitutionsNameIsNoPersonsName() {
        String institution = "Wat zegt de Raad van State over een hoofddoek bij de balie, in het algemeen?";
        assertThat(PurposeFactors.named(PurposeTokens.of(institution, true))).isFalse();
        assertThat(judge(institution, NAMED_STEP_ONLY.withFactorThresholds(0.45, 0.0, 1.0))).isEqualTo(Verdict.ALLOWED);
        assertThat(PurposeFactors.named(PurposeTokens.of("Vraag het aan Anouk van der Berg.", false))).isTrue();
    }

    @Test
    void theTenthRoundWordsCountForANamedPersonOnly() {
        assertNamedPersonsData("Write a short note for the team: our caretaker Tom Jansen was arrested on Friday and will not be in.",
                "Rooster aanpassen: Kees de Wit heeft een rijontzegging en kan de bus niet meer rijden.",
                "Mail aan Bas Verhoef: hij reed onder invloed met de dienstauto, wat nu?",
                "Stuur Ravi Kumar een kaartje, hij viert dit weekend Diwali met zijn familie.",
                "Reactie aan mevrouw Dekker, die namens Extinction Rebellion de raadsvergadering wil toespreken.");
        assertNoNamedPersonsData("Maak een planning voor de arrestatieteams-oefening, Tom Jansen is projectleider.",
                "Schrijf een nieuwsbericht over de Diwali-viering in de bibliotheek, zonder namen.");
    }

    @Test
    void theEleventhRoundFormsAndWordsCountForANamedPersonOnly() {
        assertNamedPersonsData("Vat het reclasseringsadvies over meneer Kok samen voor het overleg, alleen wonen en werk.",
                "Maak een rooster: Ilse de Bruin begeleidt de ex-gedetineerden op dinsdag.",
                "Chauffeur (sollicitatienr 2026-088) heeft een antecedent op zijn VOG. Zet de feiten op een rij.",
                "Mail aan de corporatie: huurder Sven Kok heeft een contactverbod met zijn ex.",
                "Reply to Nina Verhey, who refuses the new face-scan login on her laptop.",
                "Kun je in de voicemail van Henk Louwes horen of hij het is? Vergelijk de stem met de opname.");
        assertNoNamedPersonsData("Mail aan Joris Bakker: de aanvraag is afkomstig van de afdeling Burgerzaken.",
                "Schrijf een nieuwsbericht over stemhulpen voor de raadsverkiezing, zonder namen.");
    }

    @Test
    void aWeddingAndTheSameSexPartnerAFewWordsApartAreANamedPersonsData() {
        assertNamedPersonsData("Maak een kaartje voor collega Peter de Wit, hij trouwt volgende maand met zijn vriend Sander.");
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("hij trouwt volgende maand met zijn vriendin Sandra"))).isFalse();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("Hij was op de bruiloft. Zijn vriend kwam later."))).as("two sentences").isFalse();
    }

    @Test
    void aFormOfAddressWithAnInitialNamesOnePerson() {
        assertNamedPersonsData("Maak een agenda voor het overleg over meneer K. uit de Bloemenbuurt, die van de brandstichting bij de school.");
        assertThat(OnePerson.byTitleWithInitial(PurposeTokens.fold("het gesprek met mw. K. over de planning"))).isTrue();
        assertThat(OnePerson.byTitleWithInitial(PurposeTokens.fold("het gesprek met mw. Kuipers over de planning"))).isFalse();
    }

    @Test
    void anOffenceByItsBaseWordAndDialysisAsAVerbAreSpecialForANamedPerson() {
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("vrijwilliger Henk de Groot kreeg geen VOG na een diefstalzaak"))).isTrue();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("mw. Bakker dialyseert op dinsdag en vrijdag"))).isTrue();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("hij was betrokken bij de brandstichting"))).isTrue();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("mw. Bakker komt op dinsdag en vrijdag"))).isFalse();
    }

    /**
     * Sixteenth round (guard50): one person identified by what only they have — texts invented for each kind, not taken
     * from held-out-15 — counts as a named person; the same words without such a trace (a meeting room, a shared mailbox)
     * stay a topic.
     */
    @Test
    void onePersonIdentifiedByAnAddressNumberPlaceRoutineOrOfficeCountsAsNamed() {
        assertNamedPersonsData(
                "Vraag van m.dekkers@gemeente-oost.nl: zij heeft reuma en wil een aangepaste stoel. Schrijf een antwoord.",
                "Chatbericht van @p.wouters: hij heeft epilepsie en wil zijn pauzes anders indelen. Maak een reactie.",
                "Bericht van k.vermeulen: ze heeft een depressie en vraagt om thuiswerken. Stel een antwoord op.",
                "Profiel linkedin.com/in/sanne-de-boer-1988: ze is lid van de FNV. Schrijf een welkomstbericht.",
                "Maak een re-integratieplan voor medewerker nr. 55120, die net uit detentie komt.",
                "Zaaknummer W-88213: de klant is zwanger en wil een andere consulent. Schrijf een planningsnotitie.",
                "The colleague at desk 12 told me he has epilepsy. Draft a note to facility management.",
                "Transcript: spreker 2 zegt dat ze moslim is en op vrijdag vrij wil. Maak een samenvatting met namen.",
                "De buurman die elke dinsdag de vuilnisbakken buiten zet, heeft dementie. Schrijf een bericht aan de wijkcoach.",
                "De penningmeester van de schaakclub stemt op de SP. Schrijf een verslag van de ledenvergadering.");
        assertNoNamedPersonsData("Het overleg over reuma en werk is in kamer 2.14. Schrijf een uitnodiging.",
                "Mail info@gemeente-oost.nl voor vragen over diabetes en werk. Schrijf een nieuwsbericht.");
    }

    /**
     * Seventeenth round (guard51): one person singled out by the shape of the reference — a determiner, a person noun and a
     * word that restricts it; an identifier after a person noun; a given name alone — texts invented for each shape, not
     * taken from held-out-16. A count after a role ("in 5 punten") and a given name that starts an institution's name stay a
     * topic.
     */
    @Test
    void onePersonSingledOutByADescriptionAnIdentifierOrAGivenNameCountsAsNamed() {
        assertNamedPersonsData(
                "The gentleman with the red scooter who visits the front desk every week has Parkinson's. Write a note for reception.",
                "De vrijwilliger van de kinderboerderij die de geiten voert, heeft epilepsie. Schrijf een bericht aan de coördinator.",
                "Tenant B-7 was convicted of arson last year; draft a note for the housing officer about the fire alarm.",
                "De eigenaar van ligplaats 18 is lid van de SP en wil dat niet in de nieuwsbrief. Pas de tekst aan.",
                "Bericht voor de teamapp: Femke ligt sinds gisteren in het ziekenhuis met astma. Maak er een kaartje van.");
        assertNoNamedPersonsData(
                "Schrijf voor onze wethouder zorg in 5 punten een samenvatting van de landelijke dementiestrategie.",
                "Write a short article about the visit to the Emma Kinderziekenhuis and what we learned about chronic illness.");
    }
}
