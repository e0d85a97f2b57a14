package nl.dijkwacht.pii.detect;

import java.util.List;

/**
 * The recognizers for identifiers with a fixed shape (everything except person names). Those that are a pattern,
 * context words, a checksum and scores are declared here as data ({@link PatternRecognizer}); the others are one
 * class each. Context word lists are in {@code /pii/context/}.
 */
public final class StructuredIdentifiers {

    private StructuredIdentifiers() {
    }

    /** In the order the detector runs them (ties between equal findings go to the first). */
    public static List<Recognizer> all() {
        return List.of(bsn(), iban(), email(), new PhoneRecognizer(), new PostcodeRecognizer(), new AddressRecognizer(),
                dateOfBirth(), dateOfBirthInWords(), dateOfBirthMonthFirst(), new LicencePlateRecognizer(), idDocument(),
                new MachineReadableZoneRecognizer(), new DrivingLicenceRecognizer(), vNumber(), new IpAddressRecognizer(), kvk(),
                phoneByContext(), mobileWithoutPlus(), new FieldRecognizer(), new SpecialCategoryRecognizer());
    }

    public static Recognizer iban() {
        return new IbanRecognizer();
    }

    public static Recognizer email() {
        return new EmailRecognizer();
    }

    /**
     * BSN: nine digits that pass the elfproef. About one in eleven random nine-digit numbers passes too, and so do
     * RSINs, so the nearest label decides; an unlabelled passing number is reported (fail safe).
     */
    public static Recognizer bsn() {
        return PatternRecognizer.builder("bsn", EntityType.BSN)
                .context(ContextEnhancer.of("/pii/context/bsn.txt", 60, 30))
                .pattern("nine digits, also grouped 4-2-3 or 3-3-3 by `.`, space or `-`, or 5-4 by a space",
                        "(?<![\\p{L}\\d.,€/-])(\\d{4}([. -])\\d{2}\\2\\d{3}|\\d{3}([. -])\\d{3}\\3\\d{3}|\\d{9}|\\d{5} \\d{4})"
                                + "(?![\\d]|[.,-]\\d|\\p{L})", PatternRecognizer.Start.DIGIT_RUN)
                .pattern("nine digits in two to four groups by one separator, as people copy them (`1234.567.82`,"
                                + " `1234 5678 2`, `12345 67 82`, `1234-567-82`)",
                        "(?<![\\p{L}\\d.,€/-])(?<!\\d[ .-])"
                                + "(?!\\d{4}(?:\\.\\d{2}\\.| \\d{2} |-\\d{2}-)\\d{3}(?!\\d)"
                                + "|\\d{3}(?:\\.\\d{3}\\.| \\d{3} |-\\d{3}-)\\d{3}(?!\\d)|\\d{5} \\d{4}(?!\\d))"
                                + "(\\d{1,5}([. -])\\d{1,5}(?:\\2\\d{1,5}){0,2})"
                                + "(?!\\d|\\2\\d|[.,-]\\d|\\p{L})", PatternRecognizer.Start.GROUPED_DIGIT_RUN)
                .checksum(new Elfproef())
                .veto("dotted numbers not opened by four digits (`123.456.782` amount style, `10.20.130.45` an IP"
                                + " address), `12345 6782`, `99992 61 96` (a scanned form's boxes) and a number in a file"
                                + " name (`beschikking_123456782.pdf`) only count with a positive cue.",
                        c -> ((c.value().indexOf('.') >= 0 && c.value().indexOf('.') != 4) || c.value().indexOf(' ') == 5
                                || inFileName(c.lower(), c.start(), c.end()))
                                && c.cue().signal() != ContextEnhancer.Signal.POSITIVE)
                .scores(0.95, 0.6, 0.2)
                .threshold(0.5)
                .note("An elfproef-passing number with a negative label is not reported, an unlabelled one is (fail"
                        + " safe); `NL…B01` (btw-id) never matches.")
                .build();
    }

    private static final java.util.regex.Pattern FILE_EXTENSION =
            java.util.regex.Pattern.compile("\\.(?:pdf|docx?|xlsx?|odt|ods|csv|txt|jpe?g|png|tiff?|msg|eml|zip|xml|json)\\b");

