package nl.dijkwacht.pii.detect;

/**
 * Whether a KvK number belongs to a sole trader: the sole-trader and legal-person words of its passage, its JSON
 * object, its table row or the text above the table, and what the other rows of the table name.
 */
final class SoleTraderCue {

    private SoleTraderCue() {
    }

    /**
     * The sole-trader cue of a KvK candidate: its passage (in JSON: its own object), or its table row, then the text
     * above the table, and last the other rows: when other rows name their legal form (`B.V.`, `V.O.F.`) and this row
     * names none, the table tells companies from sole traders, and this is a sole trader.
     */
    static ContextEnhancer.Signal signal(ContextEnhancer soleTrader, PatternRecognizer.Candidate c) {
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
                if (PersonFieldValues.organisationWord(lower.substring(i, e))) {
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
                if (PersonFieldValues.organisationWord(lower.substring(i, e))) {
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
