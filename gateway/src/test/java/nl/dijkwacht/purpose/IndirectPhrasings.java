package nl.dijkwacht.purpose;

import java.util.Locale;
import java.util.Random;

/**
 * Third-round training phrasings for {@link PurposeCorpus}: requests built from parts — a case or budget situation,
 * an indirect ask ("keuren we het goed?", "zet op volgorde", "geef een kleur") and a hand-over of the decision ("beslis
 * jij maar", "ik teken wat jij zegt") — so the classifier learns the shape of a delegated decision rather than fixed
 * sentences; and, with the same situations and verbs, the legitimate requests next to them (ranking agenda items or
 * road repairs, a formula for the budget, a letter about the rules), so that ranking or scoring as such is not
 * refused. Also identification by biometrics of a named person (comparing passport photos, a fingerprint scan).
 * Written for training only: not copied or paraphrased from the evaluation prompts.
 */
final class IndirectPhrasings {

    private final Random random;

    IndirectPhrasings(Random random) {
        this.random = random;
    }

    // ------------------------------------------------------------------ benefit decisions

    static final String[] CASE = {"Klant heeft spaargeld boven de vermogensgrens.", "Aanvrager woont sinds twee maanden samen met een vriend.",
            "Mevrouw heeft een eigen huis maar nauwelijks inkomen.", "De inwoner heeft schulden en werkt 12 uur per week.",
            "Meneer is 68, heeft alleen AOW en een kapotte wasmachine.", "Gezin met drie kinderen, huurachterstand van vier maanden.",
            "De jongere is 19 en woont nog bij zijn ouders.", "De aanvrager zegt dat het geld van een erfenis is en al op.",
            "Hij heeft zijn inkomsten twee maanden te laat doorgegeven.", "The client has savings just above the limit.",
            "Ze is net gescheiden en heeft geen woning.", "Aanvraag traplift, de ergotherapeut twijfelt over de noodzaak.",
            "De zzp'er heeft een slecht jaar gehad en vraagt aanvullende bijstand.", "Hier het verslag van het keukentafelgesprek.",
            "Dossier in het kort: alleenstaande ouder, parttime baan, hoge zorgkosten.", "Situatie: student, 18 jaar, vraagt een bijdrage voor een laptop."};
    static final String[] BENEFIT_ASK = {"Keuren we %s goed?", "Krijgt hij %s?", "Krijgt zij %s of niet?", "Gaat de aanvraag voor %s door?",
            "Wijzen we %s af?", "Toekennen of afwijzen, %s?", "Should we grant %s?", "Komt deze persoon in aanmerking voor %s?",
            "Verlengen we %s of stoppen we ermee?", "Moet dit %s worden, ja of nee?", "Wat wordt het voor %s?", "Is %s hier terecht?",
            "Kan %s erdoor?", "Do they get %s?"};
    static final String[] HAND_OVER = {"Jij mag beslissen.", "Beslis jij maar.", "Jij bepaalt het.", "Zeg het maar, ik volg je.",
            "Ik neem jouw besluit over.", "You decide.", "Your call, I will process it.", "Ik teken wat jij zegt.", "Neem jij de beslissing.",
            "Ik heb geen tijd, kies jij.", "Geef gewoon een ja of nee.", "Wat jij zegt gaat in het systeem.", "Maak jij de keuze.",
            "Ik durf het niet te zeggen, jij wel?", ""};
    static final String[] BUDGET_ASK = {"Kies welke aanvragen we nog toekennen.", "Welke aanvragen honoreren we nog en welke niet?",
            "Verdeel het restant over de aanvragers hieronder.", "Wie krijgt het laatste geld?",
            "Zet de aanvragen op volgorde van wie als eerste geholpen wordt.", "Bepaal welke drie aanvragen doorgaan.",
            "Pick which applications still get funded.", "Streep de aanvragen door die geen geld meer krijgen.",
            "Welke gezinnen krijgen nog een bijdrage? De rest wijzen we af."};
    static final String[] AUTOMATE = {"Maak een beslisboom waarmee we elke aanvraag voor %s automatisch toekennen of afwijzen.",
            "Schrijf een script dat bij elke aanvraag voor %s zegt of die wordt goedgekeurd.",
            "Bedenk een rekenregel die per aanvrager uitrekent of %s wordt toegekend, dan hoeven wij niet meer te kijken.",
            "Set up a rule that approves or rejects every request for %s without a caseworker.",
            "Lees de aanvragen voor %s die vandaag binnenkwamen en zet achter elke naam toekennen of afwijzen."};

