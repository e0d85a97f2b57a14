package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule family: the other items of a list typed in one case as a name found in it ("tharshini sivakumar, pemba
 * sherpa, aung kyaw thu", "ALI HASSAN OMER, MAKUEI DENG, NYAKIM GATKUOTH"): next to a found name of two or more words
 * in lower case or in capitals, an item between list separators ({@code , ; en | &}) of two or three words written
 * the same way, none a common, function, title, street or organisation word ({@link ChatNameRules#surnameLike}), is a
 * name too; it chains along the list. Since the ninth round also names written with capitals ("Mimi Basily, Zoni
 * Ernst en Pietje Wagner", "Aino Mäkelä, Ieuan Pritchard"), which the model misses when a name is rare, with a title
 * in front skipped ("dhr. Frans Tehupeiory") and places, royals and known firms left out.
 */
final class ListItemNameRules {

    static final String RULE = "list item written like a name found in the list";

    private static final int MAX_ITEMS = 16;

    private ListItemNameRules() {
    }

    /** Adds the names found to {@code spans}. */
    static void find(String text, List<NameSpan> spans) {
        List<NameSpan> added = new ArrayList<>();
        for (NameSpan s : spans) {
            Style style = Style.of(text, s.start(), s.end());
            if (style == null) {
                continue;
            }
            int end = s.end();
            for (int n = 0; n < MAX_ITEMS; n++) { // forwards
                int from = afterSeparator(text, end);
                if (from < 0) {
                    break;
                }
                int to = itemEnd(text, from);
                from = afterTitle(text, from, to, style);
                if (!nameItem(text, from, to, style)) {
                    break;
                }
                if (!within(spans, added, from, to)) { // a part found already ("[farrukh] nazarov") is taken in
                    added.add(new NameSpan(from, to, -1, RULE));
                }
                end = to;
            }
            int start = s.start();
            for (int n = 0; n < MAX_ITEMS; n++) { // backwards
                int to = beforeSeparator(text, start);
                if (to < 0) {
                    break;
                }
                int from = afterTitle(text, itemStart(text, to), to, style);
                if (!nameItem(text, from, to, style)) {
                    break;
                }
                if (!within(spans, added, from, to)) {
                    added.add(new NameSpan(from, to, -1, RULE));
                }
                start = from;
            }
        }
        spans.addAll(added);
    }

    private enum Style {
        LOWER, CAPITALS, CAPITALISED;

        /**
         * The style of a name of two or more words written all in lower case, all in capitals, or each word
         * capitalised (particles in lower case between them: "Jan van Arkel"), else null.
         */
        static Style of(String text, int from, int to) {
            boolean lower = true;
            boolean upper = true;
            boolean capitalised = true;
            int words = 1;
            int wordStart = from;
            for (int i = from; i <= to; i++) {
                char c = i < to ? text.charAt(i) : ' ';
                if (Character.isLetter(c)) {
                    lower &= Character.isLowerCase(c);
                    upper &= Character.isUpperCase(c);
                } else if (c == ' ') {
                    capitalised &= capitalisedWord(text, wordStart, i, wordStart == from || i == to);
                    wordStart = i + 1;
                    words += i < to ? 1 : 0;
                } else if (c != '-' && c != '\'' && c != '’') {
                    return null;
                }
            }
            if (words < 2) {
                return null;
            }
            return lower ? LOWER : upper ? CAPITALS : capitalised ? CAPITALISED : null;
        }

        /** "Pritchard", "Boer-Hiemstra", or a particle in lower case inside the name ("van", "de"). */
        private static boolean capitalisedWord(String text, int from, int to, boolean edge) {
            if (to - from < 2) {
                return false;
            }
            if (Character.isLowerCase(text.charAt(from))) {
                return !edge && NameWords.PARTICLES.contains(text.substring(from, to).toLowerCase(java.util.Locale.ROOT));
            }
            for (int i = from + 1; i < to; i++) {
                if (Character.isUpperCase(text.charAt(i)) && text.charAt(i - 1) != '-' && text.charAt(i - 1) != '\'') {
                    return false; // "McDonald", "WhatsApp", "KPN": not written like a name here
                }
            }
            return Character.isUpperCase(text.charAt(from));
        }
    }

    /** "dhr. Frans Tehupeiory": in a capitalised list a title before the name is not part of the item. */
    private static int afterTitle(String text, int from, int to, Style style) {
        if (style != Style.CAPITALISED) {
            return from;
        }
        int i = from;
        for (int n = 0; n < 2; n++) {
            int j = i;
            while (j < to && Character.isLetter(text.charAt(j))) {
                j++;
            }
            if (j < to && text.charAt(j) == '.') {
                j++;
            }
            String word = text.substring(i, j).toLowerCase(java.util.Locale.ROOT);
            if (j >= to || text.charAt(j) != ' ' || !NameWords.TITLES.contains(word)
                    && !NameWords.TITLES.contains(word.replace(".", ""))) {
                return i;
            }
            i = j + 1;
        }
        return i;
    }

    private static boolean nameItem(String text, int from, int to, Style style) {
        if (to - from < 5 || Style.of(text, from, to) != style) {
            return false;
        }
        int words = 0;
        int i = from;
        while (i < to) {
            int j = text.indexOf(' ', i);
            if (j < 0 || j > to) {
                j = to;
            }
            String w = text.substring(i, j).toLowerCase(java.util.Locale.ROOT);
            if (NameWords.PARTICLES.contains(w) && i != from && j != to) {
                i = j + 1;
                continue;
            }
            if (w.length() < 2 || !ChatNameRules.surnameLike(w)) {
                return false;
            }
            words++;
            i = j + 1;
        }
        // the costly look around last: places, royals and known firms are no names
        return words >= 2 && words <= 3
                && !(style == Style.CAPITALISED && PlaceAndTitleFilter.notAPerson(text, from, to));
    }

    /** The start of the item after a separator at {@code end} (", ", "; ", " en "), or -1. */
    private static int afterSeparator(String text, int end) {
        for (String sep : SEPARATORS) {
            if (text.startsWith(sep, end)) {
                return end + sep.length();
            }
        }
        return -1;
    }

    /** The end of the item before a separator ending at {@code start}, or -1. */
    private static int beforeSeparator(String text, int start) {
        for (String sep : SEPARATORS) {
            int at = start - sep.length();
            if (at > 0 && text.startsWith(sep, at)) {
                return at;
            }
        }
        return -1;
    }

    private static final String[] SEPARATORS = {", ", "; ", " en ", " EN ", " | ", " & "};

    /** An item runs to the next separator, full stop, bracket or line end. */
    private static int itemEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '\n' || c == '(' || c == ':' || c == '?' || c == '!' || c == '|'
                    || c == '&' || (c == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))))
                    || text.startsWith(" en ", i) || text.startsWith(" EN ", i)) {
                break;
            }
            i++;
        }
        while (i > from && text.charAt(i - 1) == ' ') {
            i--; // "tomasz kowalczyk (bsn …": the blank before a bracket is not the name's
        }
        return i;
    }

    private static int itemStart(String text, int to) {
        int i = to;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == ',' || c == ';' || c == '\n' || c == ')' || c == ':' || c == '.' || c == '?' || c == '!'
                    || c == '|' || c == '&') {
                break;
            }
            if (i >= 4 && (text.startsWith(" en ", i - 4) || text.startsWith(" EN ", i - 4))) {
                break;
            }
            i--;
        }
        while (i < to && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Whether a span found already holds all of [from, to). */
    private static boolean within(List<NameSpan> spans, List<NameSpan> added, int from, int to) {
        for (NameSpan s : spans) {
            if (s.start() <= from && to <= s.end()) {
                return true;
            }
        }
        for (NameSpan s : added) {
            if (s.start() <= from && to <= s.end()) {
                return true;
            }
        }
        return false;
    }
}
