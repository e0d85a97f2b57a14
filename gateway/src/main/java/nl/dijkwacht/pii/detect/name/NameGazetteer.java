package nl.dijkwacht.pii.detect.name;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import nl.dijkwacht.pii.detect.PiiEngineException;

/**
 * Word lists for person names: common first names and surnames (our own compiled lists, see
 * docs/pii-evaluation.md), tussenvoegsels, titles, and words that look like names but are not
 * (street endings, organisation words, capitalised function words).
 */
final class NameGazetteer {

    static final String FIRST_NAMES = "/pii/names/first-names.txt";
    static final String SURNAMES = "/pii/names/surnames.txt";

    final Set<String> firstNames;
    final Set<String> surnames;

    static final Set<String> PARTICLES = set("van", "de", "der", "den", "het", "'t", "’t", "ter", "ten", "te",
            "in", "op", "uit", "el", "al", "ben", "bin", "da", "di", "du", "la", "le", "von", "zu", "dos", "das", "del",
            "della", "ait", "ou", "mc", "o'", "d'");

    /** Particles that start a surname on their own ("de Vries", "van Dijk"); "in", "op", "te" need "van"/"de" first. */
    static final Set<String> LEADING_PARTICLES = set("van", "de", "der", "den", "ter", "ten", "el", "al", "ben",
            "bin", "da", "di", "du", "la", "le", "von", "dos", "das", "del", "ait", "'t", "’t");

    /** Titles and forms of address; the name follows. Lower case, without the dot. */
    static final Set<String> TITLES = set("mevrouw", "mevr", "mw", "mvr", "meneer", "mijnheer", "dhr", "hr",
            "heer", "mr", "dr", "drs", "ir", "ing", "prof", "familie", "fam", "wethouder", "burgemeester", "juffrouw",
            "juf", "meester", "zuster", "mej", "mejuffrouw", "echtpaar", "cliënt", "client", "cliënte", "aanvrager",
            "aanvraagster", "bezwaarmaker", "verzoeker", "verzoekster", "collega", "inwoner", "inwoonster",
            "bewoner", "bewoonster", "consulent", "casemanager", "medewerker", "medewerkster", "raadslid",
            "mevrouwtje", "dokter", "notaris", "advocaat", "gemachtigde", "beste", "geachte", "hoi", "hallo", "dag",
            "lieve", "zoon", "dochter", "vader", "moeder", "partner", "echtgenoot", "echtgenote", "buurman",
            "buurvrouw", "broer", "zus", "kleinzoon", "kleindochter", "schoonzoon", "schoondochter", "oom", "tante",
            "leerling", "student", "huurder", "eigenaar", "melder", "klager", "cliente", "contactpersoon",
            "klantmanager", "wijkverpleegkundige", "mantelzorger", "zorgverlener", "begeleider", "bewindvoerder",
            "mentor", "curator", "jongen", "meisje", "baby", "peuter", "opa", "oma");

    /** Titles strong enough that a lower-case word after them is taken as a name ("mevrouw jansen"). */
    static final Set<String> STRONG_TITLES = set("mevrouw", "mevr", "mw", "mvr", "meneer", "mijnheer", "dhr",
            "heer", "mr", "dr", "drs", "ir", "ing", "prof", "familie", "fam", "juffrouw", "mej", "mejuffrouw",
            "echtpaar");

