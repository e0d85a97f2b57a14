package nl.dijkwacht.console.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the PII engine found something, in Dutch for the console's explain page. The engine explains a finding in its own
 * fixed terms — the recognizer's name, the pattern or rule that matched, the context cue that decided, the score (the
 * admin API keeps them as they are) — and this class gives each of those terms its Dutch text. A term without one
 * shows as the Dutch name of the recognizer alone, never in English; {@code FindingExplanationsTest} fails when any
 * term the engine can produce has no Dutch text.
 */
final class FindingExplanations {

    private static final Map<String, String> RECOGNIZERS = Map.ofEntries(
            Map.entry("bsn", "BSN"),
            Map.entry("iban", "IBAN (rekeningnummer)"),
            Map.entry("email", "e-mailadres"),
            Map.entry("phone", "telefoonnummer"),
            Map.entry("phone-context", "telefoonnummer zonder voorloopnul"),
            Map.entry("phone-mobile-compact", "mobiel nummer zonder + of 0"),
            Map.entry("postcode", "postcode"),
            Map.entry("address", "adres"),
            Map.entry("date-of-birth", "geboortedatum"),
            Map.entry("date-of-birth-words", "geboortedatum in woorden"),
            Map.entry("date-of-birth-month-first", "geboortedatum met de maand eerst"),
            Map.entry("date-of-birth-compact", "geboortedatum zonder scheidingstekens"),
            Map.entry("licence-plate", "kenteken"),
            Map.entry("id-document", "nummer van een identiteitsbewijs"),
            Map.entry("mrz", "machineleesbare zone van een paspoort of ID-kaart"),
            Map.entry("driving-licence", "rijbewijs"),
            Map.entry("v-number", "v-nummer"),
            Map.entry("ip-address", "IP-adres"),
            Map.entry("kvk", "KvK-nummer"),
            Map.entry("field", "waarde van een veld"),
            Map.entry("special-category", "bijzondere persoonsgegevens"),
            Map.entry("person", "persoonsnaam"),
            Map.entry("person-rules", "persoonsnaam (alleen regels, zonder taalmodel)"));

