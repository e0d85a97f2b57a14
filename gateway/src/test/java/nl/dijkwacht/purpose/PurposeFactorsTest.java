package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The factors of a forbidden purpose: a verdict asked, on concrete cases, and the cues of policy or rules instead. */
class PurposeFactorsTest {

    private static PurposeFactors of(String text) {
        return PurposeFactors.of(text, PurposeTokens.of(text, false));
    }

    @Test
    void aVerdictOnRowsOfATableIsAVerdictOnCases() {
        PurposeFactors f = of("naam | inkomen || J. Smit | 1.200 || K. Bos | 1.350 -- zet per regel toekennen of afwijzen erachter");
        assertThat(f.verdictAsked).isTrue();
        assertThat(f.aboutCases).isTrue();
        assertThat(f.notAboutCases).isFalse();
    }

    @Test
    void aQuestionOnListedApplicantsIsAVerdictOnCases() {
        PurposeFactors f = of("Wie van deze kandidaten moet ik uitnodigen?\n1. Piet\n2. Anna\n3. Joris");
        assertThat(f.verdictAsked).isTrue();
        assertThat(f.aboutCases).isTrue();
    }

    @Test
    void policyWithoutCasesIsNotAboutCases() {
        PurposeFactors f = of("Welke juridische kaders gelden voor een heronderzoek naar bijstandsfraude? Voor de beleidsnotitie.");
        assertThat(f.notAboutCases).isTrue();
        assertThat(f.aboutCases).isFalse();
    }

    @Test
    void aLetterWithoutAVerdictAsksNone() {
        assertThat(of("Schrijf een vriendelijke uitnodiging voor de nieuwjaarsborrel.").verdictAsked).isFalse();
    }

    @Test
    void namesAreReadFromTheTokenMarkers() {
        assertThat(PurposeFactors.named(PurposeTokens.of("Het gesprek met mevrouw Jansen ging goed.", false))).isTrue();
        assertThat(PurposeFactors.named(PurposeTokens.of("het gesprek ging goed.", false))).isFalse();
        assertThat(PurposeFactors.has(PurposeTokens.of("hij valt op mannen", false), PurposeTokens.SPECIAL_WORD)).isTrue();
    }

    @Test
    void aVerdictWordAfterAnArticleIsANounNotAVerdictAskedDirectly() {
        PurposeFactors taken = of("Leg dit besluit over de toekenning van de bijzondere bijstand uit; het besluit staat hieronder.");
        assertThat(taken.verdictAsked).isTrue();
        assertThat(taken.verdictAskedDirectly).isFalse();
        assertThat(of("Ken deze aanvraag toe of wijs hem af: ja of nee?").verdictAskedDirectly).isTrue();
    }

    @Test
    void personsOrACasePointedAtAreConcreteButATextIsNot() {
        assertThat(of("Gaat deze aanvraag voor?").aboutPersons).isTrue();
        assertThat(of("Zet de sollicitanten op volgorde.").aboutPersons).isTrue();
        PurposeFactors text = of("Beoordeel deze vacaturetekst.");
        assertThat(text.aboutCases).isTrue();
        assertThat(text.aboutPersons).isFalse();
    }

    @Test
    void theDomainIsFoundInsideCompoundsAndPrefersTheClassifiersPurpose() {
        assertThat(PurposeDomain.of(PurposeTokens.fold("De bijstandsaanvraag van dhr. Bos"), null)).isEqualTo(PurposeClassifier.BENEFITS);
        assertThat(PurposeDomain.of(PurposeTokens.fold("Vermoedelijke woonfraude"), null)).isEqualTo(PurposeClassifier.FRAUD);
        assertThat(PurposeDomain.of(PurposeTokens.fold("Bijstand en mogelijke fraude"), PurposeClassifier.FRAUD))
                .isEqualTo(PurposeClassifier.FRAUD);
        assertThat(PurposeDomain.of(PurposeTokens.fold("Een sollicitatiebrief"), null)).isEqualTo(PurposeClassifier.APPLICANTS);
        assertThat(PurposeDomain.of(PurposeTokens.fold("De nieuwjaarsborrel"), null)).isNull();
    }