    static final Set<String> ORGANISATION_WORDS = set("ziekenhuis", "school", "basisschool", "college",
            "stichting", "instituut", "huis", "centrum", "fonds", "museum", "prijs", "lyceum", "gymnasium", "academie",
            "universiteit", "hogeschool", "kliniek", "kazerne", "park", "brug", "tunnel", "stadion", "theater",
            "bibliotheek", "kerk", "zaal", "gebouw", "foundation", "groep", "zorg", "zorggroep", "gasthuis",
            "medisch", "mc", "umc", "fonds", "bv", "b", "nv", "vof", "holding", "beheer", "advies", "consultancy",
            "makelaardij", "bouw", "sporthal", "zwembad", "wijkcentrum", "buurthuis", "kinderopvang", "dierenpark",
            "polder", "sluis", "molen", "haven", "dok", "gemaal", "plaza", "hotel", "restaurant", "café", "cafe",
            "apotheek", "tandartspraktijk", "huisartsenpraktijk", "praktijk", "kwartier", "wijk", "buurt",
            "stichting", "vereniging", "genootschap", "orkest", "koor", "award", "lezing", "dag", "festival",
            "kazerne", "fort", "toren", "monument", "standbeeld", "plein", "straat", "laan", "weg", "gracht",
            "kade", "singel", "dijk", "markt", "hofje", "erf", "ring", "dreef", "pad", "steeg", "tunnel", "zaal",
            "gemeente", "provincie", "waterschap", "ministerie", "rechtbank", "hof", "raad", "fractie", "partij",
            "lijn", "route", "school", "scholengemeenschap", "mavo", "havo", "vwo", "campus", "kenniscentrum",
            "hospice", "verpleeghuis", "zorgcentrum", "woonzorgcentrum", "ggz", "psychiatrie", "leerstoel");

    private static final String[] STREET_WORD_SUFFIXES = {"straat", "laan", "weg", "plein", "gracht",
        "singel", "dreef", "steeg", "markt", "plantsoen", "boulevard", "allee", "promenade", "park", "passage",
        "straatje", "pleintje", "laantje", "poort", "zaal", "school", "college", "centrum", "ziekenhuis", "gebouw",
        "kliniek", "museum", "stadion", "theater", "sporthal", "gymnasium", "lyceum", "fonds"};

    /** Street endings that no common surname has (so not "hof", "dijk", "berg", "es"). */
    static final java.util.regex.Pattern STREET_WORD = java.util.regex.Pattern.compile(
            "\\p{L}{2,}(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|markt|plantsoen|boulevard|allee"
                    + "|promenade|park|passage|straatje|pleintje|laantje|poort|zaal|school|college|centrum"
                    + "|ziekenhuis|gebouw|kliniek|museum|stadion|theater|sporthal|gymnasium|lyceum|fonds)"
                    + "|\\p{L}{4,}kade");