    /** "beschikking_123456782.pdf", "scan-123456782.jpg": the number is glued by {@code _} or is followed by an extension. */
    static boolean inFileName(String lower, int start, int end) {
        return start > 0 && lower.charAt(start - 1) == '_' || end < lower.length() && lower.charAt(end) == '_'
                || end < lower.length() && lower.charAt(end) == '.'
                        && FILE_EXTENSION.matcher(lower).region(end, Math.min(lower.length(), end + 6)).lookingAt();
    }

    /**
     * Phone numbers as spreadsheets leave them — the leading zero gone ({@code 612345678}) or the country code without
     * {@code +} ({@code 31612345678}) — which only a phone word (or a {@code mobiel} column) makes a phone number.
     */
    public static Recognizer phoneByContext() {
        return PatternRecognizer.builder("phone-context", EntityType.PHONE)
                .context(ContextEnhancer.of("/pii/context/phone.txt", 30, 0))
                .pattern("`31` + nine digits, or nine digits without the leading zero (also `612 345 678`, `612 34 56 78`,"
                                + " `6 2814 4719`, `6 12 34 56 78`)",
                        "(?<![\\p{L}\\d+.,/-])(31[1-9]\\d{8}|[1-9]\\d{8}|[1-9]\\d{2}([ -])\\d{3}\\2\\d{3}"
                                + "|[1-9]\\d{2}([ -])\\d{2}\\3\\d{2}\\3\\d{2}|[1-9]([ -])\\d{4}\\4\\d{4}"
                                + "|[1-9]([ -])\\d{2}\\5\\d{2}\\5\\d{2}\\5\\d{2})"
                                + "(?![\\p{L}\\d]|[.,-]\\d)",
                        PatternRecognizer.Start.DIGIT_RUN)
                .scores(0.9, 0, 0)
                .onlyWhenMentioned()
                .note("Never without a phone word or key: nine digits are as often a BSN or a client number.")
                .build();
    }

    /**
     * A Dutch mobile number in international form without its {@code +} ({@code 31687412290}), as SMS gateways,
     * WhatsApp exports and spreadsheets write it. {@code 316} and eight more digits is that shape and little else, so
     * it needs no phone word; a BSN, client or case label rules it out.
     */
    public static Recognizer mobileWithoutPlus() {
        return PatternRecognizer.builder("phone-mobile-compact", EntityType.PHONE)
                .context(ContextEnhancer.of("/pii/context/phone.txt", 30, 0))
                .pattern("`316` + eight digits", "(?<![\\p{L}\\d+.,/-])(316\\d{8})(?![\\p{L}\\d]|[.,-]\\d)",
                        PatternRecognizer.Start.DIGIT_RUN)
                .scores(0.9, 0.7, 0)
                .note("A Dutch mobile number without `+` or leading zero; also without a phone word, unless a negative"
                        + " label (`bsn`, `klantnummer`, `kenmerk` …) is nearer.")
                .build();
    }

    /** A date of birth: a date with birth context nearby; other dates (meetings, decisions) are left alone. */
    public static Recognizer dateOfBirth() {
        String months = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
                + "|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
                + "|january|february|march|may|june|july|august|october|mar|oct|mai";
        // tenth round: French and Spanish months, for mail from residents who write in their own language
        // ("née le 4 août 2023", "nací el 14 de marzo de 1951")
        String foreignMonths = "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre"
                + "|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
                + "|noviembre|diciembre";
        return PatternRecognizer.builder("date-of-birth", EntityType.DATE_OF_BIRTH)
                .context(ContextEnhancer.of("/pii/context/date-of-birth.txt", 40,
                        "/pii/context/date-of-birth-after.txt", 20))
                .pattern("date: `d-m-yyyy` (also `/`, `.`, two-digit year, `'64`), ISO `yyyy-mm-dd`, compact `ddmmyyyy` and"
                                + " `yyyymmdd`, `3 maart 1961`, `5 mei '75`, `9 February 1997`, `12 MRT/MAR 1985` (passport"
                                + " style), `00-00-1999` (day and month unknown, as the population register writes it),"
                                + " `13-FEB-84` (an export's style), `4 août 2023`, `14 de marzo de 1951`, `23 08 1981`"
                                + " (a scanned form's boxes)",
                        "(?<![\\p{L}\\d])((?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:(?:19|20)?\\d{2}|['’]\\d{2})"
                                + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
                                + "|(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\\d{2}"
                                + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
                                + "|00[-/.](?:00|0[1-9]|1[0-2])[-/.](?:19|20)\\d{2}"
                                + "|(?:0?[1-9]|[12]\\d|3[01])(?:e)? (?i:" + months + ")\\.?(?:/(?i:" + months + "))?"
                                + " (?:(?:19|20)\\d{2}|['’]\\d{2})"
                                + "|(?:0?[1-9]|[12]\\d|3[01])-(?i:" + months + ")-(?:(?:19|20)?\\d{2})"
                                + "|(?:0?[1-9]|[12]\\d|3[01]) (?:de )?(?i:" + foreignMonths + ")(?: de)? (?:19|20)\\d{2}"
                                + "|(?:0[1-9]|[12]\\d|3[01]) (?:0[1-9]|1[0-2]) (?:19|20)\\d{2})"
                                + "(?![\\p{L}\\d])", PatternRecognizer.Start.DIGIT_RUN)
                .veto("a date in a later year than this one (`op 5 maart 2027. Geboortedatum …`) is no one's birth date,"
                                + " nor a date with a time after it (`[28-11-26 09:55:48] …`, a chat time stamp).",
                        c -> laterThanThisYear(c.value()) || timeFollows(c.lower(), c.end()))
                .scores(0.9, 0, 0)
                .note("Only with birth context; other dates are left alone.")
                .build();
    }