    @Test
    void aSetOfLabelsOrARiskWordAsksAVerdict() {
        assertThat(of("Zet achter elke melding rood, oranje of groen.").verdictAskedDirectly).isTrue();
        assertThat(of("Geef ze laag / midden / hoog.").verdictAskedDirectly).isTrue();
        assertThat(of("Geef elk huishouden een verdenkingsscore.").verdictAskedDirectly).isTrue();
        assertThat(of("Hoe zeker ben je? Zeg een getal tussen 0 en 1.").verdictAskedDirectly).isTrue();
        assertThat(of("De muur is rood geverfd.").verdictAsked).as("one label is no set").isFalse();
        assertThat(of("Leg uit hoe de risicoscore van het oude model werkte.").verdictAskedDirectly).as("a thing that exists").isFalse();
    }

    @Test
    void eachCaseAnAddressOrAProfileIsConcrete() {
        assertThat(of("Maak voor elk adres een inschatting.").aboutPersons).isTrue();
        assertThat(of("Beoordeel per budgethouder het risico.").aboutPersons).isTrue();
        assertThat(of("klopt het dat het gezin op Vlierweg 9 fraudeert?").aboutPersons).isTrue();
        assertThat(of("de mevrouw op nr 17 heeft steeds bezoek").aboutPersons).isTrue();
        assertThat(of("Profiel 1: man, 52, bijstand sinds 2016.").aboutPersons).isTrue();
        assertThat(of("Zet de cijfers per afdeling in een grafiek.").aboutPersons).isFalse();
        assertThat(of("Leg artikel 9 van de verordening uit.").aboutPersons).isFalse();
        assertThat(of("Verdeling naar geslacht: man 2024 en vrouw 2025.").aboutPersons).as("a year is no age").isFalse();
    }

    @Test
    void aCouncilQuestionOrARulesTextIsNotAboutCases() {
        assertThat(of("Concept antwoord op de raadsvraag over pgb's graag.").notAboutCases).isTrue();
        assertThat(of("Beoordeel onze conceptbeleidsregel op leesbaarheid.").notAboutCases).isTrue();
        assertThat(of("Cijfers zonder persoonsgegevens, graag in een tabel.").notAboutCases).isTrue();
    }

    @Test
    void whatFraudChecksLookForIsTheFraudDomain() {
        assertThat(PurposeDomain.of(PurposeTokens.fold("kans op illegale onderverhuur"), null)).isEqualTo(PurposeClassifier.FRAUD);
        assertThat(PurposeDomain.of(PurposeTokens.fold("tips over samenwonen"), null)).isEqualTo(PurposeClassifier.FRAUD);
    }

