package nl.dijkwacht.purpose;

import java.util.Locale;
import java.util.Random;

/**
 * Fourth-round training text for {@link PurposeCorpus}: the same six categories in staff voices and shapes the earlier
 * templates lacked — rows of a table pasted on one line ("naam | leeftijd | inkomen || …"), numbered task lists in which
 * the forbidden act is one step, a case note followed by a yes/no verdict question, build-then-apply requests ("maak
 * een puntentelling en pas hem toe"), conditional drafting ("klopt het niet, schrijf dan de afwijzing"), English mixed
 * in; and beside them the legitimate work with the same shapes (a table of figures to total or chart, a task list
 * without a decision on a person, fraud policy and its legal limits, the difference between two legal documents).
 * Persons appear with initials ("R. Pinas", "Sanne K.") as in case notes. Written for training only: not copied or
 * paraphrased from the evaluation prompts.
 */
final class StaffVoices {

    private final Random random;

    StaffVoices(Random random) {
        this.random = random;
    }

    // ------------------------------------------------------------------ persons and rows

    private String initialName() {
        return switch (random.nextInt(4)) {
            case 0 -> initial() + ". " + pick(PurposeCorpus.LAST);
            case 1 -> pick(PurposeCorpus.FIRST) + " " + initial() + ".";
            case 2 -> initial() + "." + initial() + ". " + pick(PurposeCorpus.LAST);
            default -> pick(PurposeCorpus.TITLE) + " " + initial() + ". " + pick(PurposeCorpus.LAST);
        };
    }

    private char initial() {
        return (char) ('A' + random.nextInt(26));
    }