    /**
     * A birth date in the American order ("born March 12, 1987"), in English mail from expats. Looked for only when the
     * text says {@code born} or {@code birth}: the pattern starts at a word, not a digit.
     */
    public static Recognizer dateOfBirthMonthFirst() {
        String months = "january|february|march|april|may|june|july|august|september|october|november|december"
                + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
        return PatternRecognizer.builder("date-of-birth-month-first", EntityType.DATE_OF_BIRTH)
                .context(ContextEnhancer.of("/pii/context/date-of-birth.txt", 40,
                        "/pii/context/date-of-birth-after.txt", 20))
                .pattern("month first: `March 12, 1987`, `Sept. 3 1990`",
                        "(?<![\\p{L}])((?i:" + months + ")\\.? (?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,? (?:19|20)\\d{2})"
                                + "(?![\\p{L}\\d])", PatternRecognizer.Start.TOKEN)
                .veto("a date in a later year than this one is no one's birth date.", c -> laterThanThisYear(c.value()))
                .scores(0.9, 0, 0)
                .onlyWhenTextContains("born", "birth")
                .onlyWhenMentioned()
                .note("Only with birth context, like dates in figures.")
                .build();
    }

    /**
     * A birth date written out in words, as deeds and formal letters do ("geboren op negen juli
     * negentienhonderdzestig", "twee en twintig mei negentienhonderd achtenzestig"). Only looked for when a birth
     * word occurs in the text.
     */
    public static Recognizer dateOfBirthInWords() {
        String unit = "een|twee|drie|vier|vijf|zes|zeven|acht|negen";
        String teen = "tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien";
        String tens = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig";
        String upTo99 = "(?:(?:" + unit + ")\\s?(?:en|ën)\\s?(?:" + tens + ")|" + tens + "|" + teen + "|" + unit + ")";
        String months = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";
        return PatternRecognizer.builder("date-of-birth-words", EntityType.DATE_OF_BIRTH)
                .context(ContextEnhancer.of("/pii/context/date-of-birth.txt", 40,
                        "/pii/context/date-of-birth-after.txt", 20))
                .pattern("date in words: `negen juli negentienhonderdzestig`, `vijf februari tweeduizend vijftien`,"
                                + " `veertien juli negentienzestig` (the year as it is said)",
                        "(?i)(?<![\\p{L}])(" + upTo99 + "\\s(?:" + months + ")\\s(?:(?:negentienhonderd|tweeduizend)"
                                + "(?:\\s?(?:en\\s?)?" + upTo99 + ")?|negentien\\s?" + upTo99 + "))(?![\\p{L}])",
                        PatternRecognizer.Start.TOKEN)
                .scores(0.9, 0, 0)
                .onlyWhenTextContains("negentienhonderd", "tweeduizend", "negentien")
                .onlyWhenMentioned()
                .note("Only with birth context, like dates in figures.")
                .build();
    }

    /** Whether a time of day ({@code 09:55}, {@code 9.30 uur} not included) follows a date at {@code end}. */
    static boolean timeFollows(String lower, int end) {
        int i = end;
        if (i < lower.length() && (lower.charAt(i) == ' ' || lower.charAt(i) == 't')) {
            i++;
        }
        int digits = 0;
        while (i < lower.length() && digits < 3 && Character.isDigit(lower.charAt(i))) {
            i++;
            digits++;
        }
        return digits >= 1 && digits <= 2 && i + 2 < lower.length() && lower.charAt(i) == ':'
                && Character.isDigit(lower.charAt(i + 1)) && Character.isDigit(lower.charAt(i + 2));
    }