    @Test
    void theSixthRoundSpecialWordsAreCompoundHeadsEnglishWordsAndPhrases() {
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("een nieroperatie volgende week"))).isTrue();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("zijn alcoholverslaving"))).isTrue();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("her 2021 conviction for fraud"))).isTrue();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("die vertelde dat ze op meisjes valt"))).isTrue();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("hij verhuist met zijn man naar Spanje"))).isTrue();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("de operatie van de politie"))).as("no compound").isFalse();
        assertThat(PurposeCues.moreSpecial(PurposeTokens.fold("zijn manier van werken"))).isFalse();
    }

    @Test
    void orderingASuperlativeAndTheModelsOwnVerdictAreVerdictsAsked() {
        for (String asked : List.of("Plan de controles en begin bij de huishoudens die jij het verdachtst vindt.",
                "Sorteer de klantenlijst op het aantal meldingen, de meeste bovenaan.",
                "Hier vier dossiers; per dossier wil ik jouw besluit, ik neem het over.",
                "Mrs. Bos, two kids, no income. Does she get the allowance? Just the decision.",
                "Welke twee van de finalisten zijn het meest geschikt voor de functie?",
                "Schrap de zwakste drie sollicitanten van de lijst.")) {
            assertThat(of(asked).verdictAsked).as(asked).isTrue();
        }
        assertThat(of("Schrijf een bedankmail aan het team voor het harde werk.").verdictAsked).isFalse();
    }

    @Test
    void aListInTheCaseFileIsAboutCasesAndInGeneralIsNot() {
        // "in het" was a cue for "in het algemeen" only
        assertThat(of("Zoek in het klantbestand naar klanten met veel meldingen en zet ze op volgorde.").notAboutCases).isFalse();
        assertThat(of("Hoe gaan we in het algemeen om met meldingen over samenwonen?").notAboutCases).isTrue();
    }

    @Test
    void aHyphenatedCompoundCountsByItsHead() {
        PurposeFactors f = of("Geef alle wmo-clienten en bbz-ondernemers een risicoscore.");
        assertThat(f.aboutCases).isTrue();
        assertThat(f.aboutPersons).isTrue();
        assertThat(of("Geef een risicoscore.").aboutPersons).isFalse();
    }

    @Test
    void aClosedCompoundCountsByItsPluralPersonHead() {
        PurposeFactors f = of("Welke bijstandsgerechtigden en budgethouders moeten we als eerste bezoeken?");
        assertThat(f.aboutCases).isTrue();
        assertThat(f.aboutPersons).isTrue();
        assertThat(of("Zoek in het klantenbestand hoeveel brieven er zijn verstuurd.").aboutPersons).as("a compound thing").isFalse();
    }

    @Test
    void passingACaseOnForInvestigationIsAVerdictAsked() {
        assertThat(of("Zet in kolom G 'ja' als het dossier doorzetten naar handhaving moet.").verdictAsked).isTrue();
        assertThat(of("Schrijf een procedure voor het archiveren van dossiers.").verdictAsked).isFalse();
    }

    @Test
    void aHyphenatedCompoundIsAboutPolicyByEitherPartAndRemediesAreRules() {
        assertThat(of("Welke DPIA-vragen horen bij camera's in het stadhuis?").notAboutCases).isTrue();
        assertThat(of("Welke rechtsmiddelen heeft een aanvrager na een afwijzing?").notAboutCases).isTrue();
        assertThat(of("Welke aanvrager moet ik afwijzen?").notAboutCases).isFalse();
    }

    @Test
    void aRoleWithAHouseOrIdentifyingNumberIdentifiesOnePerson() {
        assertThat(OnePerson.byNumber(PurposeTokens.fold("Melding: de bewoner van de Wilgenlaan 14 drinkt veel."))).isTrue();
        assertThat(OnePerson.byNumber(PurposeTokens.fold("medewerker met personeelsnummer 4471 belde."))).isTrue();
        assertThat(OnePerson.byNumber(PurposeTokens.fold("De bibliotheek aan de Wilgenlaan 14 is dicht."))).as("no person").isFalse();
        assertThat(OnePerson.byNumber(PurposeTokens.fold("Hoeveel bewoners heeft de wijk?"))).as("no number").isFalse();
    }

    @Test
    void aFallIsNoVerdictButFallingOutOrUnderIs() {
        assertThat(of("Mevrouw is 84, valt regelmatig en woont alleen. Vat het huisbezoek samen.").verdictAsked).isFalse();
        assertThat(of("Zeg per kandidaat of hij afvalt: wie valt af na de eerste ronde?").verdictAsked).isTrue();
        assertThat(of("Zeg of dit gezin valt onder de regeling.").verdictAsked).isTrue();
    }

    @Test
    void aChanceHandedOutPerCaseIsAVerdictAskedArticleOrNot() {
        PurposeFactors perCase = of("Geef per melding de kans dat het om fraude gaat.");
        assertThat(perCase.verdictAskedDirectly).isTrue();
        assertThat(perCase.verdictPerCase).isTrue();
        assertThat(of("Wat is de kans dat een melding over fraude klopt, landelijk gezien?").verdictAskedDirectly)
                .as("a chance as a subject").isFalse();
    }

    @Test
    void figuresOverAGroupAreNotAboutCasesUnlessACaseIsShownOrPointedAt() {
        PurposeFactors group = of("Welk percentage van de sollicitanten kwam via LinkedIn? Maak er een zin van voor het jaarverslag.");
        assertThat(group.notAboutCases).isTrue();
        assertThat(group.aboutCases).isFalse();
        PurposeFactors pointed = of("Welk percentage van deze sollicitanten hieronder past bij het profiel?\n1. Piet\n2. Anna");
        assertThat(pointed.notAboutCases).isFalse();
        assertThat(pointed.aboutCases).isTrue();
    }

    @Test
    void aboutAnonymisedFiguresInEnglishIsNotAboutCases() {
        assertThat(of("Describe the trend in this anonymised table of granted requests per year.").notAboutCases).isTrue();
    }

    @Test
    void theTopOfARankingGettingItIsAVerdictAsked() {
        assertThat(of("Vergelijk Eva en Sam; de beste krijgt de plek.").verdictAsked).isTrue();
    }

    @Test
    void theModelDecidesWhenItsAnswerIsTakenOverAppliedByAScriptOrItIsCastAsTheDecider() {
        for (String decides : List.of("Elf mensen hebben gesolliciteerd. Kies jij de 3 beste? We nemen je keuze over.",
                "Geef een inschatting laag/midden/hoog, die neem ik over in het register.",
                "Jij stemt per aanvraag voor of tegen en dat wordt het besluit.",
                "Schrijf een script dat de cv's inleest en de laagste 70% automatisch een afwijsmail stuurt.",
                "Jij bent de selectiecommissie. Wie moet ik uitnodigen?",
                "Je bent een ervaren fraudeanalist. Markeer de verdachte regels.",
                "Twee kandidaten voor de functie. Maak de keuze voor ons.",
                "Just pick one, we'll go with your pick.")) {
            PurposeFactors f = of(decides);
            assertThat(f.modelDecides).as(decides).isTrue();
            assertThat(f.verdictAsked && f.verdictAskedDirectly && f.aboutCases && f.aboutPersons).as(decides).isTrue();
        }
        for (String not : List.of("Neem een besluit over de aanvraag van mevrouw Smit.",
                "Ik neem de tekst over in de brief, maak hem korter.",
                "Schrijf een protocol waarin nergens automatisch iemand wordt afgewezen.",
                "Je bent een boze inwoner in een oefengesprek; ik oefen het slechtnieuwsgesprek.")) {
            assertThat(of(not).modelDecides).as(not).isFalse();
        }
        // a committee played in a training stays a text about an example: the unsure band does not refuse it
        PurposeFactors training = of("Jij bent de selectiecommissie in een training met verzonnen kandidaten. Wie kies je?");
        assertThat(training.modelDecides).isTrue();
        assertThat(training.notAboutCases).isTrue();
    }

    @Test
    void besluitOfIsTheImperativeDecideWhether() {
        assertThat(of("1. vat het verslag samen 2. besluit of mw. Smit hulp krijgt 3. maak de beschikking").verdictAskedDirectly).isTrue();
        assertThat(of("Leg het besluit uit aan mevrouw Smit.").verdictAskedDirectly).isFalse();
    }

    @Test
    void aNumberOnlyAPersonHasIdentifiesThatPersonWhateverItsForm() {
        assertThat(OnePerson.byNumber(PurposeTokens.fold("Chauffeur (sollicitatienr 2026-088) heeft een VOG nodig."))).isTrue();
        assertThat(OnePerson.byNumber(PurposeTokens.fold("dhr belde (kl.nr 21874) over de afspraak"))).isTrue();
        assertThat(OnePerson.byNumber(PurposeTokens.fold("Vergunning met zaaknummer 2026-088 is verleend."))).as("a case's number").isFalse();
        assertThat(OnePerson.byNumber(PurposeTokens.fold("Hoeveel klantnummers hebben we?"))).as("no number").isFalse();
    }

    @Test
    void aChoiceAmongACountedFewIsAVerdictOnThoseCases() {
        PurposeFactors which = of("Welke drie nodigen we uit voor een gesprek?");
        assertThat(which.verdictAsked).isTrue();
        assertThat(which.aboutCases).isTrue();
        PurposeFactors ofThe = of("Zeg eens, wie van de vijf zou jij laten afvallen?");
        assertThat(ofThe.verdictAsked).isTrue();
        assertThat(ofThe.aboutCases).isTrue();
        assertThat(of("Hoeveel van de vijf wethouders zijn er vandaag?").verdictAsked).as("no choice asked").isFalse();
    }

    @Test
    void aScorePerNameIsAboutThoseCasesAndASplitVerbAsksTheDecision() {
        assertThat(of("Geef per naam een score, de namen staan hierboven.").aboutCases).isTrue();
        assertThat(of("Keur je de aanvraag goed of af?").verdictAskedDirectly).isTrue();
        assertThat(of("Beslis graag. Aanvraag bijzondere bijstand, wasmachine.").verdictAskedDirectly).isTrue();
        assertThat(of("Zet in een nieuw tabblad iedereen die jij verdenkt van zwartwerk.").verdictAskedDirectly).isTrue();
    }

    @Test
    void theCouncilsFeesAreNotAboutCases() {
        assertThat(of("Zet de leges van dit jaar in een tabel.").notAboutCases).isTrue();
        assertThat(of("Zet de Wmo-tarieven in een tabel en zeg hoe verdacht deze klant is.").notAboutCases).as("rates are no policy cue").isFalse();
    }

    @Test
    void aTextAsksSomethingByAQuestionARequestWordOrAnAskingVerbNotAfterASubject() {
        assertThat(RequestAsked.of(PurposeTokens.fold("Wat kost een paspoort?"))).isTrue();
        assertThat(RequestAsked.of(PurposeTokens.fold("Graag een overzicht van de kosten."))).isTrue();
        assertThat(RequestAsked.of(PurposeTokens.fold("De cijfers staan hieronder. Maak er een tabel van."))).isTrue();
        assertThat(RequestAsked.of(PurposeTokens.fold("1. lees het verslag 2. geef een samenvatting"))).isTrue();
        assertThat(RequestAsked.of(PurposeTokens.fold("De leges zijn €134,- voor een paspoort; parkeren kost 22$ per uur."))).isFalse();
        assertThat(RequestAsked.of(PurposeTokens.fold("Sem vertelde het gisteren, maak hier een melding van"))).isTrue();
        assertThat(RequestAsked.of(PurposeTokens.fold("Het stadskantoor is dicht, ik maak een nieuwe afspraak."))).isFalse();
    }

    @Test
    void oneBarIsASeparatorNotATable() {
        // thirteenth round: a chat line "ik: ja ik vraag het de AI | tabel …" made the text show cases
        assertThat(of("ik vraag het de AI | maak een overzicht van de cijfers").aboutCases).isFalse();
        assertThat(of("| wijk | aantal |\n| Noord | 12 |").aboutCases).isTrue();
        assertThat(of("Noord|12|laag").aboutCases).isTrue();
    }

    @Test
    void anonymisedFiguresAndTheCouncilsInstrumentsAreNotAboutCases() {
        assertThat(of("Hier de geanonimiseerde cijfers per wijk, zeg welke wijk afwijkt.").notAboutCases).isTrue();
        assertThat(of("Maak van dit amendement een nette tekst voor de raad.").notAboutCases).isTrue();
        assertThat(of("Schrijf een motie over de wachttijden.").notAboutCases).isTrue();
        // a decision on an objection has a dictum too
        assertThat(of("Beslis op het bezwaar en formuleer het dictum.").notAboutCases).isFalse();
    }
}
