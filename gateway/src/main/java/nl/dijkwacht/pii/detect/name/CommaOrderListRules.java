package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.dijkwacht.pii.detect.ReadCounts;

/**
 * Rule family: the other items of a list of names in "Achternaam, Voornaam" order next to one found in it — one a
 * line ("Mamani Quispe, Rosa" above "Fernández, Mateo"), or apart by {@code ;}, {@code /} or {@code en}
 * ("Ngata, Tama; Fifita, Sione; Vaipulu, Losaline", "AL-SAMARRAI, MUSTAFA ABDULLAH en YOUKHANA, NINEB"). An item is
 * one to three surname words, a comma, perhaps Outlook's particles and a second comma, and one or two given names,
 * every word capitalised (or in capitals) and none a common, function, title, street or organisation word; given names
 * need not be known. Chains along the list. A comma alone does not part items: "Jansen, Piet, Els" is ambiguous.
 */
final class CommaOrderListRules {

    static final String RULE = "list item in surname-comma order beside one found";

    private static final int MAX_ITEMS = 24;
    private static final String[] SEPARATORS = {"; ", " / ", " en ", " EN ", " and "};

    private CommaOrderListRules() {
    }

    /** Adds the names found to {@code spans}. */
    static void find(String text, List<NameSpan> spans) {
        List<NameSpan> added = new ArrayList<>();
        int anchors = 0;
        for (NameSpan s : spans) {
            if (!item(text, s.start(), s.end()) || anchors++ >= 16) {
                continue;
            }
            int end = s.end();
            for (int n = 0; n < MAX_ITEMS; n++) { // forwards
                int from = nextItemStart(text, end);
                int to = from < 0 ? -1 : itemEnd(text, from);
                if (to < 0 || !item(text, from, to)) {
                    break;
                }
                add(spans, added, from, to);
                end = to;
            }
            int start = s.start();
            for (int n = 0; n < MAX_ITEMS; n++) { // backwards
                int to = previousItemEnd(text, start);
                int from = to < 0 ? -1 : itemStart(text, to);
                if (from < 0 || !item(text, from, to)) {
                    break;
                }
                add(spans, added, from, to);
                start = from;
            }
        }
        spans.addAll(added);
    }

    private static void add(List<NameSpan> spans, List<NameSpan> added, int from, int to) {
        for (List<NameSpan> list : List.of(spans, added)) {
            for (NameSpan s : list) {
                if (s.start() <= from && to <= s.end()) {
                    return;
                }
            }
        }
        added.add(new NameSpan(from, to, -1, RULE));
    }

    /** Whether [from, to) is "Surname words, [particles,] Given names" and nothing else. */
    static boolean item(String text, int from, int to) {
        int comma = commaIn(text, from, to);
        if (comma < 0) { // the ", " must lie inside the item: "; , " once ended a span between its two characters
            return false;
        }
        String[] surname = text.substring(from, comma).split(" ");
        String rest = text.substring(comma + 2, to);
        int second = rest.indexOf(", ");
        if (second >= 0) { // Outlook's "Berg, van den, Koos": only particles between the commas
            for (String p : rest.substring(0, second).split(" ")) {
                if (!NameWords.PARTICLES.contains(p.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            rest = rest.substring(second + 2);
        }
        String[] given = rest.split(" ");
        return words(surname, 1, 3, true) && words(given, 1, 2, false);
    }

    /**
     * The first ", " lying wholly inside [from, to), or -1. Looks only there (lin27: {@code indexOf(", ", from)} read
     * on to the end of the text for every item without a comma: quadratic on a long list).
     */
    static int commaIn(String text, int from, int to) {
        ReadCounts.add(ReadCounts.COMMA, to - from);
        for (int i = from; i + 2 <= to; i++) {
            if (text.charAt(i) == ',' && text.charAt(i + 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static boolean words(String[] words, int min, int max, boolean particlesFirst) {
        int named = 0;
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            String lower = w.toLowerCase(Locale.ROOT);
            if (particlesFirst && k < words.length - 1 && NameWords.PARTICLES.contains(lower)) {
                continue; // "van der Heide, Sietske", "in 't Veld, Kees"
            }
            if (w.length() < 2 || !Character.isUpperCase(w.charAt(0)) || !ChatNameRules.surnameLike(lower)
                    || NameWords.NOT_NAMES.contains(lower)) {
                return false;
            }
            for (int i = 1; i < w.length(); i++) {
                char c = w.charAt(i);
                if (!(Character.isLetter(c) || c == '-' || c == '\'' || c == '’')) {
                    return false;
                }
            }
            named++;
        }
        return named >= min && named <= max;
    }

    /** The start of the item after the one ending at {@code end}: after a separator, or the next line. */
    private static int nextItemStart(String text, int end) {
        for (String sep : SEPARATORS) {
            if (text.startsWith(sep, end)) {
                return end + sep.length();
            }
        }
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '\n') {
            return -1;
        }
        return skipBullet(text, i + 1);
    }

    private static int previousItemEnd(String text, int start) {
        for (String sep : SEPARATORS) {
            int at = start - sep.length();
            if (at > 0 && text.startsWith(sep, at)) {
                return at;
            }
        }
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        if (lineStart == 0 || skipBullet(text, lineStart) != start) {
            return -1; // the found item must open its line to have a line above as its neighbour
        }
        int e = lineStart - 1;
        while (e > 0 && text.charAt(e - 1) == ' ') {
            e--;
        }
        return e;
    }

    private static int skipBullet(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i + 1 < text.length() && "-*•·".indexOf(text.charAt(i)) >= 0 && text.charAt(i + 1) == ' ') {
            i += 2;
        }
        return i;
    }

    /** An item runs to a separator, a line end, a bracket or a full stop. */
    private static int itemEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ';' || c == '\n' || c == '(' || c == ':' || c == '?' || c == '!' || c == '/' || c == '\t'
                    || (c == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
                break;
            }
            if (startsWithSeparator(text, i)) {
                break;
            }
            i++;
        }
        while (i > from && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }

    private static int itemStart(String text, int to) {
        int i = to;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == ';' || c == '\n' || c == ')' || c == ':' || c == '?' || c == '!' || c == '/' || c == '\t'
                    || c == '.' && (i == to || text.charAt(i) == ' ')) {
                break;
            }
            if (i >= 4 && (text.startsWith(" en ", i - 4) || text.startsWith(" EN ", i - 4))) {
                break;
            }
            i--;
        }
        return skipBullet(text, i);
    }

    private static boolean startsWithSeparator(String text, int i) {
        for (String sep : SEPARATORS) {
            if (text.startsWith(sep, i)) {
                return true;
            }
        }
        return false;
    }
}
