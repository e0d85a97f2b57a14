package nl.dijkwacht.pii.detect;

/**
 * Dates of birth: a date in figures, in words or month first, with birth context nearby; other dates (meetings,
 * decisions, time stamps, dates in a later year) are left alone.
 */
public final class DateOfBirthPatterns {

    private DateOfBirthPatterns() {
    }

    /** A date of birth: a date with birth context nearby; other dates (meetings, decisions) are left alone. */
    public static Recognizer dateOfBirth() {
        String months = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
                + "|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
                + "|january|february|march|may|june|july|august|october|mar|oct|mai";
        // French and Spanish months, for mail from residents who write in their own language
        // ("née le 4 août 2023", "nací el 14 de marzo de 1951")
        String foreignMonths = "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre"
                + "|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
                + "|noviembre|diciembre";
        return PatternRecognizer.builder("date-of-birth", EntityType.DATE_OF_BIRTH)
                .context(ContextEnhancer.of("/pii/context/date-of-birth.txt", 40,
                        "/pii/context/date-of-birth-after.txt", 20))
                .pattern("date: `d-m-yyyy` (also `/`, `.`, two-digit year, `'64`, a scan's `3 / 5 / 2016` and `03-10-19 85`), ISO `yyyy-mm-dd`, compact `ddmmyyyy` and"
                                + " `yyyymmdd`, `3 maart 1961`, `5 mei '75`, `9 February 1997`, `12 MRT/MAR 1985` (passport"
                                + " style), `00-00-1999` (day and month unknown, as the population register writes it),"
                                + " `13-FEB-84` (an export's style), `4 août 2023`, `14 de marzo de 1951`, `23 08 1981`"
                                + " (a scanned form's boxes)",
                        // pii48b: a scan's split year ("03-10-19 85", tried before the two-digit year) and spaced
                        // separators ("3 / 5 / 2016")
                        "(?<![\\p{L}\\d])((?:0?[1-9]|[12]\\d|3[01])-(?:0?[1-9]|1[0-2])-(?:19|20) \\d{2}(?![\\p{L}\\d:.])"
                                + "|(?:0?[1-9]|[12]\\d|3[01])(?: / (?:0?[1-9]|1[0-2]) / | - (?:0?[1-9]|1[0-2]) - )(?:19|20)\\d{2}"
                                + "|(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:(?:19|20)?\\d{2}|['’]\\d{2})"
                                + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
                                + "|(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\\d{2}"
                                + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
                                + "|00[-/.](?:00|0[1-9]|1[0-2])[-/.](?:19|20)\\d{2}"
                                // each month-name branch first checks the shape of what follows the day with a look-ahead
                                // (letters and then a year): a necessary condition that fails in a few steps on "12 in
                                // Utrecht" or "14 maart doorgegeven", where the 35 case-insensitive month names were each
                                // tried at the letters, and the foreign ones after them (regex20)
                                + "|(?:0?[1-9]|[12]\\d|3[01])(?:e)?[ \\n](?=[A-Za-z]{3,9}\\.?(?:/[A-Za-z]{3,9})? (?:19|20|['’]))"
                                + "(?i:" + months + ")\\.?(?:/(?i:" + months + "))?"
                                + " (?:(?:19|20)\\d{2}|['’]\\d{2})"
                                + "|(?:0?[1-9]|[12]\\d|3[01])-(?=[A-Za-z]{3,9}-\\d)(?i:" + months + ")-(?:(?:19|20)?\\d{2})"
                                + "|(?:0?[1-9]|[12]\\d|3[01]) (?:de )?(?=\\p{L}{4,10}(?: de)? (?:19|20))(?i:" + foreignMonths
                                + ")(?: de)? (?:19|20)\\d{2}"
                                + "|(?:0[1-9]|[12]\\d|3[01]) (?:0[1-9]|1[0-2]) (?:19|20)\\d{2})"
                                + "(?![\\p{L}\\d])", 1, 2, 4, 8)
                .veto("a date in a later year than this one (`op 5 maart 2027. Geboortedatum …`) is no one's birth date,"
                                + " nor a date with a time after it (`[28-11-26 09:55:48] …`, a chat time stamp).",
                        c -> laterThanThisYear(c.value()) || timeFollows(c.lower(), c.end()))
                .scores(0.9, 0, 0)
                .note("Only with birth context; other dates are left alone.")
                .build();
    }

    /**
     * pii48b: a compact date ({@code 19870214}, {@code 14021987}) — how a spreadsheet column of birth dates reads when
     * pasted into a question about it — with the birth word farther away than for other dates: "geboortedatum van
     * nguyen van hung omzetten naar dd-mm-jjjj? ik heb 19720530", "de geboortejaren uit kolom A. voorbeeld: 19870214".
     * Eight digits that form a date are rarely anything else when birth dates are the subject; a compact date of this
     * year is today's or a file's date stamp ("de datum van vandaag (20261205)").
     */
    public static Recognizer dateOfBirthCompact() {
        return PatternRecognizer.builder("date-of-birth-compact", EntityType.DATE_OF_BIRTH)
                .context(ContextEnhancer.of("/pii/context/date-of-birth.txt", 120,
                        "/pii/context/date-of-birth-after.txt", 20))
                .pattern("compact `yyyymmdd` and `ddmmyyyy`",
                        "(?<![\\p{L}\\d])((?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
                                + "|(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\\d{2})(?![\\p{L}\\d]|[.,]\\d)", 8)
                .veto("a date of this year or later is a date stamp, not a birth date.", c -> !earlierThanThisYear(c.value()))
                .scores(0.85, 0, 0)
                .onlyWhenMentioned()
                .note("Only with birth context, farther away than for other dates (120 characters before).")
                .build();
    }

    private static boolean earlierThanThisYear(String compact) {
        int year = compact.startsWith("19") || compact.startsWith("20") ? Integer.parseInt(compact, 0, 4, 10)
                : Integer.parseInt(compact, 4, 8, 10);
        return year < currentYear();
    }

    /**
     * A birth date in the American order ("born March 12, 1987", "born 07/23/2018"), in English mail from expats. Looked
     * for only when the text says {@code born} or {@code birth}.
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
                // pii49 (held-out-15): "our son Kuba (born 07/23/2018)"; only a day after the 12th tells the order, an
                // earlier one reads day first (the date-of-birth recognizer's own pattern)
                .pattern("month first in figures: `07/23/2018` (a day after the 12th)",
                        "(?<![\\p{L}\\d])((?:0?[1-9]|1[0-2])/(?:1[3-9]|2\\d|3[01])/(?:19|20)\\d{2})(?![\\p{L}\\d])", 1, 2)
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
}