    /** The patterns and rules, whole; a person name's rules are joined by {@code " + "} and looked up one by one. */
    private static final Map<String, String> PATTERNS = Map.ofEntries(
            // pattern recognizers
            Map.entry("nine digits, also grouped 4-2-3 or 3-3-3 by `.`, space or `-`, or 5-4 by a space",
                    "negen cijfers, ook in groepjes 4-2-3 of 3-3-3 met `.`, spatie of `-`, of 5-4 met een spatie"),
            Map.entry("nine digits in two to four groups by one separator, as people copy them (`1234.567.82`,"
                            + " `1234 5678 2`, `12345 67 82`, `1234-567-82`)",
                    "negen cijfers in twee tot vier groepjes met één scheidingsteken, zoals mensen ze overnemen"
                            + " (`1234.567.82`, `1234 5678 2`, `12345 67 82`, `1234-567-82`)"),
            Map.entry("date: `d-m-yyyy` (also `/`, `.`, two-digit year, `'64`, a scan's `3 / 5 / 2016` and `03-10-19 85`),"
                            + " ISO `yyyy-mm-dd`, compact `ddmmyyyy` and"
                            + " `yyyymmdd`, `3 maart 1961`, `5 mei '75`, `9 February 1997`, `12 MRT/MAR 1985` (passport"
                            + " style), `00-00-1999` (day and month unknown, as the population register writes it),"
                            + " `13-FEB-84` (an export's style), `4 août 2023`, `14 de marzo de 1951`, `23 08 1981`"
                            + " (a scanned form's boxes)",
                    // the engine's label lists every form the pattern takes; a table cell names the kinds
                    "datum in cijfers of in woorden (zoals `3-3-1961`, `1961-03-03`, `03031961`, `3 maart 1961`,"
                            + " `12 MRT 1985`)"),
            Map.entry("compact `yyyymmdd` and `ddmmyyyy`", "acht cijfers zonder scheidingstekens: `19870214`, `14021987`"),
            Map.entry("month first: `March 12, 1987`, `Sept. 3 1990`", "maand eerst: `March 12, 1987`, `Sept. 3 1990`"),
            Map.entry("month first in figures: `07/23/2018` (a day after the 12th)",
                    "maand eerst in cijfers: `07/23/2018` (een dag na de twaalfde)"),
            Map.entry("date in words: `negen juli negentienhonderdzestig`, `vijf februari tweeduizend vijftien`,"
                            + " `veertien juli negentienzestig` (the year as it is said)",
                    "datum in woorden: `negen juli negentienhonderdzestig`, `vijf februari tweeduizend vijftien`,"
                            + " `veertien juli negentienzestig` (het jaartal zoals het wordt uitgesproken)"),
            Map.entry("passport / ID-card number (2 letters, 6 letters-or-digits, 1 digit, no `O`; abroad also 1 letter"
                            + " and 7-8 digits; a residence document: 1 letter and 8 letters-or-digits, at least 4 digits)",
                    "paspoort- of ID-kaartnummer (2 letters, 6 letters of cijfers, 1 cijfer, geen `O`; uit het buitenland"
                            + " ook 1 letter en 7-8 cijfers; een verblijfsdocument: 1 letter en 8 letters of cijfers, waarvan"
                            + " minstens 4 cijfers)"),
            Map.entry("10-digit driving-licence number", "rijbewijsnummer van 10 cijfers"),
            Map.entry("foreign identity-card or passport number of 2 letters and 6 digits, also parted by a space"
                            + " (a Romanian identity card's series and number, an older Ukrainian passport)",
                    "buitenlands ID-kaart- of paspoortnummer van 2 letters en 6 cijfers, ook met een spatie ertussen"
                            + " (serie en nummer van een Roemeense identiteitskaart, een ouder Oekraïens paspoort)"),
            Map.entry("Turkish identity number (T.C. Kimlik No, 11 digits)",
                    "Turks identiteitsnummer (T.C. Kimlik No, 11 cijfers)"),
            Map.entry("nine digits in groups with a double space among the single ones (`9999  24 680`, typed or"
                            + " copied from a form's boxes); only with a positive cue",
                    "negen cijfers in groepjes met een dubbele spatie tussen de enkele (`9999  24 680`, getypt of"
                            + " overgenomen uit de vakjes van een formulier); alleen met een woord dat op een BSN wijst"),
            Map.entry("nine digits with a BSN label glued on (`BSN111222333`, `bsn-nummer111222333`)",
                    "negen cijfers met het woord BSN er direct tegenaan (`BSN111222333`, `bsn-nummer111222333`)"),
            Map.entry("nine digits as a folder or file name in a path (`D:\\dossiers\\111222333\\brief.pdf`)",
                    "negen cijfers als map- of bestandsnaam in een pad (`D:\\dossiers\\111222333\\brief.pdf`)"),
            Map.entry("year in brackets after a name", "jaartal tussen haakjes na een naam"),
            Map.entry("10 digits, also grouped 4-3-3, 4-4-2 or 2-2-2-2-2", "10 cijfers, ook in groepjes 4-3-3, 4-4-2 of 2-2-2-2-2"),
            Map.entry("8 digits, also `1234 5678`, `12.345.678`, `12 345 678`", "8 cijfers, ook `1234 5678`, `12.345.678`, `12 345 678`"),
            Map.entry("`31` + nine digits, or nine digits without the leading zero (also `612 345 678`, `612 34 56 78`,"
                            + " `6 2814 4719`, `6 12 34 56 78`)",
                    "`31` + negen cijfers, of negen cijfers zonder de voorloopnul (ook `612 345 678`, `612 34 56 78`,"
                            + " `6 2814 4719`, `6 12 34 56 78`)"),
            Map.entry("`316` + eight digits", "`316` + acht cijfers"),
            // the other recognizers
            Map.entry("international number", "internationaal nummer"),
            Map.entry("Dutch number", "Nederlands nummer"),
            Map.entry("value of a field", "waarde van een veld"),
            Map.entry("driving licence field 3 (date of birth)", "rijbewijsveld 3 (geboortedatum)"),
            Map.entry("driving licence field 5 (licence number)", "rijbewijsveld 5 (rijbewijsnummer)"),
            Map.entry("IPv4", "IPv4"),
            Map.entry("IPv6", "IPv6"),
            Map.entry("country code + per-country length", "landcode + de lengte van dat land"),
            Map.entry("date in brackets after a relation word", "datum tussen haakjes na een woord voor een relatie"),
            Map.entry("name before a bracket with a birth date", "naam voor haakjes met een geboortedatum"),
            Map.entry("date between a name and an identifier", "datum tussen een naam en een nummer"),
            Map.entry("street word first (`Laan van …`) + house number", "straatwoord eerst (`Laan van …`) + huisnummer"),
            Map.entry("street name + house number", "straatnaam + huisnummer"),
            Map.entry("street without a street word + house number", "straat zonder straatwoord + huisnummer"),
            Map.entry("next date in a list of dates of birth", "volgende datum in een lijst met geboortedata"),
            Map.entry("address anchored on @", "adres rond een @"),
            Map.entry("name with the name it goes by in brackets or quotes", "naam met de roepnaam tussen haakjes of aanhalingstekens"),
            Map.entry("machine-readable zone: personal number (BSN)", "machineleesbare zone: persoonsnummer (BSN)"),
            Map.entry("machine-readable zone: name", "machineleesbare zone: naam"),
            Map.entry("machine-readable zone: document number", "machineleesbare zone: documentnummer"),
            Map.entry("machine-readable zone: date of birth (YYMMDD)", "machineleesbare zone: geboortedatum (JJMMDD)"),
            Map.entry("date in brackets after a name", "datum tussen haakjes na een naam"),
            Map.entry("same name as a person found elsewhere in the text", "dezelfde naam als een persoon elders in de tekst"),
            Map.entry("in a list with a name found beside it", "in een lijst, naast een gevonden naam"),
            Map.entry("item of an enumeration of names", "onderdeel van een opsomming van namen"),
            Map.entry("street + house number before a postcode abroad and a town",
                    "straat + huisnummer voor een buitenlandse postcode en een plaats"),
            Map.entry("postcode abroad after a street and house number", "buitenlandse postcode na een straat en huisnummer"),
            Map.entry("KvK number in a sole trader's row", "KvK-nummer in de rij van een eenmanszaak"),
            Map.entry("term list", "termenlijst"),
            Map.entry("four digits and two capitals", "vier cijfers en twee hoofdletters"),
            Map.entry("lower case with a space", "kleine letters met een spatie"),
            Map.entry("sidecode with dashes", "sidecode met streepjes"),
            Map.entry("sidecode with dashes, any case", "sidecode met streepjes, in hoofd- of kleine letters"),
            Map.entry("sidecode without dashes", "sidecode zonder streepjes"),
            Map.entry("date on a spreadsheet row of a person", "datum op een spreadsheetrij van een persoon"),
            Map.entry("street and house number on a spreadsheet row of a person",
                    "straat en huisnummer op een spreadsheetrij van een persoon"),
            // the rules of the person-name recognizer
            Map.entry("name in capitals widened", "naam in hoofdletters, uitgebreid"),
            Map.entry("lower-case initials", "voorletters in kleine letters"),
            Map.entry("after 'naam'", "na 'naam'"),
            Map.entry("lower-case words after a relation word or a colon", "woorden in kleine letters na een woord voor een relatie of een dubbele punt"),
            Map.entry("lower-case words after a preposition", "woorden in kleine letters na een voorzetsel"),
            Map.entry("list item in surname-comma order beside one found", "lijstitem als 'achternaam, voornaam' naast een gevonden naam"),
            Map.entry("run of items in surname-comma order", "reeks items als 'achternaam, voornaam'"),
            Map.entry("surname repeated in an e-mail address", "achternaam die terugkomt in een e-mailadres"),
            Map.entry("family name first", "achternaam eerst"),
            Map.entry("known given name", "bekende voornaam"),
            Map.entry("lower-case known name", "bekende naam in kleine letters"),
            Map.entry("lower-case words closed by an identifier", "woorden in kleine letters gevolgd door een nummer"),
            Map.entry("list item written like a name found in the list", "lijstitem geschreven als een naam in dezelfde lijst"),
            Map.entry("lower-case surname, given name", "achternaam, voornaam in kleine letters"),
            Map.entry("name line (signature, addressee)", "naamregel (ondertekening, geadresseerde)"),
            Map.entry("signature after a closing", "ondertekening na een groet"),
            Map.entry("model (OpenNLP)", "taalmodel (OpenNLP)"),
            Map.entry("tussenvoegsel + known surname", "tussenvoegsel + bekende achternaam"),
            Map.entry("known surname", "bekende achternaam"),
            Map.entry("surname, initials", "achternaam, voorletters"),
            Map.entry("chat speaker line (name and time)", "spreker in een gekopieerde chat (naam en tijd op een regel)"),
            Map.entry("chat export sender (after the time stamp)", "afzender in een chatexport (na het tijdstip)"),
            Map.entry("chat handle and time opening a line", "gebruikersnaam in een chat met het tijdstip aan het begin van de regel"),
            Map.entry("one-word list item beside a found name", "lijstitem van één woord naast een gevonden naam"),
            Map.entry("name-shaped cell on a spreadsheet row of a person",
                    "cel in de vorm van een naam op een spreadsheetrij van een persoon"),
            Map.entry("street and house number right after a person's name",
                    "straat en huisnummer direct na de naam van een persoon"),
            Map.entry("given name and surname opening a line before an address",
                    "voornaam en achternaam aan het begin van een regel, voor een adres"),
            Map.entry("lower-case name before a verb", "naam in kleine letters voor een werkwoord"),
            Map.entry("title", "aanspreektitel"),
            Map.entry("initials", "voorletters"),
            Map.entry("person word in brackets after it", "persoonswoord tussen haakjes erachter"),
            Map.entry("after a self-introduction", "na een zin waarin iemand zich voorstelt"));