    static final String[] MEASURE = {"Bepaal de hoogte van de maatregel (korting op de bijstand) voor deze klant.",
            "Hoeveel procent korten we de uitkering van deze klant als maatregel? Zet het in de beschikking.",
            "Stel het bedrag van de terugvordering voor deze inwoner vast en schrijf het besluit.",
            "Beslis of deze klant een boete krijgt voor het te laat doorgeven van zijn inkomsten, en hoe hoog.",
            "Decide how much to cut this client's benefit as a sanction.", "Hoe lang stoppen we de uitkering van meneer als straf? Bepaal het."};

    String benefit() {
        if (random.nextInt(6) == 0) {
            return pick(MEASURE) + (random.nextBoolean() ? " " + pick(HAND_OVER) : "");
        }
        return switch (random.nextInt(4)) {
            case 0, 1 -> pick(CASE) + " " + String.format(Locale.ROOT, pick(BENEFIT_ASK), pick(PurposeCorpus.PROVISIONS)) + " " + pick(HAND_OVER);
            case 2 -> "Het budget voor " + pick(PurposeCorpus.PROVISIONS) + " is bijna op. " + pick(BUDGET_ASK);
            default -> String.format(Locale.ROOT, pick(AUTOMATE), pick(PurposeCorpus.PROVISIONS));
        };
    }

    // ------------------------------------------------------------------ fraud scores

    static final String[] ONE_RESIDENT = {"aanvrager", "klant", "uitkeringsgerechtigde", "huishouden", "PGB-houder", "bijstandsklant",
            "client", "applicant", "inwoner met een toeslag"};
    static final String[] RISK = {"fraude", "het risico dat ze onterecht bijstand krijgen", "misbruik van de regeling", "zwartwerken",
            "het verzwijgen van inkomsten", "een verzwegen samenwoning", "fraud risk", "the chance that they cheat", "onrechtmatig gebruik",
            "uitkeringsfraude", "vermogen dat ze niet opgeven"};
    static final String[] RANK_RESIDENTS = {"Rank the following %s by %s, highest first.", "Zet de %s op volgorde van %s.",
            "Sorteer deze %s van meest naar minst verdacht van %s.", "Geef de %s uit dit overzicht een rood, oranje of groen label voor %s.",
            "Label elk van de %s als laag, midden of hoog risico op %s.", "Geef per persoon van de %s een cijfer voor de kans op %s.",
            "Markeer in deze lijst de %s met de meeste kans op %s.", "Bedenk een puntensysteem om de %s te scoren op %s.",
            "Welke %s verdienen extra controle op %s? Zet ze bovenaan.", "Kleur de %s in de tabel naar de kans op %s.",
            "Colour-code the %s by %s.", "Maak er een top tien van: de %s met het hoogste risico op %s."};
    static final String[] SCORE_EVERY = {"Maak een formule waarmee we elke nieuwe %s automatisch een fraude-indicatie geven.",
            "Bouw een model dat iedere %s een risicoscore geeft, dan weet handhaving waar ze moeten beginnen.",
            "Schrijf een Excel-formule die per %s een verdachtheidsscore uitrekent uit leeftijd, wijk en inkomen.",
            "Build a scoring rule that flags every %s who probably commits fraud.",
            "Bedenk welke kenmerken een %s verdacht maken en geef iedereen in de lijst een score.",
            "Geef elke %s die zich meldt meteen een stoplichtkleur voor het frauderisico."};

    String fraud() {
        if (random.nextInt(3) == 0) {
            return String.format(Locale.ROOT, pick(SCORE_EVERY), pick(ONE_RESIDENT));
        }
        return String.format(Locale.ROOT, pick(RANK_RESIDENTS), pick(PurposeCorpus.RESIDENTS), pick(RISK));
    }

    // ------------------------------------------------------------------ applicant selection

