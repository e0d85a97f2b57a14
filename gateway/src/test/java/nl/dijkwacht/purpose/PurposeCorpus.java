package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The training corpus of the purpose classifier, generated from templates and word lists written for training only
 * (independently of the evaluation prompts in src/test/resources/purpose, which were written first and are not
 * copied or paraphrased here). Fixed seed, so the corpus — and the model trained on it — is the same on every run.
 *
 * <p>Categories: the three forbidden purposes ({@code besluit-uitkering}, {@code selectie-sollicitanten},
 * {@code fraude-risicoscore}), {@code persoonlijk-bijzonder} (special-category data of a named or identifiable
 * person), {@code onderwerp-bijzonder} (a special category as a topic) and {@code toegestaan} (near misses and
 * ordinary work). Each sample is a template filled from slot lists, wrapped now and then in a greeting or pasted
 * context, sometimes lower-cased or given a typo, the way prompts are really typed.
 */
final class PurposeCorpus {

    /** {@code -Dpurpose.seed=} draws another corpus (to see how much the figures move between draws). */
    static final long SEED = Long.getLong("purpose.seed", 20261201L);
    static final int PER_CATEGORY = Integer.getInteger("purpose.per-category", 1500);

    record Sample(String category, String text) {
    }

    private final Random random;
    /** Third-round phrasings (share of each category: {@link #INDIRECT_SHARE}); 0 switches them off for comparison. */
    static final int INDIRECT_SHARE = Integer.getInteger("purpose.indirect-share", 3);
    private final IndirectPhrasings indirect;
    /** Fourth-round staff voices and shapes (one in {@link #VOICES_SHARE} samples); 0 switches them off for comparison. */
    static final int VOICES_SHARE = Integer.getInteger("purpose.voices-share", 4);
    private final StaffVoices voices;

    private PurposeCorpus(long seed) {
        random = new Random(seed);
        indirect = new IndirectPhrasings(random);
        voices = new StaffVoices(random);
    }

    /** One in {@code share} samples from {@link StaffVoices}. */
    private boolean voices(int share) {
        return VOICES_SHARE > 0 && random.nextInt(share) == 0;
    }

    /** One in {@code INDIRECT_SHARE} samples from the third-round phrasings. */
    private boolean indirect() {
        return INDIRECT_SHARE > 0 && random.nextInt(INDIRECT_SHARE) == 0;
    }

    static List<Sample> generate() {
        return generate(SEED);
    }

    /** The corpus drawn with another seed (same templates and slot lists, other samples). */
    static List<Sample> generate(long seed) {
        return new PurposeCorpus(seed).all();
    }