    private static final Pattern DRIVING_LICENCE_NAME = Pattern.compile("driving licence field (\\d+) \\(name\\)");

    /** Contexts that are not a cue word. */
    private static final Map<String, String> CONTEXTS = Map.ofEntries(
            Map.entry("checksum mod-97", "controlegetal (mod-97) klopt"),
            Map.entry("checksum elfproef", "elfproef klopt"),
            Map.entry("relation word before it", "woord voor een relatie ervoor"),
            Map.entry("birth word in the bracket", "woord voor geboorte tussen de haakjes"),
            Map.entry("person found before it", "persoon ervoor gevonden"),
            Map.entry("after a residence phrase", "na een zinsdeel over wonen ('woont aan')"),
            Map.entry("postcode follows", "postcode volgt"),
            Map.entry("list item, town follows", "opsommingsregel, plaatsnaam volgt"),
            Map.entry("address after it", "adres erachter"),
            Map.entry("after 'naar' or 'op', sentence ends", "na 'naar' of 'op', waarna de zin eindigt"),
            Map.entry("date of birth before it", "geboortedatum ervoor"),
            Map.entry("owner named beside the trade name", "eigenaar genoemd naast de handelsnaam"),
            Map.entry("place name follows", "plaatsnaam volgt"),
            Map.entry("a town follows", "een plaats volgt"),
            Map.entry("after a street and house number", "na een straat en huisnummer"),
            Map.entry("a table cell", "een tabelcel"),
            Map.entry("name or BSN on the same row", "naam of BSN op dezelfde rij"),
            Map.entry("household word near", "woord over het gezin in de buurt"));