    /** Capitalised words that are never (part of) a person's name in these texts. Lower case. */
    static final Set<String> NOT_NAMES = set("de", "het", "een", "gemeente", "wmo", "jeugdwet", "awb",
            "woo", "wob", "avg", "bsn", "iban", "kvk", "rsin", "btw", "pgb", "ggd", "uwv", "svb", "cak", "duo", "ind",
            "cjib", "rdw", "ib", "nl", "eu", "ai", "chatgpt", "copilot", "gpt", "teams", "outlook", "word", "excel",
            "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari", "februari",
            "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
            "geachte", "beste", "hallo", "hoi", "dag", "groet", "groeten", "vriendelijke", "hartelijke", "met", "namens",
            "betreft", "onderwerp", "kenmerk", "datum", "bijlage", "bijlagen", "aan", "van", "cc", "bcc", "re", "fw",
            "hierbij", "graag", "dank", "bedankt", "alvast", "wij", "ik", "u", "hij", "zij", "ze", "we", "jij", "je",
            "hun", "haar", "zijn", "mijn", "uw", "onze", "ons", "dit", "dat", "deze", "die", "er", "op", "in", "om",
            "als", "ook", "nog", "wel", "niet", "geen", "maar", "want", "dus", "omdat", "toen", "nu", "daarom", "verder",
            "tevens", "daarnaast", "vervolgens", "tot", "slot", "zoals", "volgens", "na", "voor", "bij", "door",
            "over", "onder", "tijdens", "sinds", "vanaf", "kunt", "kun", "kan", "wil", "wilt", "moet", "mag", "zou",
            "is", "was", "heeft", "had", "wordt", "werd", "zie", "schrijf", "maak", "vat", "geef", "help", "herschrijf",
            "controleer", "vertaal", "stel", "leg", "zet", "samenvatting", "conclusie", "advies", "besluit", "bezwaar",
            "aanvraag", "beschikking", "verslag", "notulen", "actiepunten", "agenda", "overleg", "gesprek",
            "keukentafelgesprek", "huisbezoek", "melding", "klacht", "verzoek", "brief", "mail", "e-mail", "tel",
            "telefoon", "mobiel", "adres", "postcode", "woonplaats", "geboortedatum", "geboren", "naam", "voornaam",
            "achternaam", "cliënt", "client", "aanvrager", "bewoner", "inwoner", "situatie", "hulpvraag",
            "ondersteuning", "afspraken", "afspraak", "vervolg", "toelichting", "motivering", "overwegingen",
            "beslissing", "conclusies", "team", "afdeling", "sociaal", "domein", "burgerzaken", "publiekszaken",
            "college", "burgemeester", "wethouders", "wethouder", "raad", "griffie", "raadslid", "fractie", "mevrouw",
            "meneer", "heer", "dhr", "mw", "mevr", "familie", "fam", "en", "of", "the", "dear", "please", "nederland",
            "nederlands", "nederlandse", "utrecht", "amsterdam", "rotterdam", "den", "haag", "eindhoven", "groningen",
            "tilburg", "almere", "breda", "nijmegen", "apeldoorn", "arnhem", "haarlem", "enschede", "amersfoort",
            "zaanstad", "zwolle", "leiden", "maastricht", "dordrecht", "zoetermeer", "delft", "deventer", "alkmaar",
            "hilversum", "assen", "lelystad", "emmen", "venlo", "helmond", "oss", "gouda", "ede", "houten", "zeist",
            "westland", "purmerend", "schiedam", "leeuwarden", "hoorn", "vlaardingen", "nieuwegein", "roosendaal",
            "turkije", "marokko", "suriname", "syrië", "syrie", "polen", "oekraïne", "oekraine", "eritrea", "duitsland",
            "belgië", "belgie", "ja", "nee", "oké", "ok", "prima", "goed", "dringend", "urgent", "let", "wel", "nb",
            "ps", "opmerking", "vraag", "antwoord", "reactie", "pagina", "artikel", "lid", "hoofdstuk", "paragraaf",
            "bijzondere", "bijstand", "participatiewet", "jeugdhulp", "huishoudelijke", "hulp", "dagbesteding",
            "begeleiding", "indicatie", "kosten", "eigen", "bijdrage", "toeslag", "uitkering", "vergunning",
            "omgevingsvergunning", "parkeervergunning", "paspoort", "rijbewijs", "id-kaart", "identiteitskaart",
            "kenteken", "totaal", "bedrag", "euro", "termijn", "week", "weken", "maand", "jaar", "vandaag", "morgen",
            "gisteren", "ochtend", "middag", "avond", "zaak", "zaaknummer", "dossier", "status", "fase", "stap",
            "punt", "onderdeel", "hoofdpunt", "wie", "wat", "waar", "wanneer", "waarom", "hoe", "welke", "welk",
            "belangrijk", "tip", "let", "noot", "ter", "info", "informatie", "contact", "contactpersoon", "kopie",
            "origineel", "handtekening", "ondertekening", "mede", "dhr.", "partner", "kinderen", "kind", "zoon",
            "dochter", "moeder", "vader", "ouders", "buurvrouw", "buurman", "casus", "hulpverlener", "consulent",
            "klantmanager", "casemanager", "wijkteam", "sociaal", "zorgaanbieder", "huisarts", "stichting",
            "ziekenhuis", "inleiding", "achtergrond", "doel", "aanleiding", "resultaat", "planning", "voorstel",
            "dossiernummer", "referentie", "factuur", "factuurnummer", "ordernummer", "postbus", "koninklijke",
            "prins", "prinses", "koning", "koningin", "sint", "sinterklaas", "kerst", "pasen", "pinksteren",
            "ramadan", "suikerfeest", "bevrijdingsdag", "koningsdag", "zomer", "winter", "lente", "herfst",
            "alle", "iedereen", "niemand", "iemand", "mensen", "beleid", "regels", "wet", "regeling", "verordening",
            "besluitvorming", "openbaarmaking", "documenten", "stukken", "verzoeker", "bestuursorgaan", "hoogachtend",
            "vriendelijke", "met", "aanhef", "afsluiting", "toon", "formeel", "informeel", "korter", "duidelijker",
            "eenvoudiger", "taalniveau", "b1", "leesbaar", "jip", "janneke", "jip-en-janneketaal", "werk", "inkomen",
            "zorg", "wonen", "welzijn", "jeugd", "onderwijs", "financiën", "vergunningen", "handhaving", "toezicht",
            "ruimte", "beheer", "economie", "veiligheid", "openbare", "orde", "dienstverlening", "publiekszaken",
            "klantcontact", "participatie", "armoede", "schulden", "schuldhulpverlening", "leerplicht", "integratie",
            "inburgering", "statushouders", "beleidsadviseur", "projectleider", "teamleider", "manager", "directeur",
            "secretaris", "adviseur", "jurist", "coördinator", "coordinator", "wijkagent", "politie", "ggd",
            "stadskantoor", "gemeentehuis", "balie", "loket", "website", "formulier", "webformulier", "bericht");