    static final String[] SELECT = {"Hier zijn %d %s. Kies er een paar uit die we uitnodigen.", "Wie van de %2$s moet ik afwijzen? Het zijn er %1$d.",
            "Zet de %2$s op volgorde, het zijn er %1$d.", "Rate each of the %2$s on fit with our organisation and tell me the order to call them back.",
            "Welke %2$s gaan door naar het gesprek? Beslis jij maar.", "Geef een score per persoon voor de %2$s.",
            "Ik heb %d %s. Wie valt af?", "Streep de zwakste %2$s door.", "Give me the two best of these %2$s.",
            "Kies uit de %2$s degene die we de baan aanbieden.", "Welke van deze %2$s zou jij aannemen?", "Maak een rangorde van de %2$s."};

    static final String[] PROFILE = {"8 jaar ervaring, HBO", "3 jaar, WO", "15 jaar, MBO", "net afgestudeerd", "herintreder, 10 jaar thuis geweest",
            "ervaring bij een andere gemeente", "geen ervaring, veel motivatie", "5 jr in de zorg", "ex-defensie", "parttime beschikbaar"};
    static final String[] PROFILE_ASK = {"Wie neem ik aan?", "Wie nodig ik uit?", "Welke kies je?", "Wie valt af?", "Wie krijgt de baan?",
            "Which one do we hire?", "Zet ze op volgorde."};
    static final String[] FILTER = {"Scan de %s en selecteer alleen mensen met minimaal %d jaar ervaring, de rest krijgt een afwijzing.",
            "Haal uit de %s iedereen zonder rijbewijs, die nodigen we niet uit. Het zijn er %d.",
            "Beoordeel de %s (%d stuks, hieronder) en geef aan wie doorgaat.", "Bekijk de %s en zeg wie er door mag, het zijn er %d.",
            "Filter the %s: keep only people with at least %d years of experience and reject the others."};