    private int number(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** A table of persons pasted on one line: header, then two to five rows. */
    private String personTable(String[] header, java.util.function.Supplier<String> cells) {
        StringBuilder t = new StringBuilder(String.join(" | ", header));
        int rows = number(2, 5);
        for (int r = 0; r < rows; r++) {
            t.append(" || ").append(initialName()).append(" | ").append(cells.get());
        }
        return t.toString();
    }

    private String incomeRow() {
        return number(19, 67) + " | " + number(1, 9) + " | " + number(900, 1700) + "," + number(10, 99);
    }

    private String candidateRow() {
        return pick(new String[] {"MBO 4", "HBO", "WO", "HBO bestuurskunde", "WO rechten", "MBO 3"}) + " | " + number(0, 15) + " | "
                + pick(new String[] {"ja", "nee"});
    }

    private String residentRow() {
        return number(1, 12) + " | " + pick(new String[] {"ja", "nee"}) + " | " + number(0, 6);
    }

    // ------------------------------------------------------------------ forbidden: benefit decisions

    static final String[] BENEFIT_TABLE_ASK = {"schrijf achter elke naam goedkeuren of niet",
            "geef per aanvrager aan of de bijzondere bijstand doorgaat", "welke van deze aanvragen keuren we goed? alleen namen",
            "mark each row approve or reject", "vul de kolom besluit in (ja/nee)", "beslis per persoon: wel of geen toeslag",
            "streep door wie geen individuele inkomenstoeslag krijgt"};
    static final String[] BENEFIT_VERDICT = {"Heeft deze klant recht op bijstand, ja of nee?", "Is deze aanvraag voor bijzondere bijstand terecht?",
            "Klopt het dat we deze Wmo-aanvraag moeten afwijzen? Zeg gewoon ja of nee.", "Does this person qualify for the allowance? Yes or no.",
            "Houden we de indicatie zoals hij is of gaat hij omlaag? Kies jij.", "Toekennen of niet? Eén woord graag.",
            "Mag deze inwoner de voorziening houden? Jouw oordeel is leidend."};
    static final String[] BENEFIT_CONDITIONAL = {"Zo ja, maak de toekenning; zo nee, stel meteen de afwijzing op.",
            "Als het niet klopt, schrijf dan direct de afwijzingsbrief.", "If it does not qualify, draft the rejection right away.",
            "Bij twijfel: afwijzen en de brief klaarzetten."};
    static final String[] BENEFIT_NOTE = {"Aanvrager %d jaar, staat ingeschreven op het adres van een vriendin, meldt zelf een eigen kamer te huren.",
            "Klant %d jaar, eigen bedrijf gestopt, spaargeld onbekend, partner werkt parttime.",
            "Client aged %d, moved in with a friend last month, income unclear.",
            "Heronderzoek begeleiding, inwoner %d jaar, gaat sinds kort zelfstandig naar het dagcentrum.",
            "Inwoner %d jaar vraagt een scootmobiel, loopt volgens de buren prima naar de supermarkt."};
    static final String[] BENEFIT_STEPS = {"1. vat de aanvraag samen 2. bepaal of er recht is op de uitkering 3. schrijf de brief",
            "- lees het dossier\n- kies: toekennen of afwijzen\n- maak de beschikking klaar",
            "Stappen: samenvatting, dan jouw besluit over de Wmo-voorziening, dan een mail aan de inwoner.",
            "First summarise, then decide if the benefit is granted, then write the letter in Dutch."};

    String benefit() {
        return switch (random.nextInt(5)) {
            case 0 -> "export zaaksysteem " + pick(new String[] {"bijzondere bijstand", "IIT", "kwijtschelding", "Wmo"})
                    + " " + number(1, 28) + "-" + number(1, 12) + " | " + personTable(new String[] {"naam", "leeftijd", "jaren op minimum", "inkomen"},
                    this::incomeRow) + " -- " + pick(BENEFIT_TABLE_ASK);
            case 1 -> String.format(Locale.ROOT, pick(BENEFIT_NOTE), number(19, 88)) + " " + pick(BENEFIT_VERDICT);
            case 2 -> pick(BENEFIT_VERDICT) + " " + pick(BENEFIT_CONDITIONAL) + " " + String.format(Locale.ROOT, pick(BENEFIT_NOTE), number(19, 88));
            case 3 -> pick(BENEFIT_STEPS) + " Dossier: " + initialName() + ", " + String.format(Locale.ROOT, pick(BENEFIT_NOTE), number(19, 88));
            default -> "Jij bent vandaag de " + pick(new String[] {"klantmanager", "Wmo-consulent", "beslisser", "case manager"})
                    + ". " + String.format(Locale.ROOT, pick(BENEFIT_NOTE), number(19, 88)) + " " + pick(BENEFIT_VERDICT);
        };
    }

    // ------------------------------------------------------------------ forbidden: applicant selection

    static final String[] JOBS = {"beleidsadviseur sociaal domein", "medewerker Vergunningen", "projectleider Omgevingswet", "boa",
            "teamleider KCC", "jurist bezwaar", "data-analist", "medewerker burgerzaken", "case manager schulden"};
    static final String[] SELECTION_TABLE_ASK = {"wie nodigen we uit? max 2", "zet ze op volgorde, de onderste twee krijgen een afwijzing",
            "who should we hire?", "kies de beste kandidaat voor de functie", "geef elke kandidaat een cijfer en zeg wie door mag",
            "welke kandidaat valt af?"};
    static final String[] SELECTION_APPLY = {"Stel een beoordelingsschema op voor %s, reken het uit voor iedereen die reageerde en stuur wie lager dan %d heeft een afwijzing.",
            "Bedenk een scorekaart voor %s, scoor daarmee de %d brieven in de bijlage en zeg wie we uitnodigen.",
            "Write a scoring rubric for the %s vacancy, apply it to the %d applicants below and tell me who to reject.",
            "Stel criteria op voor %s en gebruik ze meteen om de %d cv's te schiften."};
    static final String[] SELECTION_ENGLISH = {"Attached are the applications for the %s job. Grade them and tell me which person we should appoint (%d applied).",
            "Read these CVs for %s and give me the top %d to interview.", "Which of these applicants for %s should we drop? We have %d interview slots.",
            "rate the candidates for %s 1-10 and pick one, we need to decide today (%d applied)"};
    static final String[] SELECTION_STEPS = {"1. lees de sollicitaties voor %s 2. kies de %d beste 3. schrijf de afwijzingsmails voor de rest",
            "- samenvatting per kandidaat (%s)\n- jouw keuze wie door mag (%d plekken)\n- uitnodiging opstellen",
            "Graag in drie stappen: profielschets %s, dan selecteer jij de %d kandidaten die we spreken, dan de planning."};

    String selection() {
        String job = pick(JOBS);
        int k = number(2, 25);
        return switch (random.nextInt(4)) {
            case 0 -> personTable(new String[] {"sollicitant", "diploma", "ervaring (jr)", "per direct"}, this::candidateRow)
                    + " -- " + pick(SELECTION_TABLE_ASK);
            case 1 -> String.format(Locale.ROOT, pick(SELECTION_APPLY), job, k);
            case 2 -> String.format(Locale.ROOT, pick(SELECTION_ENGLISH), job, k);
            default -> String.format(Locale.ROOT, pick(SELECTION_STEPS), job, k);
        };
    }

    // ------------------------------------------------------------------ forbidden: fraud scores

    static final String[] FRAUD_NOTE = {"Klant %d heeft een tweede bankrekening, %d stortingen in contanten dit jaar.",
            "Inwoner %d heeft %d keer contant huur betaald en meldde een reis naar het buitenland.",
            "Client %d, %d bank transfers from abroad, lives alone according to the register.",
            "Dossier %d: %d meldingen van buren over een extra bewoner, energieverbruik hoog."};
    static final String[] FRAUD_VERDICT = {"Zit hier fraude achter? Ja of nee, met je zekerheid in procenten.", "Schat in hoe waarschijnlijk het is dat deze klant fraudeert.",
            "Is this fraud? Give a probability.", "Fraudeert deze persoon? Jouw inschatting in één woord.",
            "Geef een risicoscore van 1 tot 10 voor deze klant.", "Moeten we hier een fraudeonderzoek op zetten? Oordeel jij maar."};
    static final String[] FRAUD_TABLE_ASK = {"markeer wie waarschijnlijk fraudeert", "geef elke regel een risicoscore",
            "sorteer op kans op fraude, hoogste bovenaan", "flag the likely fraudsters", "wie moeten we als eerste controleren op misbruik?"};
    static final String[] FRAUD_APPLY = {"Ontwerp een rekenmodel dat %s op fraudekans beoordeelt en draai het op de %d rijen uit de export.",
            "Maak een formule die per huishouden met %s een fraudekans geeft, en reken hem uit voor de %d dossiers.",
            "Build a risk model for %s and run it on the %d records I paste below.",
            "Orden deze %s van meest naar minst verdacht (%d stuks)."};

    String fraud() {
        String who = pick(new String[] {"bijstandsgerechtigden", "aanvragers van kwijtschelding", "ondernemers met een Tozo-terugvordering",
                "pgb-houders", "klanten in de bijstand", "huishoudens met een toeslag"});
        return switch (random.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, pick(FRAUD_NOTE), number(10000, 99999), number(2, 30)) + " " + pick(FRAUD_VERDICT);
            case 1 -> personTable(new String[] {"naam", "maanden in bijstand", "buitenlandreis", "meldingen"}, this::residentRow)
                    + " -- " + pick(FRAUD_TABLE_ASK);
            case 2 -> String.format(Locale.ROOT, pick(FRAUD_APPLY), who, number(5, 200));
            default -> "Notitie van het huisbezoek: '" + String.format(Locale.ROOT, pick(FRAUD_NOTE), number(10000, 99999), number(2, 30))
                    + "' " + pick(FRAUD_VERDICT);
        };
    }

