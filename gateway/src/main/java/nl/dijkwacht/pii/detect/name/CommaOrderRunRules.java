package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule family (tenth round): a run of three or more "Achternaam, Voornaam" items parted by {@code ;} or a dash is a
 * list of names even when no item is known ("Sesay, Fatmata; Ceesay, Modou Lamin; Koroma, Ishmael", "Tjon A Ten,
 * Marlon — Fung-A-Loi, Cheryl — Lie A Kwie, Ronald"). {@link CommaOrderListRules} needs one item found by another rule;
 * here the run itself is the evidence, since one comma inside each of several items parted by another separator is
 * how a list of names in that order is written. Each item must pass {@link CommaOrderListRules#item}; an item that
 * does not ("Team Inburgering") ends the run. Likewise a run of three or more items parted by commas whose family
 * name comes first in capitals ("VANG Pa Kou, XIONG Tou Yia, LOR Nou"), as Hmong, Lao or Chinese names are written
 * in records; a word in capitals without a vowel or of two letters is an acronym ("UWV Werkbedrijf") and ends it.
 */
final class CommaOrderRunRules {

    static final String RULE = "run of items in surname-comma order";
    private static final int MIN_RUN = 3;
    private static final String[] SEPARATORS = {"; ", " — ", " – "};
    private static final java.util.regex.Pattern CAPITALS_FIRST = java.util.regex.Pattern.compile(
            "\\p{Lu}{3,}(?:-\\p{Lu}{2,})? \\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)?(?: \\p{Lu}\\p{Ll}+){0,2}");

    private CommaOrderRunRules() {
    }

    static void find(String text, List<NameSpan> spans) {
        for (String sep : SEPARATORS) {
            if (text.contains(sep)) {
                find(text, sep, spans, false);
            }
        }
        if (text.contains(", ")) {
            find(text, ", ", spans, true);
        }
    }

    private static void find(String text, String sep, List<NameSpan> spans, boolean capitalsFirst) {
        int lineStart = 0;
        int next = text.indexOf(sep); // the next separator at or after lineStart (-1: none): looked up once, not per line
        while (lineStart < text.length() && next >= 0) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (next < lineEnd) {
                line(text, lineStart, lineEnd, sep, spans, capitalsFirst);
            }
            lineStart = lineEnd + 1;
            if (next < lineStart) {
                next = text.indexOf(sep, lineStart);
            }
        }
    }

    private static void line(String text, int from, int to, String sep, List<NameSpan> spans, boolean capitalsFirst) {
        List<int[]> run = new ArrayList<>();
        int s = from;
        while (s <= to) {
            int e = text.indexOf(sep, s);
            if (e < 0 || e > to) {
                e = to;
            }
            int[] item = trimmed(text, s, e, run.isEmpty());
            if (item != null && (capitalsFirst ? capitalsFirst(text, item[0], item[1])
                    : CommaOrderListRules.item(text, item[0], item[1]))) {
                run.add(item);
            } else {
                flush(run, spans);
            }
            s = e + sep.length();
        }
        flush(run, spans);
    }

    /** The item without blanks and a closing full stop; the first item of a run may follow a colon on its line. */
    private static int[] trimmed(String text, int s, int e, boolean first) {
        if (first) {
            for (int k = Math.min(e, text.length() - 2); k >= s; k--) { // the last ": " in the item, not before it
                if (text.charAt(k) == ':' && text.charAt(k + 1) == ' ') {
                    s = k + 2;
                    break;
                }
            }
        }
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == '.')) {
            e--;
        }
        return e > s ? new int[] {s, e} : null;
    }

    private static boolean capitalsFirst(String text, int s, int e) {
        for (int k = s; k < s + 3; k++) { // the pattern opens with three capitals: an ASCII character that is none ends it
            char c = k < e ? text.charAt(k) : 'a';
            if (c < 128 && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        String item = text.substring(s, e);
        if (!CAPITALS_FIRST.matcher(item).matches()) {
            return false;
        }
        String family = item.substring(0, item.indexOf(' '));
        return family.chars().anyMatch(c -> "AEIOUY".indexOf(c) >= 0)
                && !StreetOrganisationFilter.isStreetOrOrganisation(family.toLowerCase(java.util.Locale.ROOT));
    }

    private static void flush(List<int[]> run, List<NameSpan> spans) {
        if (run.size() >= MIN_RUN) {
            for (int[] item : run) {
                spans.add(new NameSpan(item[0], item[1], -1, RULE));
            }
        }
        run.clear();
    }
}