    /** The current year and until when (epoch millis) it was read: {@code Year.now()} per date cost ~0.6 % of a call. */
    private record YearRead(int year, long validUntil) {
    }

    private static volatile YearRead yearRead = new YearRead(0, 0);

    static int currentYear() {
        long now = System.currentTimeMillis();
        YearRead read = yearRead;
        if (now >= read.validUntil()) {
            read = new YearRead(java.time.Year.now().getValue(), now + 60_000);
            yearRead = read;
        }
        return read.year();
    }

    /** Whether a date's four-digit year (19xx, 20xx) lies after the current year. */
    static boolean laterThanThisYear(String date) {
        for (int i = 0; i + 4 <= date.length(); i++) {
            if ((date.startsWith("19", i) || date.startsWith("20", i)) && (i == 0 || !Character.isDigit(date.charAt(i - 1)))
                    && Character.isDigit(date.charAt(i + 2)) && Character.isDigit(date.charAt(i + 3))
                    && (i + 4 == date.length() || !Character.isDigit(date.charAt(i + 4)))) {
                return Integer.parseInt(date, i, i + 4, 10) > currentYear();
            }
        }
        return false;
    }

    /**
     * Numbers of identity documents: Dutch passport and identity-card numbers (two letters, six letters or digits,
     * one digit; never the letter O) and driving-licence numbers (ten digits). Both shapes are common in other
     * codes too, so a document word must be near.
     */
    public static Recognizer idDocument() {
        return PatternRecognizer.builder("id-document", EntityType.ID_DOCUMENT)
                .context(ContextEnhancer.of("/pii/context/id-document.txt", 60, 20))
                .pattern("passport / ID-card number (2 letters, 6 letters-or-digits, 1 digit, no `O`; abroad also 1 letter"
                                + " and 7-8 digits; a residence document: 1 letter and 8 letters-or-digits, at least 4 digits)",
                        "(?<![\\p{L}\\d])((?i:[A-NP-Z]{2}[A-NP-Z0-9]{6}\\d)|[A-Z]\\d{7,8}|[A-Z](?=(?:[A-Z]*\\d){4})[A-Z0-9]{8})"
                                + "(?![\\p{L}\\d])",
                        PatternRecognizer.Start.TOKEN)
                .context(ContextEnhancer.of("/pii/context/driving-licence.txt", 60, 20))
                .pattern("10-digit driving-licence number", "(?<![\\p{L}\\d])(\\d{10})(?![\\p{L}\\d])",
                        PatternRecognizer.Start.DIGIT_RUN)
                .scores(0.85, 0, 0)
                .onlyWhenMentioned()
                .note("**Only with a document word nearby**: the shapes are too common in case codes.")
                .build();
    }

    /** V-nummers (vreemdelingennummer of the IND): ten digits, also grouped, next to the word. */
    public static Recognizer vNumber() {
        return PatternRecognizer.builder("v-number", EntityType.V_NUMBER)
                .context(ContextEnhancer.of("/pii/context/v-number.txt", 60, 25))
                .pattern("10 digits, also grouped 4-3-3, 4-4-2 or 2-2-2-2-2",
                        "(?<![\\p{L}\\d])(\\d{10}|\\d{4}[ .]\\d{3}[ .]\\d{3}|\\d{4}[ .]\\d{4}[ .]\\d{2}"
                                + "|\\d{2}[ .]\\d{2}[ .]\\d{2}[ .]\\d{2}[ .]\\d{2})"
                                + "(?![\\p{L}\\d]|[.,]\\d)", PatternRecognizer.Start.DIGIT_RUN)
                .scores(0.9, 0, 0)
                .onlyWhenMentioned()
                .build();
    }