    static Set<String> set(String... words) {
        return Set.copyOf(new HashSet<>(java.util.Arrays.asList(words)));
    }

    NameGazetteer() {
        this.firstNames = load(FIRST_NAMES);
        this.surnames = load(SURNAMES);
    }

    NameGazetteer(Set<String> firstNames, Set<String> surnames) {
        this.firstNames = lower(firstNames);
        this.surnames = lower(surnames);
    }

    boolean isFirstName(String lower) {
        return firstNames.contains(lower);
    }

    boolean isSurname(String lower) {
        if (surnames.contains(lower)) {
            return true;
        }
        int dash = lower.indexOf('-');
        if (dash > 0) {
            return surnames.contains(lower.substring(0, dash)) || surnames.contains(lower.substring(lower.lastIndexOf('-') + 1));
        }
        return false;
    }

    /** Endings of role, department and service words ("Klantadviseur", "Juridische Zaken", "Selfservice Portaal"). */
    private static final String[] NON_NAME_SUFFIXES = {"adviseur", "medewerker", "medewerkster", "leider", "manager",
        "consulent", "coördinator", "coordinator", "functionaris", "zaken", "beheer", "dienst", "diensten", "portaal",
        "loket", "bureau", "team", "teams", "centrum", "afdeling", "werk", "zorg", "verpleegkundige", "kundige",
        "deskundige", "ambtenaar", "wethouder", "journaal", "programma", "platform", "fonds", "raad",
        "commissie", "directie", "secretariaat", "overleg", "beleid"};

    /** Capitalised words that by their ending are roles, departments or services, not names. */
    static boolean hasNonNameEnding(String lower) {
        for (String suffix : NON_NAME_SUFFIXES) {
            if (lower.endsWith(suffix) && (lower.length() >= suffix.length() + 2 || lower.length() == suffix.length())) {
                return true;
            }
        }
        return lower.equals("zaken") || lower.equals("portaal") || lower.equals("state") || lower.equals("loket");
    }

    static boolean isStreetOrOrganisation(String lower) {
        if (ORGANISATION_WORDS.contains(lower)) {
            return true;
        }
        for (String suffix : STREET_WORD_SUFFIXES) {
            if (lower.length() >= suffix.length() + 2 && lower.endsWith(suffix)) {
                return true;
            }
        }
        return lower.length() >= 8 && lower.endsWith("kade");
    }

    private static Set<String> lower(Set<String> in) {
        Set<String> out = new HashSet<>();
        for (String s : in) {
            out.add(s.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    static Set<String> load(String resource) {
        try (InputStream in = NameGazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PiiEngineException("resource missing: " + resource);
            }
            Set<String> out = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t.toLowerCase(Locale.ROOT));
                }
            }
            if (out.isEmpty()) {
                throw new PiiEngineException("resource empty: " + resource);
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new PiiEngineException("cannot read " + resource, e);
        }
    }
}