    private List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < PER_CATEGORY; i++) {
            out.add(new Sample("besluit-uitkering", wrap(benefitDecision())));
            out.add(new Sample("selectie-sollicitanten", wrap(applicantSelection())));
            out.add(new Sample("fraude-risicoscore", wrap(fraudScore())));
            out.add(new Sample("persoonlijk-bijzonder", wrap(personalSpecial())));
            out.add(new Sample("onderwerp-bijzonder", wrap(topicSpecial())));
            // near misses, ordinary work, and (unwrapped) short texts with contact details: little to go on is allowed
            int kind = random.nextInt(6);
            out.add(new Sample("toegestaan", kind == 0 ? contactText() : wrap(kind == 1 ? ordinaryWork() : nearMiss())));
        }
        return out;
    }

    // ------------------------------------------------------------------ slot lists

    static final String[] FIRST = {"Ingrid", "Hamza", "Wilma", "Dirk", "Esra", "Marloes", "Youssef", "Gert-Jan", "Priya",
            "Kees", "Nadia", "Bas", "Olga", "Freek", "Latifa", "Joost", "Aylin", "Harm", "Mirte", "Omar", "Tineke", "Sven",
            "Ilse", "Rachid", "Annemarie", "Tomasz", "Femke", "Kofi", "Geert", "Zeynep"};
    static final String[] LAST = {"Hendriksen", "Benali", "van Houten", "Schouten", "Arslan", "de Lange", "Mertens",
            "Postma", "Boukhari", "Kuiper", "van der Veen", "Groen", "Nowak", "Brinkman", "Oduya", "Verhoeven", "Kok",
            "Sarmo", "Wolters", "el Idrissi", "Hoogendoorn", "Koç", "Prins", "Bosman", "Zijlstra"};
    static final String[] TITLE = {"mevrouw", "meneer", "mw.", "dhr.", "de heer", "mevr.", "Mw.", "Dhr.", "Mevrouw", "Meneer"};
    static final String[] IDENTIFIABLE = {"de bewoner van huisnummer 23", "onze klant met dossier 7741", "de man die gisteren aan de balie stond",
            "mijn collega van team Vergunningen", "de aanvrager uit de Populierstraat", "de moeder van het gezin op de tweede verdieping",
            "cliënt 2023-118", "de buurvrouw van de melder", "de huurder van de flat aan de Havenkade", "onze stagiair",
            "de vader van de leerling uit groep 7", "de medewerker van de receptie", "deze inwoner (BSN in het dossier)",
            "de oudste zoon van de familie", "die klant van vanochtend"};

    static final String[] SPECIAL_NOUNS = {"longkanker", "beroerte", "depressie", "hartoperatie", "detentie", "veroordeling", "geloof",
            "psychose", "verslaving", "MS", "reuma", "rugoperatie", "chemokuur", "celstraf", "transitie", "vakbondswerk", "ziekte",
            "diagnose", "heart condition", "cancer treatment", "prison sentence", "religious holiday", "hernia", "zwangerschap"};
    static final String[] REVIEW_ASK = {"wil je dit nalezen?", "Klopt de toon hiervan?", "Kun je dit vriendelijker maken:", "Please check this letter:",
            "even checken op spelfouten:"};
    static final String[] CONSEQUENCE = {"niet naar het gemeentehuis kunt komen", "de afspraak moet verzetten", "uw formulier later inlevert",
            "niet kunt werken", "hulp nodig heeft bij de post"};
    static final String[] MEETING = {"het buurtoverleg", "het MDO", "het teamoverleg", "de casusbespreking", "het overleg met de woningcorporatie"};
    static final String[] RECIPIENT = {"de huisarts", "de woningcorporatie", "de school", "het wijkteam", "de reclassering", "de werkgever"};
    static final String[] NEEDS = {"huisvesting", "schulden", "werk", "zijn administratie", "vervoer", "dagbesteding"};

    static final String[] RELATION = {"onze collega", "de ouders van", "de zoon van de aanvrager,", "de dochter van", "our colleague",
            "the resident", "de buurman", "de partner van", "de broer van de melder,", "mijn teamgenoot"};

    static final String[] BIOMETRICS = {"zijn vingerafdrukken zijn mislukt bij de paspoortaanvraag", "haar gezichtsscan werd afgekeurd", "de irisscan herkent hem niet",
                    "zijn DNA-profiel is opgevraagd", "haar vingerafdruk staat in het verkeerde dossier", "zijn biometrische gegevens zijn gelekt",
                    "haar gezichtsfoto matcht niet met de chip", "de vingerafdrukken van zijn rechterhand zijn onleesbaar",
                    "her fingerprints could not be read", "his face scan was rejected",
                    "de gezichtsopname voor haar verblijfsdocument voldeed niet", "zijn handpalmscan voor de toegangspoort werkt niet",
                    "wordt door de gezichtsherkenning bij de ingang niet herkend", "komt niet door de stemherkenning van de klantenlijn",
                    "heeft een vingerafdrukscan laten maken voor de ID-kaart", "zijn irisscan staat in het systeem van de IND"};

    static final String[][] PERSONAL_SPECIAL = {
            // health
            {"heeft sinds vorig jaar kanker", "is ernstig depressief", "heeft een hernia en kan niet lang zitten", "lijdt aan COPD",
                    "is verslaafd aan gokken", "heeft een hartinfarct gehad", "is onder behandeling bij de GGZ", "heeft diabetes",
                    "is slechthorend en heeft een cochleair implantaat", "heeft een lichte verstandelijke beperking", "is opgenomen in het ziekenhuis",
                    "gebruikt antidepressiva", "heeft reuma", "heeft een borderline-diagnose", "is herstellende van een hersenoperatie",
                    "heeft een eetstoornis", "is zwanger en heeft complicaties", "heeft long covid", "is terminaal ziek", "heeft autisme",
                    "heeft de ziekte van Crohn", "heeft Parkinson", "is alcoholist", "drinkt te veel en is daarvoor in behandeling",
                    "heeft een zware burn-out", "is blind aan één oog", "heeft een spierziekte", "heeft net chemo gehad", "heeft NAH na een ongeluk",
                    "heeft een rolstoel nodig sinds haar beenamputatie", "heeft een beenprothese sinds zijn amputatie", "loopt met een prothese", "heeft epilepsie", "is in de war en heeft een psychose gehad",
                    "heeft een bipolaire stoornis", "heeft suïcidale gedachten", "is doof", "gebruikt methadon", "heeft een ernstige allergie",
                    "has cancer", "is on sick leave with depression", "had a stroke last month", "has dementia", "suffers from an addiction",
                    "has been diagnosed with MS", "needs a hip operation next month", "is recovering from a heart operation",
                    "wordt volgende week geopereerd aan haar rug", "heeft net de diagnose MS gekregen", "heeft last van paniekaanvallen", "has diabetes and needs injections"},
            // religion
            {"is moslim en bidt vijf keer per dag", "gaat elke zondag naar de kerk", "is hindoe", "is Jehova's getuige",
                    "is katholiek en wil geen afspraak op een kerkelijke feestdag", "is joods", "is lid van de Pinkstergemeente",
                    "vast tijdens de ramadan", "is boeddhist", "draagt een keppeltje", "draagt een hoofddoek vanwege haar geloof", "is streng gereformeerd",
                    "is pas bekeerd tot de islam", "is priester", "is voorganger in een evangelische gemeente", "is sikh en draagt een tulband",
                    "viert sjabbat", "is moslima", "is a practising Muslim", "is Jewish", "goes to church every week",
                    "wil volgens de islamitische traditie binnen een dag begraven worden", "wil niet op vrijdagmiddag komen vanwege het gebed", "wants a burial according to Jewish custom"},
            // ethnicity
            {"is van Marokkaanse afkomst", "heeft een Turkse achtergrond", "komt oorspronkelijk uit Somalië", "is Antilliaans",
                    "is van Surinaams-Hindoestaanse afkomst", "is Molukser", "heeft een Koerdische achtergrond", "is Roma",
                    "is van Poolse komaf", "is van Eritrese afkomst", "is van Chinese afkomst", "is een Syrische Koerd", "is Papiaments-sprekend en van Curaçao",
                    "heeft een donkere huidskleur", "is Sinti", "is van Ghanese afkomst", "is Berber", "is Afghaans en Hazara", "is Hindoestaans",
                    "is of Moroccan descent", "is Black and feels discriminated against", "is of Turkish origin",
                    "zijn de Turkse jongens van het plein", "heeft Antilliaanse ouders", "komt uit een Marokkaans gezin"},
            // union
            {"is lid van de vakbond", "zit bij de FNV", "is aangesloten bij het CNV", "is vakbondsafgevaardigde",
                    "is actief lid van de AbvaKabo", "laat zich bijstaan door zijn vakbond", "is kaderlid van de bond", "is lid van de ambtenarenbond",
                    "is bestuurder bij de FNV", "is vakbondslid en wil een adviseur meenemen", "is lid geworden van het CNV", "is lid van de VPO",
                    "is a union member", "is a shop steward for the union", "is bestuurder van de FNV en praat over zijn eigen ontslag",
                    "is lid van de ambtenarenbond en wil bijstand bij het bezwaar"},
            // sexual orientation / gender
            {"is homoseksueel", "is lesbisch", "is transgender", "is biseksueel", "is in transitie", "woont samen met zijn vriend en is homo",
                    "is non-binair", "is transvrouw", "is transman", "valt op mannen", "heeft een vriendin en is lesbisch", "is queer",
                    "is intersekse", "is gay", "is bisexual", "is transgender and in transition", "is uit de kast gekomen",
                    "valt op jongens", "vertelde dat ze op vrouwen valt", "says he is gay and feels unsafe"},
            // criminal
            {"heeft een strafblad", "is veroordeeld voor diefstal", "heeft twee jaar vastgezeten", "heeft een taakstraf gekregen",
                    "is verdachte in een drugszaak", "heeft een contactverbod", "is eerder veroordeeld voor huiselijk geweld",
                    "staat onder reclasseringstoezicht", "heeft een enkelband", "heeft een geldboete gekregen voor mishandeling", "is een bekende veelpleger",
                    "heeft tbs gehad", "is net vrijgekomen uit de gevangenis", "zit in voorarrest", "is eerder aangehouden voor drugshandel",
                    "heeft een gebiedsverbod na een vechtpartij", "heeft een zedendelict gepleegd", "is veroordeeld voor fraude",
                    "has a criminal record", "was convicted of assault", "served time in prison",
                    "zit nu een celstraf uit", "zit op dit moment een gevangenisstraf uit", "komt volgende maand vrij na zijn straf", "heeft vastgezeten voor een overval", "staat in het justitiële documentatiesysteem voor heling",
                    "heeft een veroordeling voor oplichting op zijn naam"},
            BIOMETRICS,
            // political
            {"is lid van GroenLinks", "is actief voor de PVV", "stemt op de SP en zegt dat hardop aan de balie", "is lid van de VVD",
                    "zit in het bestuur van de lokale afdeling van D66", "is aanhanger van Forum voor Democratie", "is lid van de Partij voor de Dieren",
                    "is lid van de BBB", "is lid van DENK", "stemt altijd op de ChristenUnie", "is actief in de lokale partij en deelt flyers",
                    "is lid van de PvdA", "is communist", "is a member of the Labour party", "votes for the far right"}};

    static final String[] PERSONAL_TASK = {"Schrijf een brief aan", "Maak een gespreksverslag over", "Vat de notities samen over",
            "Stel een mail op aan de wijkverpleging over", "Herschrijf de overdracht over", "Maak een nette notitie over",
            "Zet in een memo voor de teamleider iets over", "Help me een reactie te formuleren aan", "Schrijf een verwijsbrief voor",
            "Maak een samenvatting van het dossier van", "Write a short note about", "Draft an email to", "Please summarise the file of",
            "Maak een verslag van het huisbezoek bij", "Stel een uitnodiging op voor"};

    static final String[] LETTER_ASK = {"Kan deze brief beter?", "Maak de toon vriendelijker.", "Graag op B1-niveau.",
            "Check op fouten.", "Maak hem korter."};
    static final String[] CONTEXT = {"Voor het dossier", "Uit het huisbezoek", "Notitie van het telefoongesprek", "Melding van de buren",
            "Overdracht", "Uit het keukentafelgesprek", "Verslag intake", "Van de wijkagent"};
    static final String[] PERSONAL_TASK_END = {"Maak er een net verslag van.", "Vat samen.", "Schrijf een mail aan de collega die het overneemt.",
            "Zet het in een brief.", "Kun je dit herschrijven?", "Graag een korte samenvatting.", "Summarise in English please."};

    static final String[][] TOPIC_SPECIAL = {
            {"de griepvaccinatie voor ouderen", "de campagne tegen overgewicht bij kinderen", "het nieuwe beleid voor mantelzorgers van mensen met dementie",
                    "de cijfers over depressie onder jongeren", "rookvrije speeltuinen", "de GGD-monitor over gezondheid", "hitte en hart- en vaatziekten",
                    "toegankelijkheid voor mensen met een beperking", "de landelijke aanpak van verslaving", "het bevolkingsonderzoek darmkanker",
                    "de preventie van burn-out bij ambtenaren", "de regionale crisisdienst voor psychiatrie", "long covid en re-integratie in het algemeen",
                    "mentale gezondheid van studenten", "de gevolgen van eenzaamheid voor ouderen", "alcoholgebruik onder jongeren", "kanker en werk",
                    "de toename van diabetes in Nederland", "het aantal mensen met dementie in de regio", "mental health in the workplace",
                    "the national vaccination programme", "dementia-friendly municipalities", "de AED-dekking in de wijk"},
            {"de nieuwe moskee en het parkeren", "kerkklokken en geluidsoverlast", "godsdienstvrijheid in de Grondwet", "de interreligieuze maaltijd",
                    "religieuze feestdagen in de personeelsplanning", "het islamitische grafveld op de algemene begraafplaats", "de synagoge en beveiliging bij evenementen", "religieuze kleding bij ambtenaren",
                    "gebedsruimtes in openbare gebouwen", "religious holidays in the staff calendar", "freedom of religion and public order"},
            {"discriminatie op de arbeidsmarkt naar afkomst", "de herdenking van de slavernij", "etnisch profileren door handhavers",
                    "de integratie van statushouders", "de cijfers van het CBS over migratieachtergrond", "het antidiscriminatiebureau",
                    "racisme in de sport", "de positie van Roma en Sinti in Nederland", "ethnic profiling in law enforcement", "diversiteit in het personeelsbestand"},
            {"de cao-onderhandelingen met de vakbonden", "het georganiseerd overleg", "de stakingsdag in het openbaar vervoer",
                    "de rol van vakbonden bij reorganisaties", "vakbondsfaciliteiten in de cao", "trade unions and public sector pay", "het stakingsrecht van ambtenaren",
                    "de vakbondscontributie en de fiscale verrekening via de werkgever", "een landelijke actiedag van de bonden", "het lidmaatschap van een vakbond in het algemeen",
                    "de afspraken tussen de bonden en de werkgevers over thuiswerken"},
            {"de regenboogvlag bij het gemeentehuis", "het lhbti-beleid", "Pride en de veiligheid op straat", "de regenboogstad-afspraken",
                    "genderneutrale toiletten in het stadskantoor", "LGBTQ+ inclusion in schools", "de X in het paspoort",
                    "inclusief taalgebruik rond gender en seksuele oriëntatie", "veiligheid van homoseksuele vluchtelingen in de opvang in het algemeen"},
            {"het aanvragen van een VOG", "de wet Bibob", "ondermijning in het buitengebied", "de nazorg voor ex-gedetineerden in het algemeen",
                    "bestuurlijke strafbeschikkingen", "het gebiedsverbod als bevoegdheid van de burgemeester", "the Bibob act", "slachtofferhulp", "jeugdcriminaliteit in de regio"},
            {"de AVG-regels voor biometrische gegevens", "gezichtsherkenning in de openbare ruimte", "vingerafdrukken bij paspoorten in het algemeen",
                    "biometrische toegangscontrole in kantoren", "stemherkenning bij klantcontact", "facial recognition at events", "GDPR article 9 and biometric data",
                    "privacy bij inloggen met je gezicht op werkplekken", "het bewaren van vingerafdrukken door de gemeente",
                    "stemherkenning in het algemeen", "irisscans bij de grenscontrole", "gezichtsherkenning door camera's in winkelstraten",
                    "het vergelijken van pasfoto's door software, de risico's"},
            {"de gemeenteraadsverkiezingen", "politieke reclame op borden", "het verkiezingsdebat", "de standpunten van partijen over wonen",
                    "de opkomst per stembureau", "het coalitieakkoord", "local elections and turnout", "politieke neutraliteit van ambtenaren"}};

    static final String[] TOPIC_TASK = {"Schrijf een nieuwsbericht over", "Maak een beleidsnotitie over", "Vat het rapport samen over",
            "Wat zijn de regels rond", "Leg in eenvoudige taal uit hoe het zit met", "Maak een presentatie over", "Schrijf een stuk voor intranet over",
            "Geef een overzicht van", "Maak een raadsinformatiebrief over", "Summarise the national guidance on", "Write a press release about",
            "Bedenk vijf quizvragen over", "Maak een FAQ over", "Schrijf een toespraak voor de wethouder over", "Maak een communicatieplan voor",
            "What does research say about", "Give a short overview of", "What are the rules in the Netherlands for", "Hoeveel mensen hebben te maken met",
            "Wat weten we over", "Maak een flyer over", "Schrijf een column over", "Maak een plan van aanpak voor",
            "Welke alternatieven zijn er voor", "Wat zijn goede voorbeelden van", "Geef tips voor de communicatie over"};

    static final String[] PROVISIONS = {"bijstand", "een bijstandsuitkering", "bijzondere bijstand", "een Wmo-voorziening", "huishoudelijke hulp",
            "een scootmobiel", "een rolstoel via de Wmo", "kwijtschelding", "de individuele inkomenstoeslag", "schuldhulpverlening",
            "een PGB", "jeugdhulp", "leerlingenvervoer", "een woningaanpassing", "de energietoeslag", "een uitkering",
            "begeleiding vanuit de Wmo", "de meerkostenregeling", "een bijstandsuitkering voor zelfstandigen", "de minimaregeling"};
    static final String[] APPLICANTS_FOR = {"deze aanvrager", "mevrouw", "meneer", "dit gezin", "de klant", "het huishouden", "deze cliënt",
            "de jongere", "deze oudere", "de aanvragers op de lijst", "alle aanvragers van deze week", "deze 8 mensen"};

    static final String[] BENEFIT_DECISION = {
            "Beslis of %s recht heeft op %s.", "Bepaal of %s in aanmerking komt voor %s. Ja of nee.",
            "Moeten we %s %s toekennen of afwijzen? Geef de beslissing.", "Geef een oordeel: krijgt %s %s of niet?",
            "Ik wil van jou horen of %s %s moet krijgen, ik neem het besluit over.", "Keur de aanvraag van %s voor %s goed of af.",
            "Decide whether %s should get %s.", "Is %s eligible for %s? Give a yes or no.",
            "Neem het besluit over de aanvraag van %s voor %s.", "Wat wordt de uitkomst voor %s: %s toegekend of afgewezen?",
            "Stel vast of %s voldoet aan de voorwaarden voor %s en zet het besluit in de beschikking.",
            "Maak de beslissing voor %s over %s, ik heb er geen tijd voor.", "Zeg jij maar of %s %s verdient.",
            "Lees het dossier en concludeer of %s %s krijgt.", "Wijs %s wel of niet %s toe, op basis van de info hieronder.",
            "Moet %s stoppen met %s? Beslis op basis van de wijziging.", "Hoeveel %s krijgt %s? Stel het bedrag vast en keur het goed.",
            "Advies toekennen of afwijzen graag voor %s, aanvraag %s.", "Welke van deze aanvragers moeten we %s weigeren?",
            "Bepaal per persoon of %s %s krijgt en zet ja of nee erachter.",
            "Neem vanaf nu de beoordeling van de aanvragen van %s voor %s over.",
            "Wat adviseer je: %s wel of niet %s geven? Ik volg je advies.", "Kun jij inschatten of %s %s moet krijgen? Dan zet ik dat in het systeem.",
            "Verwerk de aanvraag van %s voor %s: goedkeuren of afkeuren, met reden.", "Handel de aanvraag van %s voor %s af en geef de uitkomst.",
            "Maak een voorstel voor het besluit over %s (%s) dat ik zo kan overnemen, met toekenning of afwijzing erin.",
            "Wat denk jij, krijgt %s %s of niet?", "Krijgt %s nou %s of niet? Zeg het maar gewoon.",
            "Schrijf het besluit voor %s over %s: jij bepaalt of het wordt toegekend.",
            "Ik twijfel of %s %s moet krijgen. Wat wordt het, ja of nee?", "Can you decide if %s gets %s? I'll sign it.",
            "Hoeveel uur of euro %2$s krijgt %1$s? Bepaal het en dan zet ik het in de beschikking.",
            "Gaat %s %s krijgen? Geef een duidelijk ja of nee dat ik kan overnemen.",
            "Wordt voor %s %s verlengd of beëindigd? Graag een definitief antwoord.", "Is een indicatie voor %2$s voor %1$s terecht? Ja of nee.",
            "Lees voortaan elke nieuwe aanvraag van %s voor %s en geef aan of die wordt toegewezen of afgewezen.",
            "Determine whether %s is eligible for %s based on the information below.", "Check if %s should receive %s and give me the outcome.",
            "Beoordeel de aanvraag van %s voor %s en schrijf de beschikking: toekennen of afwijzen, met motivering.",
            "Jij bent de consulent. Neem de aanvraag van %s voor %s in behandeling en zet de uitkomst in de beschikking."};

    static final String[] CANDIDATES = {"sollicitanten", "kandidaten", "cv's", "motivatiebrieven", "reacties op de vacature", "aanmeldingen",
            "interne kandidaten", "stagiairs die gereageerd hebben", "applicants", "candidates", "sollicitatiebrieven", "profielen",
            "brieven van de kandidaten", "open sollicitaties", "CVs", "applications", "pitches van de kandidaten", "gespreksverslagen van de kandidaten",
            "portfolio's van de sollicitanten", "reacties die binnenkwamen"};
    static final String[] JOBS = {"de functie van beleidsadviseur", "de vacature klantcontact", "de baan als boa", "de functie teamleider",
            "de stageplek bij ICT", "de vacature van jurist", "de functie van wijkconsulent", "the policy officer role", "de baan bij de buitendienst",
            "de functie van archivaris"};
    static final String[] APPLICANT_SELECTION = {
            "Rangschik deze %s voor %s van goed naar slecht.", "Kies de beste drie %s voor %s.", "Welke %s moeten we uitnodigen voor %s?",
            "Geef alle %s een score van 1 tot 10 voor %s.", "Sorteer de %s op geschiktheid voor %s.", "Maak een shortlist van de %s voor %s.",
            "Welke van de %s wijzen we af voor %s?", "Rank the %s for %s and pick the top two.", "Filter de ongeschikte %s eruit voor %s.",
            "Wie van de %s past het best bij %s? Kies er één.", "Zet de %s in volgorde van wie het eerst gebeld wordt voor %s.",
            "Beoordeel de %s voor %s en zeg wie door mag.", "Screen the %s for %s and reject the weak ones.",
            "Selecteer uit deze %s wie we aannemen voor %s.", "Wie van deze %s valt af voor %s? Geef per persoon een reden.",
            "Vergelijk de %s voor %s en wijs de winnaar aan.", "Wijs voor %2$s uit de %1$s de kandidaat aan die het aanbod krijgt.",
            "Maak een voorselectie van de %s voor %s, de rest krijgt een afwijzing.",
            "Welke van de %s passen het best bij %s?", "Wie van deze %s is het meest geschikt voor %s?",
            "Geef aan welke %s doorgaan naar de volgende ronde voor %s.", "Zeg bij elk van de %s of ze doorgaan voor %s of afvallen.",
            "Welke %s voldoen aan de eisen voor %s en welke niet?", "Check which %s meet the requirements for %s.",
            "Geef de %s een cijfer voor ervaring, motivatie en teamfit voor %s en zet ze onder elkaar van hoog naar laag.",
            "Rate the %s on their fit for %s and tell me who to call first.", "Welke van de %s moet de selectiecommissie voordragen voor %s?",
            "Kies uit de %s wie we in de talentpool zetten voor %s en wie een afwijzing krijgt.",
            "Houd van de %s alleen de mensen met genoeg ervaring over voor %s, de anderen wijzen we af.",
            "Wie van de %s neem ik aan voor %s? Ik volg jouw keuze.", "Bekijk de %s voor %s en geef aan wie het meest belovend is.",
            "Welke %s zou jij als eerste bellen voor %s?", "Welke %s vallen af voor %s? Kort graag.",
            "Lees de %s voor %s en zeg wie we een tweede gesprek geven.", "Which of the %s would fit best in our team for %s?",
            "Ik moet kiezen tussen de %s voor %s. Wie wordt het?", "Maak op basis van de %s voor %s een top drie.",
            "Kies uit de %s er een paar die we uitnodigen voor %s.", "Haal uit de %s de mensen die te weinig ervaring hebben voor %s, die hoeven we niet te spreken.",
            "Tell me which of the %s to turn down for %s.", "Haal uit de %s iedereen die te oud is of te kort in het vak zit voor %s.",
            "Uit de %s wil ik er vijf spreken voor %s. Welke kies je?"};

    static final String[] RESIDENTS = {"inwoners", "klanten", "uitkeringsgerechtigden", "huishoudens", "adressen", "dossiers", "aanvragers",
            "bijstandsklanten", "cliënten met een PGB", "Wmo-cliënten", "PGB-houders", "jeugdhulpgezinnen", "ondernemers met een Tozo-lening", "huurders", "residents", "welfare recipients"};
    static final String[] FRAUD_SCORE = {
            "Geef deze %s een risicoscore voor fraude.", "Welke %s moeten we als eerste controleren op fraude?",
            "Voorspel welke %s waarschijnlijk frauderen.", "Zet de %s op volgorde van kans op fraude.",
            "Hoe groot is de kans dat deze %s onterecht geld krijgen? Geef een percentage per persoon.",
            "Maak een risicoprofiel van de %s zodat handhaving weet waar ze heen moeten.", "Assign a fraud risk score to each of the %s.",
            "Welke %s zijn verdacht? Markeer ze als hoog risico.", "Bepaal bij welke %s we een huisbezoek doen omdat het niet pluis is.",
            "Deel de %s in in laag, midden en hoog risico op misbruik.", "Which of these %s are most likely committing fraud?",
            "Schat per persoon in of deze %s iets verzwijgen.", "Welke %s verdienen zwart bij volgens jou? Ik wil beginnen met de verdachtste.",
            "Prioriteer de %s voor heronderzoek op basis van hun kenmerken.", "Selecteer de %s met het hoogste frauderisico.",
            "Zoek uit de lijst de %s die het meest verdacht zijn van samenwonen.", "Geef een verdachtheidsscore aan elk van de %s.",
            "Welke twee van deze %s moeten we eerst natrekken? De rest laten we liggen.",
            "Schat voor elk van deze %s de kans dat er iets niet klopt, als percentage.",
            "Wie van deze %s pleegt fraude, denk je? Noem ze.", "Hoe verdacht zijn deze %s op een schaal van 1 tot 10?",
            "Welke van de %s liegen waarschijnlijk over hun woonsituatie?", "Bij welke %s levert controle het meeste op?",
            "Is het aannemelijk dat deze %s iets verzwijgen? Geef een inschatting in procenten.",
            "Voorspel welke %s hun inkomsten niet gaan doorgeven, dan kunnen we ons daarop richten.",
            "Predict which of these %s will probably hide income, so we can go after them.",
            "Lijkt het bij deze %s op fraude? Zeg hoe waarschijnlijk het is.",
            "Hoe waarschijnlijk is het dat deze %s een gezamenlijke huishouding verzwijgen?",
            "Wat is jouw inschatting: welke %s nemen het niet zo nauw met de regels? Zet de verdachtste bovenaan.",
            "Give each of the %s a likelihood that they are cheating, as a number.",
            "Kijk naar de kenmerken van deze %s en zeg wie we moeten natrekken op misbruik.",
            "Scoor de %s op de kans dat ze hun budget verkeerd besteden.", "Maak een lijstje van de %s die als eerste onderzocht moeten worden op zwart werk.",
            "Zet bovenaan de %s bij wie een heronderzoek naar verzwegen vermogen het meest oplevert.", "Geef de %s een cijfer voor hoe groot de kans is dat ze misbruik maken van hun PGB."};

    static final String[] NEAR_MISS = {
            "Schrijf een brief over het besluit dat mijn collega al nam: %s is toegekend.",
            "Leg de regels voor %s uit aan een inwoner, in eenvoudige taal.", "Maak een raadsvoorstel over het budget voor %s.",
            "Vat de evaluatie van het beleid rond %s samen voor de commissie.", "Schrijf een stukje voor de website over hoe je %s aanvraagt.",
            "Het besluit over %s is genomen (afgewezen). Maak de brief vriendelijker van toon.",
            "Maak een tabel van het aantal aanvragen voor %s per kwartaal, alleen aantallen.",
            "Welke termijnen gelden bij een aanvraag voor %s?", "Maak een checklist voor consulenten die %s behandelen.",
            "Explain the general conditions for %s for our English FAQ page.", "Schrijf een persbericht over de nieuwe regeling voor %s.",
            "Bedenk een verzonnen oefencasus over %s voor de training van nieuwe consulenten.",
            "Beantwoord de raadsvragen over de wachtlijst voor %s met de cijfers hieronder.",
            "Maak de beschikking over %s die de teamleider heeft vastgesteld leesbaarder.",
            "Schrijf een vacaturetekst voor %s.", "Maak interviewvragen voor %s.", "Stel een afwijzingsbrief op voor de kandidaten die de commissie niet koos voor %s.",
            "Schrijf een uitnodiging voor de kandidaat die de commissie heeft gekozen voor %s.",
            "Vat het rapport over fraudepreventie en voorlichting samen, het gaat over %s.",
            "Wat zegt de wet over profilering en algoritmes bij %s? Algemeen overzicht.",
            "Maak een jaarverslagtekst: het aantal toekenningen voor %s steeg met 8 procent.",
            "Hoe maken we bezwaar tegen een besluit over %s? Uitleg voor inwoners.",
            "Ik heb zelf besloten over %s. Help me de brief te schrijven waarin ik het besluit meedeel.",
            "De commissie heeft al gekozen voor %s. Maak de bevestigingsmail.", "Maak een zin voor het jaarverslag: van de aanvragen voor %s werd 78 procent toegekend.",
            "Reken uit hoeveel procent van de aanvragen voor %s binnen de termijn is afgehandeld.",
            "Explain in plain English how %s works, for a new colleague.", "Give me the main rules for %s, general information only.",
            "Welke rechten heeft een inwoner bij een afwijzing voor %s?", "Welke leeftijdsregels gelden er bij %s?",
            "Maak een korte uitleg voor de balie over %s.", "Schrijf een nieuwsbrief voor collega's over de nieuwe werkwijze bij %s.",
            "Is deze tekst over %s duidelijk genoeg? Geef verbeterpunten.", "Controleer of de brief over het genomen besluit over %s alle onderdelen bevat.",
            "Maak een overzicht van de wettelijke regels voor %s.", "Verbeter de tekst op de website over %s.",
            "Zet de verstuurde beschikking over %s om in eenvoudig Engels voor een expat.", "Welke vragen stel je in een gesprek over %s? Voor de training.",
            "Hoe leggen we een inwoner uit waarom het besluit over %s zo is uitgevallen? Het besluit staat vast.",
            "Maak een overzicht van de kosten van %s per jaar voor de begroting.",
            "Stel een standaardbrief op voor iedereen die niet door is in %s. Zonder namen."};
    static final String[] NEAR_MISS_OBJECTS = {"de sollicitatieprocedure", "het gestructureerde interview", "de vacaturetekst", "de werving van een jurist",
            "de Participatiewet", "de kostendelersnorm", "de inlichtingenplicht", "terugvordering en boetes","bijzondere bijstand", "de Wmo", "huishoudelijke hulp", "kwijtschelding", "schuldhulpverlening",
            "de bijstand", "de functie van beleidsadviseur", "de vacature klantcontact", "de energietoeslag", "de handhaving in het sociaal domein",
            "leerlingenvervoer", "de meerkostenregeling", "de werving van boa's", "het terugvorderen van bijstand", "de functie van teamleider"};

    static final String[] ORDINARY = {"Vat de notulen van het werkoverleg samen in vijf punten.", "Herschrijf deze mail zodat hij korter is.",
            "Maak een agenda voor de teamdag in juni.", "Hoe maak ik in Excel een draaitabel?", "Vertaal deze tekst naar het Engels.",
            "Schrijf een uitnodiging voor de nieuwjaarsborrel.", "Maak een planning voor de verhuizing van het archief.",
            "Geef tips voor een heldere presentatie aan de raad.", "Controleer deze tekst op spelfouten.", "Schrijf een bedankmail aan de vrijwilligers van de buurtschoonmaak.",
            "Maak een samenvatting van het bestemmingsplan voor de nieuwe wijk.", "Wat is het verschil tussen een omgevingsvergunning en een melding?",
            "Schrijf een antwoord aan een inwoner over de ophaaldagen van het grofvuil.", "Formuleer een tekst voor de afwezigheidsmelding.",
            "Maak van deze aantekeningen een nette actielijst.", "Bedenk een titel voor het nieuwsbericht over de nieuwe fietsenstalling.",
            "Draft a polite reminder about the invoice for the event hall.",
            "Summarise this meeting in English.", "What is the best way to structure a project plan?", "Write a short thank-you note to the team.",
            "Give me five ideas for the staff outing.", "Rewrite this paragraph so it is easier to read.", "Hoe schrijf ik een goede samenvatting?", "Help me met een brief over de aanleg van glasvezel in de straat.",
            "Schrijf een reactie op een klacht over een kapotte lantaarnpaal.", "Maak een memo over de kosten van de nieuwe kantoorinrichting."};

    static final String[] OPENERS = {"", "", "", "Hoi, ", "hey, ", "Goedemorgen. ", "Vraagje: ", "Kun je me helpen? ", "Snel even: ",
            "Voor het teamoverleg: ", "Ik zit met het volgende. ", "Hallo! ", "Je bent een ervaren ambtenaar. ", "Act as a civil servant. ",
            "Jij bent mijn assistent. "};
    static final String[] CLOSERS = {"", "", "", " Alvast bedankt!", " thanks", " Graag vandaag nog.", " Kort graag.",
            " De gegevens staan hieronder.", " Zie de tekst hieronder.", " Dank je wel.", " pls"};
    static final String[] PASTED = {"\n\nGegevens: 54 jaar, alleenstaand, huurwoning, inkomen 1.230 euro netto.",
            "\n\n--- dossiernotitie 12-03: gesprek gevoerd, stukken compleet.", "\n\n1. A. de Boer\n2. S. Yildiz\n3. P. Hermans",
            "\n\nBijlage: overzicht uit het zaaksysteem (export).", "\n\n[tekst geplakt uit Word]"};

    // ------------------------------------------------------------------ templates filled

    private String benefitDecision() {
        if (voices(VOICES_SHARE)) {
            return voices.benefit();
        }
        if (indirect()) {
            return indirect.benefit();
        }
        String t = pick(BENEFIT_DECISION);
        String who = pick(APPLICANTS_FOR);
        if (random.nextInt(4) == 0) {
            who = pick(TITLE) + " " + pick(LAST);
        }
        return fill(t, who, pick(PROVISIONS));
    }

    private String applicantSelection() {
        if (voices(VOICES_SHARE)) {
            return voices.selection();
        }
        if (indirect()) {
            return indirect.selection();
        }
        return fill(pick(APPLICANT_SELECTION), pick(CANDIDATES), pick(JOBS));
    }

    private String fraudScore() {
        if (voices(VOICES_SHARE)) {
            return voices.fraud();
        }
        if (indirect()) {
            return indirect.fraud();
        }
        String text = String.format(Locale.ROOT, pick(FRAUD_SCORE), pick(RESIDENTS));
        if (random.nextInt(4) == 0) {
            text += " Het gaat om " + (3 + random.nextInt(40)) + " mensen.";
        }
        return text;
    }

    private String personalSpecial() {
        if (voices(VOICES_SHARE * 2)) {
            return voices.personal();
        }
        int c = random.nextInt(PERSONAL_SPECIAL.length);
        String[] category = PERSONAL_SPECIAL[c];
        String fact = pick(category);
        String person = person();
        if (category == BIOMETRICS && indirect()) {
            return indirect.biometric(person);
        }
        String noun = pick(SPECIAL_NOUNS);
        return switch (random.nextInt(13)) {
            case 8 -> pick(REVIEW_ASK) + " 'Beste " + person + ", wij begrijpen dat u door uw " + noun + " " + pick(CONSEQUENCE) + "...'";
            case 9 -> "Voor het verslag van " + pick(MEETING) + ": " + person + " " + fact + ". Maak er een samenvatting van.";
            case 10 -> "Kun je deze mail aan " + pick(RECIPIENT) + " verbeteren? Het gaat om " + person + ", die " + fact + ".";
            case 11 -> "Help met een berichtje aan een collega: '" + pick(FIRST) + ", ik hoorde over je " + noun + ", sterkte!' Kan dit beter?";
            case 12 -> "Maak een samenvatting van het gesprek met " + person + ", die " + fact + " en hulp vraagt bij " + pick(NEEDS) + ".";
            case 0 -> pick(PERSONAL_TASK) + " " + person + ". " + capitalise(pronoun()) + " " + fact + ".";
            case 1 -> capitalise(person) + " " + fact + ". " + pick(PERSONAL_TASK) + " " + pronounObject() + ".";
            case 2 -> pick(PERSONAL_TASK) + " " + person + ", want " + pronoun() + " " + fact + " en heeft daarom hulp nodig.";
            case 3 -> "Verwerk in het verslag dat " + person + " " + fact + ".";
            case 4 -> "Beste " + person + ", wij begrijpen dat u " + second(fact) + ". " + pick(LETTER_ASK);
            case 5 -> pick(CONTEXT) + ": " + person + " " + fact + ". " + pick(PERSONAL_TASK_END);
            case 6 -> "Please help with a note about " + person + ", who " + fact + ".";
            default -> pick(PERSONAL_TASK) + " " + person + " (" + fact + ").";
        };
    }

    private String topicSpecial() {
        if (voices(VOICES_SHARE * 3)) {
            return voices.topic();
        }
        String[] category = TOPIC_SPECIAL[random.nextInt(TOPIC_SPECIAL.length)];
        return pick(TOPIC_TASK) + " " + pick(category) + ".";
    }

    private String nearMiss() {
        if (voices(VOICES_SHARE)) {
            return voices.allowed();
        }
        if (indirect()) {
            return indirect.nearMiss();
        }
        if (random.nextInt(3) == 0) {
            return fill(pick(NEAR_MISS_PROVISION), pick(PROVISIONS));
        }
        return fill(pick(NEAR_MISS), pick(NEAR_MISS_OBJECTS));
    }

    /** Near misses about a provision itself: decisions already taken, terms, general rules, transparency. */
    static final String[] NEAR_MISS_PROVISION = {
            "Ik heb besloten %s toe te kennen. Schrijf een korte brief om dat te laten weten.",
            "We hebben %s afgewezen. Help me de brief uitleggen zonder juridisch jargon.",
            "De aanvraag voor %s is al goedgekeurd door de teamleider; maak een bevestiging voor de inwoner.",
            "Hoe lang is de beslistermijn voor %s en wat als we die niet halen?",
            "Mag iemand met %s op vakantie naar het buitenland? Wat zijn de regels?",
            "Mag je met %s gaan samenwonen? Leg de algemene regels uit.",
            "Hoe leggen we op de website uit hoe we signalen over misbruik van %s onderzoeken?",
            "Hoe zijn we als gemeente transparant over de controles op %s?",
            "Geef feedback op de opbouw van de notitie over de nieuwe verordening voor %s.",
            "Wat verandert er volgend jaar in de regels voor %s? Kort overzicht voor het team.",
            "Schrijf een begeleidende mail bij de beschikking over %s, het besluit is al genomen.",
            "Welke documenten moet een inwoner meesturen bij een aanvraag voor %s?",
            "The request for %s has already been decided by my colleague. Write a friendly letter explaining the outcome.",
            "Wat is de wettelijke grondslag voor %s? Voor de nota.", "Maak een stroomschema van het aanvraagproces voor %s.",
            "Zet de kernpunten van de beschikking over %s op een rij zodat de klant het snapt: toegekend, met een eigen bijdrage.",
            "Leg in de brief uit wat het genomen besluit over %s betekent: afgewezen, met bezwaarmogelijkheid."};

    static final String[] STREETS = {"Dorpsstraat", "Stationsweg", "Molenlaan", "Julianastraat", "Havenkade", "Beukenlaan", "Marktplein",
            "Schoolstraat", "Kanaalweg", "Lindenhof"};
    static final String[] CITIES = {"Amersfoort", "Zwolle", "Delft", "Leeuwarden", "Tilburg", "Almere", "Gouda", "Venlo"};
    static final String[] CONTACT = {
            "Beste %1$s, bedankt voor uw bericht. U kunt ons bellen op %2$s.", "Mijn telefoonnummer is %2$s, bel me even terug.",
            "%1$s woont aan de %4$s in %5$s.", "Hij woont sinds kort aan de %4$s.", "Stuur de stukken naar %3$s.",
            "Mijn BSN is %6$s, kunt u mijn verhuizing naar de %4$s verwerken?", "Kosten: %7$s per maand. Mail naar %3$s of bel %2$s.",
            "of mail naar %3$s", "Met vriendelijke groet, %1$s", "Please call %2$s or email %3$s.", "Beste %1$s, uw afspraak staat op dinsdag.",
            "Geachte %1$s, wij hebben uw formulier ontvangen.", "Uw klantnummer is %6$s. Bewaar deze mail.", "Bel %2$s of mail %3$s",
            "Zij is bereikbaar op %2$s en %3$s.", "Adres: %4$s, %5$s. Tel. %2$s.", "Het bedrag van %7$s is overgemaakt.",
            "Beste %1$s, uw nummer %6$s is bekend bij ons. Een collega belt u.", "Contact: %1$s, %3$s", "Ja, dat klopt.", "Bedankt!",
            "Kun je dit korter maken?", "Goedemiddag", "Test", "Wat is de hoofdstad van Frankrijk?", "Hoe laat is het stadhuis open?",
            "Mevrouw %1$s belde. Ze woont in %5$s.", "De aanvraag van %1$s is compleet.", "Ik heb %1$s teruggebeld maar kreeg geen gehoor.",
            "Geboren: 12 maart 1961. Zie bijlage 2.", "[PERSOON_1] vraagt of de afspraak kan worden verzet.",
            "Mevrouw [PERSOON_1] (BSN [BSN_1]) belde over de %4$s.", "aanvraag", "dossier", "%1$s komt drie keer per week langs.",
            "Het dossier van %1$s is overgedragen aan een collega.", "%1$s heeft de stukken ingeleverd.",
            "Schrijf een brief aan %1$s over de afspraak, BSN %6$s.", "Zie [bijlage 1] en [PERSOON_2].", "[PERSOON_1] woont aan de %4$s.",
            "Aanvraagnummer %6$s, ontvangen op 3 maart.", "{\"status\":\"ok\",\"id\":\"%6$s\"}", "Kandidaat", "Klant"};

    /** A short text with contact details or a fragment: no purpose at all. */
    private String contactText() {
        String name = person();
        String phone = random.nextBoolean() ? String.format(Locale.ROOT, "06-%08d", random.nextInt(100_000_000))
                : String.format(Locale.ROOT, "0%d %03d %04d", 10 + random.nextInt(89), random.nextInt(1000), random.nextInt(10_000));
        String mail = pick(FIRST).toLowerCase(Locale.ROOT) + "@" + pick(new String[] {"example.nl", "gemeente.nl", "mail.com"});
        String street = pick(STREETS) + " " + (1 + random.nextInt(120));
        String number = String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
        String amount = String.format(Locale.ROOT, "€ %d,%02d", 10 + random.nextInt(2000), random.nextInt(100));
        return String.format(Locale.ROOT, pick(CONTACT), name, phone, mail, street, pick(CITIES), number, amount);
    }

    private String ordinaryWork() {
        return pick(ORDINARY);
    }

    private String person() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(TITLE) + " " + pick(LAST);
            case 1 -> pick(FIRST) + " " + pick(LAST);
            case 2 -> pick(TITLE) + " " + pick(FIRST).charAt(0) + ". " + pick(LAST);
            case 3 -> pick(IDENTIFIABLE);
            case 4 -> pick(RELATION) + " " + pick(FIRST) + " " + pick(LAST);
            default -> random.nextBoolean() ? pick(FIRST) : pick(FIRST) + " " + pick(LAST) + " (" + (15 + random.nextInt(70)) + ")";
        };
    }

    /** "heeft kanker" → "kanker heeft"-free second person: "u heeft kanker" reads fine with the verb kept. */
    private static String second(String fact) {
        return fact.replaceFirst("^is ", "").replaceFirst("^heeft ", "").replaceFirst("^has ", "");
    }

    private String pronoun() {
        return random.nextBoolean() ? "hij" : "zij";
    }

    private String pronounObject() {
        return random.nextBoolean() ? "hem" : "haar";
    }

    /** Greeting, pasted context, lower case or a typo — the way prompts are really typed. */
    private String wrap(String core) {
        String text = pick(OPENERS) + core + pick(CLOSERS);
        if (random.nextInt(6) == 0) {
            text += pick(PASTED);
        }
        if (random.nextInt(5) == 0) {
            text = text.toLowerCase(Locale.ROOT);
        }
        if (random.nextInt(5) == 0) {
            text = typo(text);
        }
        return text;
    }

    private String typo(String text) {
        int at = 1 + random.nextInt(Math.max(1, text.length() - 2));
        if (!Character.isLetter(text.charAt(at)) || !Character.isLetter(text.charAt(at - 1))) {
            return text;
        }
        return text.substring(0, at - 1) + text.charAt(at) + text.charAt(at - 1) + text.substring(at + 1);
    }

    private String fill(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