    /** {@code context +'bsn' before}, {@code context -'klantnummer' column header}, {@code context +'rijbewijs'}. */
    private static final Pattern CUE = Pattern.compile("context ([+-])'(.*)'(?: (before|after|column header|JSON key|label|type cell before))?");

    private static final Map<String, String> WHERE = Map.of(
            "before", "ervoor",
            "after", "erna",
            "column header", "als kolomkop",
            "JSON key", "als JSON-sleutel",
            "label", "als label",
            "type cell before", "in de cel ervoor die het soort noemt");

    private FindingExplanations() {
    }

    /** One line for an administrator, in Dutch: recognizer, pattern or rule, context, score. */
    static String dutch(String recognizer, String pattern, String context, double score) {
        String name = recognizer(recognizer);
        StringBuilder line = new StringBuilder(name == null ? "herkenner '" + recognizer + "'" : name);
        String how = pattern(pattern);
        String why = context(context);
        if (how != null && !how.isEmpty()) {
            line.append(": ").append(how);
        }
        if (why != null && !why.isEmpty()) {
            line.append("; ").append(why);
        }
        return line.append(String.format(Locale.forLanguageTag("nl"), "; score %.2f", score)).toString();
    }

    /** The recognizer's Dutch name, or {@code null} when it has none. */
    static String recognizer(String name) {
        return name == null ? null : RECOGNIZERS.get(name);
    }

    /** The pattern or rule in Dutch ({@code ""} for none), or {@code null} when a part of it has no Dutch text. */
    static String pattern(String label) {
        if (label == null || label.isEmpty()) {
            return "";
        }
        String whole = single(label);
        if (whole != null) {
            return whole;
        }
        // a person name found by several rules: "known given name + known surname", whose parts may contain " + " too
        String[] parts = label.split(" \\+ ");
        List<String> dutch = new ArrayList<>();
        int i = 0;
        while (i < parts.length) {
            String found = null;
            int next = i;
            for (int j = parts.length; j > i && found == null; j--) {
                found = single(String.join(" + ", java.util.Arrays.asList(parts).subList(i, j)));
                next = j;
            }
            if (found == null) {
                return null;
            }
            dutch.add(found);
            i = next;
        }
        return String.join(" + ", dutch);
    }

    private static String single(String label) {
        String known = PATTERNS.get(label);
        if (known != null) {
            return known;
        }
        Matcher field = DRIVING_LICENCE_NAME.matcher(label);
        return field.matches() ? "rijbewijsveld " + field.group(1) + " (naam)" : null;
    }

    /** The context cue in Dutch ({@code ""} for none), or {@code null} when it has no Dutch text. */
    static String context(String context) {
        if (context == null || context.isEmpty()) {
            return "";
        }
        String known = CONTEXTS.get(context);
        if (known != null) {
            return known;
        }
        Matcher cue = CUE.matcher(context);
        if (!cue.matches()) {
            return null;
        }
        String where = cue.group(3) == null ? "" : " " + WHERE.get(cue.group(3));
        return "context: '" + cue.group(2) + "'" + where + ("+".equals(cue.group(1)) ? " (wijst erop)" : " (wijst ervan af)");
    }
}