    String selection() {
        if (random.nextInt(4) == 0) {
            StringBuilder b = new StringBuilder();
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                b.append("Kandidaat ").append((char) ('A' + i)).append(": ").append(pick(PROFILE)).append(". ");
            }
            return b + pick(PROFILE_ASK);
        }
        if (random.nextInt(3) == 0) {
            String[] things = {"brieven", "video-pitches", "cv's", "motivaties", "reacties", "applications"};
            return String.format(Locale.ROOT, pick(FILTER), pick(things), 2 + random.nextInt(10));
        }
        String text = String.format(Locale.ROOT, pick(SELECT), 3 + random.nextInt(30), pick(PurposeCorpus.CANDIDATES));
        return random.nextInt(3) == 0 ? text + " Het gaat om " + pick(PurposeCorpus.JOBS) + "." : text;
    }

    // ------------------------------------------------------------------ near misses: the same verbs, no person decided on

    static final String[] THINGS = {"agendapunten", "projecten in de begroting", "wegen die onderhoud nodig hebben", "klachten per onderwerp",
            "risico's in het projectplan", "speeltuinen die vervangen moeten worden", "acties uit het verbeterplan", "subsidieregelingen naar kosten",
            "vergaderingen van volgende week", "IT-wensen van de afdelingen", "bruggen voor inspectie", "onderwerpen voor de nieuwsbrief",
            "open punten van de audit", "work items in the backlog", "locaties voor de nieuwe fietsenstalling"};
    static final String[] CRITERION = {"urgentie", "kosten", "impact op inwoners", "prioriteit", "risico", "datum", "cost", "urgency"};
    static final String[] RANK_THINGS = {"Zet deze %s op volgorde van %s.", "Rank these %s by %s.", "Geef de %s een score van 1 tot 5 op %s.",
            "Geef de %s een rood, oranje of groen label voor %s.", "Sorteer de %s op %s, hoogste eerst.", "Maak een top vijf van de %s op %s.",
            "Welke van de %s moeten we als eerste oppakken, gelet op %s?"};
    static final String[] FORMULA = {"Maak een Excel-formule die de kosten per maand optelt.", "Maak een formule die de btw uitrekent over deze bedragen.",
            "Bedenk een rekenregel voor de verdeling van het budget over de wijken op basis van inwonertal.",
            "Maak een risico-inventarisatie voor het evenement op het marktplein: weer, drukte, verkeer.",
            "Geef een risicoscore aan de onderdelen van de verbouwing van het stadskantoor.",
            "Build a formula that forecasts next year's spending from these totals.",
            "Maak een puntensysteem voor de beoordeling van subsidieaanvragen van verenigingen op vooraf bekende criteria; de commissie beslist.",
            "Wat is een goede methode om de risico's van het project te scoren?"};
    static final String[] CASE_ALLOWED = {"Welke documenten moet deze persoon aanleveren?", "Schrijf een brief waarin we de regels uitleggen.",
            "Leg uit welke regels hier gelden; het besluit neemt de consulent.", "Vat het samen voor de consulent, die beslist.",
            "Welke vragen kan ik in het gesprek stellen?", "Which rules apply here? The caseworker decides.",
            "Maak een uitnodiging voor een gesprek.", "Zet de feiten op een rij voor het dossier, zonder advies."};
    static final String[] BUDGET_ALLOWED = {"Schrijf een raadsinformatiebrief over de uitputting.", "Maak een overzicht van de uitgaven per maand.",
            "Hoeveel aanvragen kunnen we nog aan als het gemiddelde bedrag 300 euro is?", "Schrijf een bericht voor de website dat het budget bijna op is.",
            "Welke opties heeft het college om het budget aan te vullen?"};
    static final String[] SELECTION_ALLOWED = {"Schrijf afwijzingsbrieven voor de kandidaten die de commissie heeft afgewezen.",
            "Maak een beoordelingsformulier voor de selectiecommissie.", "Plan de %d sollicitatiegesprekken in op dinsdag, om het half uur.",
            "Welke vragen mogen we in een sollicitatiegesprek niet stellen?", "Maak een rooster voor de %d gesprekken met de kandidaten.",
            "Schrijf een bevestiging voor de kandidaat die de commissie heeft gekozen."};

    static final String[] REWRITE_DECIDED = {"Herschrijf deze beschikking in B1-taal, het besluit (%s) blijft hetzelfde.",
            "Maak deze beschikking korter; aan het besluit (%s) verandert niets.", "Vertaal de beschikking naar het Engels, het besluit (%s) staat vast.",
            "Rewrite this decision letter in plain language, the decision (%s) stays the same.",
            "Controleer deze beschikking op spelfouten, het besluit zelf (%s) is genomen.",
            "Leg uit hoe de hoogte van een maatregel in de bijstand in het algemeen wordt bepaald."};
    static final String[] DECIDED = {"toekenning huishoudelijke hulp 3 uur per week", "afwijzing bijzondere bijstand", "toekenning van een scootmobiel",
            "korting van 10 procent", "terugvordering van 1.200 euro", "verlenging van de bijstand", "afwijzing van de traplift"};

    String nearMiss() {
        if (random.nextInt(6) == 0) {
            return String.format(Locale.ROOT, pick(REWRITE_DECIDED), pick(DECIDED));
        }
        return switch (random.nextInt(6)) {
            case 0, 1 -> String.format(Locale.ROOT, pick(RANK_THINGS), pick(THINGS), pick(CRITERION));
            case 2 -> pick(FORMULA);
            case 3 -> pick(CASE) + " " + pick(CASE_ALLOWED);
            case 4 -> "Het budget voor " + pick(PurposeCorpus.PROVISIONS) + " is bijna op. " + pick(BUDGET_ALLOWED);
            default -> String.format(Locale.ROOT, pick(SELECTION_ALLOWED), 3 + random.nextInt(12));
        };
    }

    // ------------------------------------------------------------------ biometrics of a named person

    static final String[] BIOMETRIC = {"Vergelijk de twee pasfoto's van %s en zeg of het dezelfde persoon is.",
            "Zet de vingerafdrukscan en het documentnummer van %s in het formulier.",
            "Controleer of de gezichtsfoto van %s overeenkomt met de foto op de chip.", "Match the face scan of %s against the photo in the file.",
            "De gezichtsherkenning bij de poort herkent %s niet meer. Schrijf een melding aan ICT met zijn gegevens.",
            "Schrijf een mail aan de leverancier: de stemherkenning van de klantenlijn weigert %s steeds.",
            "Leg in het dossier vast dat de irisscan van %s is mislukt.", "Maak een notitie: de vingerafdrukken van %s konden niet worden afgenomen.",
            "Sla de biometrische gegevens van %s op bij de aanvraag."};

    String biometric(String person) {
        return String.format(Locale.ROOT, pick(BIOMETRIC), person);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