    /**
     * KvK numbers where they identify a person: a sole trader is named in the same passage and no legal person is
     * nearer. The KvK number of a company is not personal data.
     */
    public static Recognizer kvk() {
        ContextEnhancer soleTrader = ContextEnhancer.of("/pii/context/kvk-sole-trader.txt", 250, 150);
        return PatternRecognizer.builder("kvk", EntityType.KVK)
                .context(ContextEnhancer.of("/pii/context/kvk.txt", 50, 0))
                .pattern("8 digits, also `1234 5678`, `12.345.678`, `12 345 678`",
                        "(?<![\\p{L}\\d])(\\d{8}|\\d{4} \\d{4}|\\d{2}\\.\\d{3}\\.\\d{3}|\\d{2} \\d{3} \\d{3})"
                                + "(?![\\p{L}\\d]|[.,]\\d)", PatternRecognizer.Start.DIGIT_RUN)
                .veto("**only for sole traders**: a sole-trader word (" + soleTrader.describe()
                                + ") must be nearer than a legal-person word (in a table: in the same row, or, when the row"
                                + " has neither, above the table). A company's KvK number is not personal data.",
                        c -> c.cue().signal() == ContextEnhancer.Signal.POSITIVE
                                && soleTraderSignal(soleTrader, c) != ContextEnhancer.Signal.POSITIVE)
                .scores(0.85, 0, 0)
                .onlyWhenMentioned()
                .build();
    }

    /**
     * The sole-trader cue of a KvK candidate: its passage (in JSON: its own object), or its table row, then the text
     * above the table, and last the other rows: when other rows name their legal form (`B.V.`, `V.O.F.`) and this row
     * names none, the table tells companies from sole traders, and this is a sole trader.
     */
    static ContextEnhancer.Signal soleTraderSignal(ContextEnhancer soleTrader, PatternRecognizer.Candidate c) {
        TextStructure.Field field = c.structure() == null || c.structure().isEmpty() ? null
                : c.structure().fieldAt(c.start(), c.end());
        if (field != null && field.kind() == TextStructure.Kind.JSON) {
            int open = c.lower().lastIndexOf('{', c.start());
            int close = c.lower().indexOf('}', c.end());
            int to = close < 0 ? c.lower().length() : close;
            ContextEnhancer.Signal object = soleTrader.signalWithin(c.lower(), c.start(), c.end(), Math.max(0, open), to);
            return object == ContextEnhancer.Signal.NONE && objectNamesAPerson(c.structure(), Math.max(0, open), to)
                    ? ContextEnhancer.Signal.POSITIVE : object;
        }
        if (!c.inTableRow()) {
            ContextEnhancer.Cue cue = soleTrader.cue(c.lower(), c.start(), c.end());
            if (cue.signal() != ContextEnhancer.Signal.POSITIVE || !"before".equals(cue.where())) {
                return cue.signal();
            }
            int cueAt = c.lower().lastIndexOf(cue.word(), c.start() - 1);
            if (spentOnAnotherFirm(c.lower(), cueAt, c.start())) {
                return ContextEnhancer.Signal.NONE;
            }
            // "eenmanszaak 90417728, 56130042 is zijn bv": the word went to the first number, the second is the bv's
            return afterEightDigits(c.lower(), cueAt, c.start()) && soleTrader.signalWithin(c.lower(), c.start(),
                    c.end(), c.end(), Math.min(c.lower().length(), c.end() + 30)) == ContextEnhancer.Signal.NEGATIVE
                    ? ContextEnhancer.Signal.NEGATIVE : ContextEnhancer.Signal.POSITIVE;
        }
        ContextEnhancer.Signal row = soleTrader.signalOnLine(c.lower(), c.start(), c.end());
        if (row != ContextEnhancer.Signal.NONE) {
            return row;
        }
        int tableStart = c.start();
        for (TextStructure.Field f : c.structure().fields()) {
            if (f.kind() == TextStructure.Kind.TABLE && f.start() <= c.start()) {
                tableStart = Math.min(tableStart, f.start());
            }
        }
        int headerStart = c.lower().lastIndexOf('\n', Math.max(0, c.lower().lastIndexOf('\n', tableStart - 1) - 1)) + 1;
        ContextEnhancer.Signal above = soleTrader.signalBefore(c.lower(), headerStart);
        if (above != ContextEnhancer.Signal.NONE) {
            return above;
        }
        return !rowNamesAnOrganisation(c) && otherRowNamesALegalPerson(soleTrader, c, tableStart)
                ? ContextEnhancer.Signal.POSITIVE : ContextEnhancer.Signal.NONE;
    }

