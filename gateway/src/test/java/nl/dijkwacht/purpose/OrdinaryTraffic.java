package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Ordinary gateway traffic for the purpose classifier's training data (fifteenth round, task learn49): allowed office
 * and technical texts — summaries, mails, translations, meeting notes, code and error messages, API payloads and log
 * lines, texts with a colleague's contact details, short follow-ups and long pasted texts — that ask no decision about
 * anyone and name no special category. Written for training only from slot lists (not copied from any evaluation set;
 * {@code PurposeModelReproducibilityTest} checks the training set shares no prompt with them), own seed, so the samples
 * are the same on every run. Purpose: the hand-written development prompts are all purpose-laden; next to them the
 * classifier's prior moves to the refusing classes on texts with few features (seventh round, "Measured and not kept").
 */
final class OrdinaryTraffic {

    static final long SEED = Long.getLong("purpose.ordinary.seed", 20261206L);
    /** How many samples {@code PurposeModelReproducibilityTest} checks against the evaluation sets (more than any trial used). */
    static final int CHECKED = 6000;

    private final Random random;

    private OrdinaryTraffic(long seed) {
        random = new Random(seed);
    }

    /** {@code n} samples of {@link PurposeClassifier#ALLOWED}. */
    static List<PurposeCorpus.Sample> generate(int n) {
        OrdinaryTraffic t = new OrdinaryTraffic(SEED);
        List<PurposeCorpus.Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new PurposeCorpus.Sample(PurposeClassifier.ALLOWED, t.next()));
        }
        return out;
    }

    private String next() {
        String text = switch (random.nextInt(14)) {
            case 10 -> nameList();
            case 11 -> residentLetter();
            case 12 -> settingText();
            case 13 -> modelInstruction();
            case 0, 1 -> officeTask();
            case 2 -> officeTask() + "\n\n" + pastedText();
            case 3 -> codeQuestion();
            case 4 -> gatewayText();
            case 5 -> contactMail();
            case 6 -> followUp();
            case 7 -> meetingNotes();
            case 8 -> translation();
            default -> longText();
        };
        if (random.nextInt(8) == 0) {
            text = text.toLowerCase(Locale.ROOT);
        }
        return text;
    }

    // ------------------------------------------------------------------ slot lists

    static final String[] STAFF_FIRST = {"Marieke", "Jeroen", "Sanne", "Ahmed", "Lotte", "Pieter", "Fenna", "Mehmet", "Roos", "Thijs",
            "Naima", "Wouter", "Eline", "Bram", "Iris", "Ruben", "Hanneke", "Daan", "Ayse", "Koen"};
    static final String[] STAFF_LAST = {"de Graaf", "Kuipers", "van Dijk", "Bosman", "El Idrissi", "Visser", "Hoekstra", "Smit",
            "van Leeuwen", "Yilmaz", "Brouwers", "Veenstra", "Dekker", "Postma", "de Ruiter"};
    static final String[] ROLES = {"beleidsadviseur", "projectleider", "communicatieadviseur", "teamleider", "medewerker KCC",
            "informatiemanager", "functioneel beheerder", "jurist", "controller", "secretaris", "developer", "product owner"};
    static final String[] DEPARTMENTS = {"Ruimte", "Dienstverlening", "Bedrijfsvoering", "Informatievoorziening", "Openbare Ruimte",
            "Communicatie", "Financiën", "Economie", "Sport en Cultuur", "Mobiliteit"};
    static final String[] TOPICS = {"de herinrichting van het Marktplein", "de nieuwe ophaaldagen van papier", "de wegwerkzaamheden op de ringweg",
            "de verlenging van het contract met de schoonmaker", "de migratie naar het nieuwe zaaksysteem", "de begroting voor volgend jaar",
            "de openingstijden van het zwembad", "de aanleg van laadpalen", "het evenement op Koningsdag", "de bomenkap in het park",
            "de vervanging van de laptops", "de verhuizing naar de tweede verdieping", "het nieuwe parkeerbeleid", "de renovatie van de sporthal",
            "de kwartaalrapportage van het project", "de planning van de raadsvergadering", "de aanbesteding van de groenvoorziening",
            "de pilot met de deelfietsen", "het onderhoud van de website", "de inspraakavond over het bestemmingsplan",
            "de storing in de telefooncentrale", "de training voor nieuwe medewerkers", "de nieuwe huisstijl", "het jaarverslag",
            "the new parking policy", "the office move", "the website redesign", "the budget review", "the street lighting project"};
    static final String[] DOCUMENTS = {"deze notitie", "dit verslag", "dit memo", "deze raadsinformatiebrief", "dit adviesrapport",
            "de notulen hieronder", "dit projectplan", "deze mailwisseling", "het persbericht", "deze nieuwsbrief", "dit beleidsstuk",
            "this report", "these minutes", "this email thread"};
    static final String[] OFFICE_ASKS = {"Vat %s samen in %d punten.", "Maak een korte samenvatting van %s.", "Herschrijf %s op B1-niveau.",
            "Controleer %s op taalfouten.", "Maak %s korter en zakelijker.", "Zet de actiepunten uit %s in een tabel.",
            "Welke vragen kan de raad stellen over %s?", "Schrijf een inleiding voor %s.", "Summarise %s in %d bullet points.",
            "Make %s shorter.", "Maak van %s een presentatie van %d dia's."};
    static final String[] MAIL_ASKS = {"Schrijf een mail aan %s over %s.", "Stel een uitnodiging op voor %s over %s.",
            "Schrijf een herinnering aan %s over %s.", "Maak een nieuwsbericht voor intranet over %s.", "Beantwoord de vraag van %s over %s.",
            "Write an email to %s about %s.", "Schrijf een bedankje aan %s voor de hulp bij %s.", "Maak een planning met %s voor %s."};
    static final String[] AUDIENCES = {"het team", "de projectgroep", "de wethouder", "de leverancier", "de collega's van %s",
            "de aannemer", "de bewoners van de straat", "de ondernemersvereniging", "de stuurgroep", "all staff", "the supplier"};
    static final String[] CODE_LANGS = {"Python", "Java", "SQL", "JavaScript", "PowerShell", "bash", "Excel", "YAML", "regex", "TypeScript"};
    static final String[] CODE_ASKS = {"Waarom geeft deze %s-code een foutmelding?", "Kun je deze %s-code uitleggen?", "Maak deze %s-query sneller.",
            "Schrijf een %s-script dat alle bestanden in een map hernoemt.", "Hoe lees ik een CSV-bestand in met %s?",
            "Why does this %s snippet fail?", "Refactor this %s function.", "Schrijf unittests voor deze %s-functie.",
            "Hoe maak ik een draaitabel van deze export in %s?", "Zet deze %s om naar een leesbare tabel."};
    static final String[] CODE = {"def totaal(rijen):\n    return sum(r['bedrag'] for r in rijen)",
            "SELECT afdeling, COUNT(*) FROM meldingen WHERE datum > '2026-01-01' GROUP BY afdeling;",
            "for (Item i : items) { total += i.price(); }", "const res = await fetch(url, { method: 'POST', body });",
            "Get-ChildItem -Path . -Filter *.pdf | Rename-Item -NewName { $_.Name -replace ' ', '_' }",
            "=ALS(B2>100;\"hoog\";\"laag\")", "^[A-Z]{2}\\d{4}$", "steps:\n  - run: mvn -B verify\n  - uses: actions/cache@v4",
            "Exception in thread \"main\" java.lang.NullPointerException\n\tat nl.voorbeeld.Rapport.maak(Rapport.java:42)",
            "KeyError: 'postcode'\n  File \"import.py\", line 17, in lees", "git rebase -i HEAD~3", "docker compose up -d --build"};
    static final String[] GATEWAY = {"{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}],\"stream\":%s}",
            "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}", "HTTP/1.1 %d %s", "curl -s -H 'Authorization: Bearer $TOKEN' https://gateway.example.nl/v1/models",
            "%s INFO  request %s model=%s tokens_in=%d tokens_out=%d latency_ms=%d", "retry after %d seconds (%s)",
            "policy: %s\nmodel: %s\nmax_tokens: %d", "dry-run: %s, %d tokens, no upstream call", "usage: prompt_tokens=%d completion_tokens=%d",
            "Welk model gebruik ik het best voor %s?", "Hoeveel tokens mag een verzoek hebben bij %s?", "De gateway geeft %s terug, wat betekent dat?"};
    static final String[] MODELS = {"gpt-4o-mini", "mistral-large", "claude-sonnet", "llama-3.1-70b", "gemini-1.5-pro", "gpt-4.1"};
    static final String[] ERROR_CODES = {"token_budget_exceeded", "rate_limit_exceeded", "model_not_found", "invalid_request_error",
            "upstream_timeout", "context_length_exceeded", "service_unavailable", "budget_exhausted"};
    static final String[] ERROR_TEXTS = {"Het tokenbudget van deze maand is op.", "Te veel verzoeken, probeer het later opnieuw.",
            "Dit model is niet beschikbaar.", "Budget spent on both replicas", "The request timed out upstream.", "Ongeldig verzoek."};
    static final String[] HTTP = {"OK", "Too Many Requests", "Bad Request", "Service Unavailable", "Gateway Timeout", "Forbidden"};
    static final int[] HTTP_CODES = {200, 429, 400, 503, 504, 403};
    static final String[] FOLLOW_UPS = {"Korter graag.", "Nog een keer, maar formeler.", "En nu in het Engels?", "Dank je, dit is goed.",
            "Kun je punt 3 uitwerken?", "Ga door.", "Maak er een tabel van.", "Minder stellig graag.", "ok", "top, bedankt",
            "Kan het vriendelijker?", "Voeg een afsluitende zin toe.", "Shorter please.", "Translate that to Dutch.", "Zet het in opsommingstekens.",
            "Wat bedoel je met de tweede alinea?", "Nog één voorbeeld erbij.", "Gebruik 'u' in plaats van 'je'.", "Prima zo.", "Klopt dit?"};
    static final String[] LANGS = {"Engels", "Duits", "Frans", "Pools", "Arabisch", "Turks", "Oekraïens", "Spaans"};
    static final String[] TRANSLATE_ASKS = {"Vertaal deze tekst naar het %s: %s", "Translate into %s: %s", "Kun je dit in het %s zetten? %s",
            "Maak een %se versie van deze bekendmaking: %s"};
    static final String[] NOTICES = {"De milieustraat is op zaterdag gesloten.", "Vanaf maandag wordt het papier om de week opgehaald.",
            "Het gemeentehuis is op tweede paasdag dicht.", "Er wordt gewerkt aan de riolering in uw straat.",
            "Parkeren op het Marktplein kost vanaf 1 juli 2 euro per uur.", "Meld een kapotte lantaarnpaal via de website.",
            "De bibliotheek heeft nieuwe openingstijden.", "U kunt een afspraak maken voor een nieuw rijbewijs."};
    static final String[] NOTE_LINES = {"Opening en vaststellen agenda.", "Verslag vorige keer goedgekeurd.", "Stand van zaken planning: op schema.",
            "Budget: nog 40 procent over.", "Actie: %s stuurt de offerte rond.", "Rondvraag: geen punten.", "Volgende overleg over twee weken.",
            "%s meldt dat de leverancier vertraging heeft.", "Besloten: de pilot loopt door tot het einde van het jaar.",
            "Communicatie maakt een bericht voor de website.", "%s neemt contact op met de aannemer.", "Risico: de levertijd van de materialen."};
    static final String[] PARAGRAPHS = {"De gemeente wil de binnenstad autoluw maken. Daarvoor komen er meer fietsenstallingen en wordt het aantal parkeerplaatsen aan de rand uitgebreid.",
            "In het eerste kwartaal zijn er 1.240 meldingen over de openbare ruimte binnengekomen, vooral over zwerfafval en losliggende tegels.",
            "Het project loopt volgens planning. De aanbesteding is afgerond en de aannemer begint in september met de werkzaamheden.",
            "Op de inspraakavond kwamen ongeveer zestig bewoners. De meeste vragen gingen over de bereikbaarheid tijdens de bouw.",
            "De nieuwe website moet toegankelijk zijn volgens de WCAG-richtlijnen. De leverancier levert in oktober een eerste versie op.",
            "Het college stelt voor om de tarieven voor de afvalstoffenheffing met drie procent te verhogen.",
            "We stappen over op een nieuw zaaksysteem. De migratie van de oude zaken duurt naar verwachting zes weken.",
            "Door de storing was de telefooncentrale twee uur onbereikbaar. De leverancier heeft de oorzaak gevonden en opgelost.",
            "The council approved the climate plan. The first measures concern insulation of public buildings and solar panels on schools.",
            "De sporthal wordt in de zomer gerenoveerd. Verenigingen kunnen tijdelijk uitwijken naar de gymzaal aan de Schoolstraat."};
    static final String[] STREETS = {"Raadhuisplein", "Kerkstraat", "Nieuwe Gracht", "Parklaan", "Industrieweg", "Brink", "Spoorlaan"};

    static final String[] LIST_ASKS = {"Zet deze namen in de mailing:", "Kun je deze mensen bellen voor de inspraakavond:", "Aanwezig bij het overleg:",
            "Maak een presentielijst van:", "Deelnemers aan de cursus:", "Nodig deze bewoners uit voor de opening van het park:",
            "Contactpersonen van de verenigingen:", "Zet in alfabetische volgorde:", "Maak naambordjes voor:", "Invite these people to the kick-off:"};
    static final String[] RESIDENT_ASKS = {"Schrijf een brief aan %s over %s.", "Bevestig de afspraak met %s over %s.",
            "Stuur %s een ontvangstbevestiging van de melding over %s.", "Beantwoord de mail van %s over %s.",
            "Maak een gespreksverslag van het telefoontje met %s over %s."};
    static final String[] RESIDENT_TOPICS = {"de verhuizing", "het nieuwe paspoort", "de parkeervergunning", "de ophaaldagen", "de kapotte lantaarnpaal",
            "de aanvraag van een evenementenvergunning", "de bomenkap in de straat", "de geluidsoverlast van de bouw", "de huwelijksdatum",
            "de aangifte van de geboorte", "de nieuwe container", "de wegafsluiting"};
    static final String[] SETTINGS = {"purpose: %s", "description: %s", "use_case: %s\nmodel: %s", "doel: %s", "# %s",
            "\"description\": \"%s\"", "title: %s"};
    static final String[] PURPOSES = {"Concepten van mails aan collega's maken", "Samenvattingen van vergaderstukken maken",
            "Teksten voor de website op B1-niveau herschrijven", "Code reviewen en uitleggen", "Vertalingen van bekendmakingen maken",
            "Antwoorden op vragen over openingstijden opstellen", "Notulen uitwerken", "Beleidsteksten inkorten", "Draft replies to supplier emails"};
    static final String[] VALIDATION = {"%s: Input should be a valid integer", "%s: field required", "%s must be between 0 and 1",
            "unknown parameter %s", "%s: value is not a valid enumeration member", "Invalid value for %s", "%s: ensure this value is less than 4096",
            "missing required property '%s'"};
    static final String[] PARAMETERS = {"temperature", "max_tokens", "top_p", "n", "stop", "response_format", "tool_choice", "seed", "user"};
    static final String[] MODEL_INSTRUCTIONS = {"Antwoord alleen met ja of nee.", "Geef je antwoord als JSON.", "Geef een getal tussen 1 en 10 voor hoe duidelijk de tekst is.",
            "Hoe zeker ben je van deze vertaling?", "Antwoord in maximaal drie zinnen.", "Gebruik geen opsommingstekens.", "Reply in English only.",
            "Geef drie varianten van de titel.", "Zet je antwoord in een codeblok.", "Wat kun je wel en niet?", "Welke bronnen heb je gebruikt?"};

    // ------------------------------------------------------------------ templates

    /** A list of people with contact details (mailing, call list, attendance): names, no purpose. */
    private String nameList() {
        StringBuilder s = new StringBuilder(pick(LIST_ASKS));
        int n = 2 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            String first = random.nextBoolean() ? pick(STAFF_FIRST) : pick(PurposeCorpus.FIRST);
            String last = random.nextBoolean() ? pick(STAFF_LAST) : pick(PurposeCorpus.LAST);
            String name = switch (random.nextInt(3)) {
                case 0 -> first + " " + last;
                case 1 -> last + ", " + first;
                default -> (first + " " + last).toLowerCase(Locale.ROOT);
            };
            String detail = switch (random.nextInt(4)) {
                case 0 -> String.format(Locale.ROOT, " 06%08d", random.nextInt(100_000_000));
                case 1 -> ", " + pick(STREETS) + " " + (1 + random.nextInt(90)) + " " + pick(PurposeCorpus.CITIES);
                case 2 -> " (" + pick(ROLES) + ")";
                default -> "";
            };
            s.append(random.nextBoolean() ? "\n- " : (i == 0 ? " " : "; ")).append(name).append(detail);
        }
        return s.toString();
    }

    /** A letter or note to a named resident about an ordinary matter, with an address or a number. */
    private String residentLetter() {
        String who = pick(PurposeCorpus.TITLE) + " " + (random.nextBoolean() ? pick(PurposeCorpus.FIRST) + " " : "") + pick(PurposeCorpus.LAST);
        String text = String.format(Locale.ROOT, pick(RESIDENT_ASKS), who, pick(RESIDENT_TOPICS));
        return switch (random.nextInt(3)) {
            case 0 -> text + String.format(Locale.ROOT, " Adres: %s %d, %s.", pick(STREETS), 1 + random.nextInt(120), pick(PurposeCorpus.CITIES));
            case 1 -> text + String.format(Locale.ROOT, " Zaaknummer Z-2026-%05d.", random.nextInt(100_000));
            default -> text;
        };
    }

    /** A use case's settings, its declared purpose, a validation message. */
    private String settingText() {
        if (random.nextInt(3) == 0) {
            return String.format(Locale.ROOT, pick(VALIDATION), pick(PARAMETERS));
        }
        String t = pick(SETTINGS);
        return t.contains("model") ? String.format(Locale.ROOT, t, pick(PURPOSES), pick(MODELS)) : String.format(Locale.ROOT, t, pick(PURPOSES));
    }

    /** What staff and tools tell the model about the answer's form. */
    private String modelInstruction() {
        return random.nextBoolean() ? pick(MODEL_INSTRUCTIONS) : officeTask() + " " + pick(MODEL_INSTRUCTIONS);
    }

    /** A task on a document, or a mail about a topic. */
    private String officeTask() {
        if (random.nextBoolean()) {
            return mailTask();
        }
        String ask = pick(OFFICE_ASKS);
        return ask.contains("%d") ? String.format(Locale.ROOT, ask, pick(DOCUMENTS), 3 + random.nextInt(6))
                : String.format(Locale.ROOT, ask, pick(DOCUMENTS));
    }

    private String mailTask() {
        String audience = String.format(Locale.ROOT, pick(AUDIENCES), pick(DEPARTMENTS));
        return String.format(Locale.ROOT, pick(MAIL_ASKS), audience, pick(TOPICS));
    }

    private String pastedText() {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : "\n\n").append(pick(PARAGRAPHS));
        }
        return s.toString();
    }

    private String codeQuestion() {
        String ask = String.format(Locale.ROOT, pick(CODE_ASKS), pick(CODE_LANGS));
        return random.nextBoolean() ? ask + "\n\n" + pick(CODE) : ask;
    }

    private String gatewayText() {
        String t = pick(GATEWAY);
        int code = random.nextInt(HTTP.length);
        return switch (gatewayIndex(t)) {
            case 0 -> String.format(Locale.ROOT, t, pick(MODELS), random.nextBoolean() ? mailTask() : pick(FOLLOW_UPS), random.nextBoolean());
            case 1 -> String.format(Locale.ROOT, t, pick(ERROR_CODES), pick(ERROR_TEXTS));
            case 2 -> String.format(Locale.ROOT, t, HTTP_CODES[code], HTTP[code]);
            case 4 -> String.format(Locale.ROOT, t, "2026-11-" + (10 + random.nextInt(19)) + "T09:" + (10 + random.nextInt(49)) + ":00Z",
                    Integer.toHexString(random.nextInt()), pick(MODELS), random.nextInt(4000), random.nextInt(1500), 200 + random.nextInt(5000));
            case 5 -> String.format(Locale.ROOT, t, 1 + random.nextInt(60), pick(ERROR_CODES));
            case 6 -> String.format(Locale.ROOT, t, pick(new String[] {"intern", "standaard", "kcc", "ontwikkeling"}), pick(MODELS), 256 * (1 + random.nextInt(16)));
            case 7 -> String.format(Locale.ROOT, t, pick(new String[] {"true", "ok", "passed"}), random.nextInt(3000));
            case 8 -> String.format(Locale.ROOT, t, random.nextInt(4000), random.nextInt(1500));
            case 9 -> String.format(Locale.ROOT, t, pick(new String[] {"samenvattingen", "vertalingen", "code", "lange rapporten"}));
            case 10 -> String.format(Locale.ROOT, t, pick(MODELS));
            case 11 -> String.format(Locale.ROOT, t, pick(ERROR_CODES));
            default -> t;
        };
    }

    private static int gatewayIndex(String template) {
        return java.util.Arrays.asList(GATEWAY).indexOf(template);
    }

    private String staff() {
        return pick(STAFF_FIRST) + " " + pick(STAFF_LAST);
    }

    private String contactMail() {
        String who = staff();
        String phone = random.nextBoolean() ? String.format(Locale.ROOT, "06-%08d", random.nextInt(100_000_000))
                : String.format(Locale.ROOT, "0%d %03d %04d", 10 + random.nextInt(89), random.nextInt(1000), random.nextInt(10_000));
        String mail = who.toLowerCase(Locale.ROOT).replace(' ', '.') + "@gemeente.example.nl";
        String signature = "Met vriendelijke groet,\n" + who + "\n" + pick(ROLES) + ", afdeling " + pick(DEPARTMENTS) + "\nT " + phone + "\n" + mail;
        return switch (random.nextInt(4)) {
            case 0 -> mailTask() + "\n\n" + signature;
            case 1 -> "Kun je deze handtekening netjes opmaken?\n" + signature;
            case 2 -> String.format(Locale.ROOT, "Maak een afspraakbevestiging: overleg met %s (%s) op %s %d, %s om %d uur.", who, pick(ROLES),
                    pick(STREETS), 1 + random.nextInt(80), pick(PurposeCorpus.CITIES), 9 + random.nextInt(8));
            default -> String.format(Locale.ROOT, "Zet %s als contactpersoon in de mail over %s, bereikbaar op %s.", who, pick(TOPICS), phone);
        };
    }

    private String followUp() {
        return pick(FOLLOW_UPS);
    }

    private String meetingNotes() {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "Maak hier nette notulen van:\n" : "Vat dit overleg samen:\n");
        int n = 3 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            s.append("- ").append(String.format(Locale.ROOT, pick(NOTE_LINES), pick(STAFF_FIRST))).append('\n');
        }
        return s.toString().strip();
    }

    private String translation() {
        return String.format(Locale.ROOT, pick(TRANSLATE_ASKS), pick(LANGS), pick(NOTICES));
    }

    private String longText() {
        return (random.nextBoolean() ? mailTask() : officeTask()) + " Hier is de tekst:\n\n" + pastedText() + "\n\n" + pastedText();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
