package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules that use what the recognizers already found in the same text: a name found once ("Aan: Giovanni Russo")
 * marks its other occurrences ("Giovanni, schuif jij aan"), and a date in brackets right after a name
 * ("Abdi Hirsi (04-04-2010)") is that person's date of birth. Run by the detector after overlaps are resolved; they
 * only add findings where there is none.
 */
final class FindingLinks {

    private static final Pattern DATE_IN_BRACKETS = Pattern.compile(
            "\\s?\\(((?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01]))\\)");

    /** Parts of a name that are too common to mark elsewhere on their own. */
    private static final Set<String> NOT_ON_THEIR_OWN = new HashSet<>();

    static {
        NOT_ON_THEIR_OWN.addAll(WordList.set("/pii/names/particles.txt"));
        NOT_ON_THEIR_OWN.addAll(WordList.set("/pii/names/titles.txt"));
        NOT_ON_THEIR_OWN.addAll(WordList.set("/pii/names/not-names.txt"));
        NOT_ON_THEIR_OWN.addAll(WordList.set("/pii/names/ambiguous.txt"));
    }

    private FindingLinks() {
    }

    /** New findings (not overlapping {@code kept}, which is sorted and free of overlaps). */
    static List<Finding> link(String text, List<Finding> kept) {
        List<Finding> added = new ArrayList<>();
        Set<String> parts = new HashSet<>();
        for (Finding f : kept) {
            if (f.type() != EntityType.PERSON) {
                continue;
            }
            Matcher m = DATE_IN_BRACKETS.matcher(text).region(f.end(), Math.min(text.length(), f.end() + 16));
            if (m.lookingAt() && free(kept, added, m.start(1), m.end(1))) {
                added.add(new Finding(EntityType.DATE_OF_BIRTH, m.start(1), m.end(1), 0.85, "date-of-birth",
                        "date in brackets after a name", "person found before it"));
            }
            collectParts(text, f, parts);
        }
        for (String part : parts) {
            for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
                int e = i + part.length();
                if (wholeWord(text, i, e) && free(kept, added, i, e)) {
                    added.add(new Finding(EntityType.PERSON, i, e, 0.8, "person",
                            "same name as a person found elsewhere in the text", ""));
                }
            }
        }
        return added;
    }

    /** Capitalised parts of a found name, three letters or more, that are not common words. */
    private static void collectParts(String text, Finding f, Set<String> parts) {
        int i = f.start();
        while (i < f.end()) {
            while (i < f.end() && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < f.end() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-' || text.charAt(i) == '\'')) {
                i++;
            }
            if (i - s >= 3 && Character.isUpperCase(text.charAt(s)) && Character.isLowerCase(text.charAt(s + 1))
                    && (i >= f.end() || text.charAt(i) != '.')) {
                String part = text.substring(s, i);
                if (!NOT_ON_THEIR_OWN.contains(part.toLowerCase(java.util.Locale.ROOT))) {
                    parts.add(part);
                }
            }
        }
    }

    private static boolean wholeWord(String text, int s, int e) {
        return (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)) && text.charAt(s - 1) != '@'
                && text.charAt(s - 1) != '.')
                && (e >= text.length() || !Character.isLetterOrDigit(text.charAt(e)) && text.charAt(e) != '@'
                && text.charAt(e) != '-');
    }

    private static boolean free(List<Finding> kept, List<Finding> added, int s, int e) {
        for (Finding f : kept) {
            if (f.start() < e && s < f.end()) {
                return false;
            }
        }
        for (Finding f : added) {
            if (f.start() < e && s < f.end()) {
                return false;
            }
        }
        return true;
    }
}