    /** Whether an eight-digit number stands between {@code from} and {@code to}. */
    private static boolean afterEightDigits(String lower, int from, int to) {
        int digits = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            digits = Character.isDigit(lower.charAt(i)) ? digits + 1 : 0;
            if (digits == 8 && (i + 1 >= to || !Character.isDigit(lower.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Keys that hold a person's own name only ({@code naam} may hold a firm's): a record with one is a person's. */
    private static final java.util.Set<String> PERSON_NAME_KEYS = java.util.Set.of("voornaam", "voornamen",
            "geslachtsnaam", "achternaam", "roepnaam", "first name", "firstname", "given name", "givenname",
            "last name", "lastname", "family name", "familyname", "surname");

    /**
     * {@code {"voornamen": "Sjoerd", "geslachtsnaam": "Zandstra", "kvk": …}}: a JSON object that holds a person's
     * name under a person-name key is a person's record, and a KvK number in it is a sole trader's (a firm's record
     * names the firm, under {@code naam} or {@code handelsnaam}, and its legal form is a negative cue first).
     */
    private static boolean objectNamesAPerson(TextStructure structure, int from, int to) {
        for (TextStructure.Field f : structure.fields()) {
            if (f.kind() == TextStructure.Kind.JSON && f.start() > from && f.end() <= to
                    && PERSON_NAME_KEYS.contains(f.key())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "eenmanszaak met kvk 71846203, de brouwerij waar ze werkt heeft kvk 34127788": the sole-trader word was spent on
     * an earlier eight-digit number, and an organisation word ({@code brouwerij}, {@code …bedrijf}) after that number
     * names the firm the candidate belongs to.
     */
    private static boolean spentOnAnotherFirm(String lower, int cueAt, int start) {
        if (cueAt < 0) {
            return false;
        }
        int digits = 0;
        int afterNumber = -1;
        for (int i = cueAt; i < start && afterNumber < 0; i++) {
            digits = Character.isDigit(lower.charAt(i)) ? digits + 1 : 0;
            if (digits == 8 && (i + 1 >= start || !Character.isDigit(lower.charAt(i + 1)))) {
                afterNumber = i + 1;
            }
        }
        if (afterNumber < 0) {
            return false;
        }
        for (int i = afterNumber; i < start; i++) {
            if (Character.isLetter(lower.charAt(i)) && !Character.isLetter(lower.charAt(i - 1))) {
                int e = i;
                while (e < start && Character.isLetter(lower.charAt(e))) {
                    e++;
                }
                if (FieldRecognizer.organisationWord(lower.substring(i, e))) {
                    return true;
                }
                i = e;
            }
        }
        return false;
    }

    /** "Hotel De Gouden Leeuw", "Drukkerij De Bakker": a word of the row opens an organisation's name. */
    private static boolean rowNamesAnOrganisation(PatternRecognizer.Candidate c) {
        String lower = c.lower();
        int from = lower.lastIndexOf('\n', c.start() - 1) + 1;
        int to = lower.indexOf('\n', c.end());
        to = to < 0 ? lower.length() : to;
        for (int i = from; i < to; i++) {
            if (Character.isLetter(lower.charAt(i)) && (i == from || !Character.isLetter(lower.charAt(i - 1)))) {
                int e = i;
                while (e < to && Character.isLetter(lower.charAt(e))) {
                    e++;
                }
                if (FieldRecognizer.organisationWord(lower.substring(i, e))) {
                    return true;
                }
                i = e;
            }
        }
        return false;
    }

    /** Whether another row of the candidate's table (consecutive lines with cells from {@code tableStart}) has a legal form. */
    private static boolean otherRowNamesALegalPerson(ContextEnhancer soleTrader, PatternRecognizer.Candidate c,
            int tableStart) {
        String lower = c.lower();
        int ownLine = lower.lastIndexOf('\n', c.start() - 1) + 1;
        int lastLineEnd = -1;
        for (TextStructure.Field f : c.structure().fields()) {
            if (f.kind() != TextStructure.Kind.TABLE || f.start() < tableStart) {
                continue;
            }
            int lineStart = lower.lastIndexOf('\n', f.start() - 1) + 1;
            if (lineStart <= lastLineEnd) {
                continue; // a further cell of a row already read
            }
            if (lastLineEnd >= 0 && lineStart > lastLineEnd + 1) {
                break; // a line without cells: the table ended
            }
            int lineEnd = lower.indexOf('\n', f.start());
            lastLineEnd = lineEnd < 0 ? lower.length() : lineEnd;
            if (lineStart != ownLine
                    && soleTrader.signalOnLine(lower, lastLineEnd, lastLineEnd) == ContextEnhancer.Signal.NEGATIVE) {
                return true;
            }
        }
        return false;
    }
}