    // ------------------------------------------------------------------ allowed: the same shapes, no decision on a person

    static final String[] FIGURES_ASK = {"maak hier een staafdiagram van", "tel de totalen per kolom op", "zet dit om in een nette tabel voor de raadsbrief",
            "schrijf twee zinnen toelichting bij deze cijfers", "make a chart of this for the newsletter", "bereken het gemiddelde per kwartaal"};
    static final String[] POLICY_FRAUD = {"Onze gemeente stopt met het risicomodel voor rechtmatigheid. Schrijf de raadsinformatiebrief die uitlegt waarom.",
            "Op welke gronden mag een onderzoek naar de rechtmatigheid van een uitkering starten? Alleen de regels, het gaat niet om een klant.",
            "Schrijf een notitie over waarom we geen algoritme inzetten om bijstandsfraude te voorspellen.",
            "What are the legal limits on using data analysis for benefit fraud checks? For a policy memo, no individual cases.",
            "Maak een factsheet over hoe vaak terugvorderingen voorkomen, per jaar, zonder namen.",
            "Welke lessen trekken we uit de toeslagenaffaire voor onze eigen controles? Voor het MT.",
            "Hoe richten we een steekproef op rechtmatigheid in zonder te discrimineren? Uitleg voor het team.",
            "Welke eisen stelt de AI Act aan hoog-risicosystemen bij uitkeringen? Voor de beleidsnotitie; wij gebruiken er geen.",
            "Help me met de DPIA-paragraaf over ons handhavingsbeleid: welke risico's noemen we?",
            "Schrijf een uitleg voor de website hoe wij fraudesignalen onderzoeken en welke rechten inwoners hebben."};
    static final String[] TASK_STEPS = {"1. vat het dossier samen 2. zet de afspraken op een rij 3. schrijf de mail aan de inwoner",
            "- lees de beschikking (besluit al genomen)\n- leg het in B1 uit\n- maak een korte brief",
            "First summarise the application, then list which documents are still missing, then draft a friendly reminder.",
            "Stappen: samenvatting van de sollicitatieprocedure, de planning van de gesprekken, en een uitnodigingstekst. De commissie kiest zelf."};
    static final String[] ROW_ASK = {"zet de namen op alfabet en maak er een adreslijst van", "maak van deze regels een nette tabel, verder niets",
            "tel hoeveel mensen per leeftijdsgroep", "check de spelling van de namen", "maak per regel een herinnering voor de ontbrekende stukken"};

    String allowed() {
        return switch (random.nextInt(5)) {
            case 0 -> "Aanvragen per maand | jan " + number(20, 90) + " | feb " + number(20, 90) + " | mrt " + number(20, 90) + " | toegekend "
                    + number(40, 80) + "% -- " + pick(FIGURES_ASK);
            case 1 -> pick(POLICY_FRAUD);
            case 2 -> pick(TASK_STEPS);
            case 3 -> personTable(new String[] {"naam", "leeftijd", "wijk", "afspraak"},
                    () -> number(19, 80) + " | " + pick(PurposeCorpus.STREETS) + " | " + number(1, 28) + " mei") + " -- " + pick(ROW_ASK);
            default -> "Jij bent " + pick(new String[] {"communicatieadviseur", "jurist", "trainer Participatiewet", "beleidsmedewerker"})
                    + ". " + pick(POLICY_FRAUD);
        };
    }

    // ------------------------------------------------------------------ special categories

    static final String[] NOTE_FACT = {"suikerziekte, spuit insuline, kwam twee keer niet door een opname", "werkstraf na een inbraak, bekend bij de wijkagent",
            "Afghaanse achtergrond, tolk nodig bij gesprekken", "lid van de FNV, wil een adviseur meenemen", "heeft depressie, in behandeling bij de GGZ",
            "Eritrese achtergrond, net gezinshereniging", "insulin-dependent, missed two check-ups", "on probation after a conviction",
            "stemprofiel opgeslagen om hem aan de telefoon te herkennen", "gezichtsfoto komt niet overeen met het paspoort",
            "bekeerd tot de islam, wil geen afspraken op vrijdag", "actief voor de SP in de gemeenteraad", "lesbisch, voelt zich onveilig in de wijk",
            "uit detentie, reclasseringstoezicht loopt nog"};
    static final String[] NOTE_ASK = {"Vat dit dossier samen voor het overleg:", "Please tidy up this case note:",
            "maak hier een nette notitie van:", "Zet dit in het verslag van het MDO:", "herschrijf voor de overdracht:"};
    static final String[] COLLEAGUE_LIST_ASK = {"Zet in het overzicht voor de OR-verkiezing wie FNV-lid is: %s, %s, %s.",
            "Maak een overzicht voor het MT van wie er ziek is: %s (burn-out), %s (hernia), %s (zwanger).",
            "Notulen: %s, %s en %s zijn lid van de ondernemingsraad namens het CNV. Maak er een nette lijst van."};

    String personal() {
        return switch (random.nextInt(3)) {
            case 0 -> pick(NOTE_ASK) + " '" + pick(new String[] {"client", "klant", "cliënt", "inwoner"}) + " " + initialName() + ", "
                    + number(15, 85) + ", " + pick(NOTE_FACT) + "'";
            case 1 -> String.format(Locale.ROOT, pick(COLLEAGUE_LIST_ASK), initialName(), initialName(), initialName());
            default -> "Schrijf voor de wijkcoach op wat we weten van de familie " + pick(PurposeCorpus.LAST) + " ("
                    + pick(PurposeCorpus.STREETS) + "): " + pick(NOTE_FACT) + ", " + number(1, 6) + " kinderen";
        };
    }

    static final String[] TOPIC_FAQ = {"Hoe vraagt een vrijwilliger een VOG aan en wat wordt er gecontroleerd? Tekst voor de website.",
            "Wat is het verschil tussen een strafbeschikking en een veroordeling? Uitleg voor de website.",
            "Leg uit wanneer een gemeente biometrische gegevens mag verwerken, voor de intranetpagina.",
            "Wat betekent bijzondere persoonsgegevens in de AVG? Drie voorbeelden, geen echte personen.",
            "Hoeveel inwoners hebben diabetes volgens de GGD-monitor? Schrijf een alinea voor de gezondheidsnota.",
            "Welke regels gelden voor vakbondsverlof van ambtenaren? Kort overzicht.",
            "Maak een quiz over de Wet justitiële en strafvorderlijke gegevens voor de training.",
            "How long does a conviction stay in the judicial records? Short answer for the volunteers' page."};

    String topic() {
        return pick(TOPIC_FAQ);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
