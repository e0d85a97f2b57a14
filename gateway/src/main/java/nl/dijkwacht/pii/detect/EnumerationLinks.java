package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.dijkwacht.words.WordList;

/**
 * pii51: an enumeration of people is a list of names as a whole — "Aanwezig: Roos, Bas, Mees, Storm (stagiair) en
 * Winter (notulist)", "De kinderen van groep 3: Mei, April, Sterre, Lente, Hope en Sky". Where at least two items of
 * one enumeration (three items or more on one line, the last after {@code en}/{@code and}/{@code &}) are found names
 * and every other item is one capitalised word that can be a name, those words are names too — also the ones that are
 * ordinary words as well ({@code Roos}, {@code Winter}, {@code Mei}), which the list-neighbour link
 * ({@link FindingLinks}) leaves alone. One such word further on in the text, capitalised the same, is then that person
 * too ("Roos meldt dat …"). An item that can never be a name (a function, title, particle or organisation word, two
 * words) makes it no list of people: nothing is added.
 */
final class EnumerationLinks {

    static final String RULE = "item of an enumeration of names";

    /**
     * Items that make an enumeration no list of people. Not {@code not-names.txt}: it holds months and seasons, which
     * are children's names in a list of children ("Mei, April, Lente").
     */
    private static final Set<String> NEVER_NAMES = WordList.union(
            "/pii/names/particles.txt",
            "/pii/names/titles.txt",
            "/pii/names/function-words.txt",
            "/pii/names/organisation-words.txt",
            "/pii/names/legal-forms.txt");

    private static final String[] SEPARATORS = {", ", " en ", " and ", " & "};

    /** Bounds the work, which grows with the square of the person findings (each item looks through all of them). */
    private static final int MAX_NAMES = 200;

    private EnumerationLinks() {
    }

    static void link(String text, List<Finding> kept, List<Finding> added) {
        List<Finding> names = new ArrayList<>();
        for (List<Finding> l : List.of(kept, added)) {
            for (Finding f : l) {
                if (f.type() == EntityType.PERSON) {
                    names.add(f);
                }
            }
        }
        if (names.size() < 2 || names.size() > MAX_NAMES) {
            return;
        }
        names.sort(Comparator.comparingInt(Finding::start));
        List<int[]> words = new ArrayList<>();
        int done = -1;
        for (Finding n : names) {
            if (n.start() < done) {
                continue;
            }
            List<int[]> items = new ArrayList<>();
            boolean coordinated = readItems(text, firstItem(text, n.start(), names), names, items);
            done = items.isEmpty() ? n.end() : items.get(items.size() - 1)[1];
            if (coordinated && items.size() >= 3) {
                judge(text, items, names, words);
            }
        }
        for (int[] w : words) {
            if (FindingLinks.isFree(kept, added, w[0], w[1])) {
                added.add(new Finding(EntityType.PERSON, w[0], w[1], 0.75, "person", RULE, ""));
            }
        }
        for (int[] w : words) {
            echo(text, text.substring(w[0], w[1]), kept, added);
        }
    }

    /**
     * Reads the items from {@code at} into {@code items} while {@code ", "} separates them, up to the one after
     * {@code en}/{@code and}/{@code &}; an item that does not close the clause is dropped ("…, Jan en Gemeente
     * Utrecht": the last item goes on). Whether the enumeration ended with such a coordination.
     */
    private static boolean readItems(String text, int at, List<Finding> names, List<int[]> items) {
        boolean coordinated = false;
        while (true) {
            int end = itemEnd(text, at, names);
            if (end < 0) {
                return coordinated;
            }
            items.add(new int[] {at, end});
            int after = BracketRemarks.skipAfter(text, end);
            String sep = coordinated ? null : separatorAt(text, after);
            if (sep == null) {
                if (!closes(text, after)) {
                    items.remove(items.size() - 1);
                }
                return coordinated;
            }
            coordinated = !sep.equals(", ");
            at = after + sep.length();
        }
    }

    private static void judge(String text, List<int[]> items, List<Finding> names, List<int[]> words) {
        int found = 0;
        List<int[]> candidates = new ArrayList<>();
        for (int[] item : items) {
            if (covered(names, item[0], item[1])) {
                found++;
            } else if (nameLike(text, item[0], item[1])) {
                candidates.add(item);
            } else {
                return;
            }
        }
        if (found >= 2) {
            words.addAll(candidates);
        }
    }

    /** The same word, capitalised the same, elsewhere in the text: "Roos meldt dat …". */
    private static void echo(String text, String word, List<Finding> kept, List<Finding> added) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int e = i + word.length();
            if (whole(text, i, e) && !(e + 1 < text.length() && text.charAt(e) == ' '
                    && Character.isUpperCase(text.charAt(e + 1))) && FindingLinks.isFree(kept, added, i, e)
                    && !NamedThings.partOfNamedThing(text, i, e) && !NamedAfterPersonFilter.namesAThing(text, i, e)) {
                added.add(new Finding(EntityType.PERSON, i, e, 0.75, "person",
                        "same name as a person found elsewhere in the text", ""));
            }
        }
    }

    /** Walks back over ", " items from the found name at {@code start} to the enumeration's first item. */
    private static int firstItem(String text, int start, List<Finding> names) {
        int first = start;
        int lineStart = text.lastIndexOf('\n', start) + 1;
        while (first - 2 > lineStart && text.startsWith(", ", first - 2)) {
            int to = BracketRemarks.skipBefore(text, first - 2);
            int from = -1;
            for (Finding f : names) {
                if (f.end() == to) {
                    from = from < 0 ? f.start() : Math.min(from, f.start());
                }
            }
            if (from < 0) {
                from = to;
                while (from > lineStart && Character.isLetter(text.charAt(from - 1))
                        || from - 1 > lineStart && text.charAt(from - 1) == '-' && Character.isLetter(text.charAt(from - 2))) {
                    from--;
                }
                if (from == to || !Character.isUpperCase(text.charAt(from))
                        || from >= 2 && text.charAt(from - 1) == ' ' && Character.isLetter(text.charAt(from - 2))) {
                    return first; // "Itzel Xochiquetzal Coc (…), Nayeli …": the word ends a longer item
                }
            }
            first = from;
        }
        return first;
    }

    /** The end of the item at {@code at}: a found name starting there, or one word of letters; -1 if neither. */
    private static int itemEnd(String text, int at, List<Finding> names) {
        int end = -1;
        for (Finding f : names) {
            if (f.start() == at) {
                end = Math.max(end, f.end());
            }
        }
        if (end >= 0 || at >= text.length() || !Character.isLetter(text.charAt(at))) {
            return end;
        }
        int i = at;
        while (i < text.length() && (Character.isLetter(text.charAt(i))
                || text.charAt(i) == '-' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)))) {
            i++;
        }
        return i;
    }

    /** A word that can be a name: capitalised, no capitals inside, not all caps, never a non-name word. */
    private static boolean nameLike(String text, int from, int to) {
        String word = text.substring(from, to);
        if (to - from < 2 || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i)) && word.charAt(i - 1) != '-') {
                return false;
            }
        }
        return !NEVER_NAMES.contains(word.toLowerCase(Locale.ROOT)) && !NamedThings.partOfNamedThing(text, from, to)
                && !NamedAfterPersonFilter.namesAThing(text, from, to);
    }

    private static String separatorAt(String text, int i) {
        for (String sep : SEPARATORS) {
            if (text.startsWith(sep, i)) {
                return sep;
            }
        }
        return null;
    }

    /** The item ends there: punctuation that ends a clause, a line end or the text's end. */
    private static boolean closes(String text, int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return c == '\n' || c == '\r' || c == '?' || c == '!' || c == ':' || c == ';' || c == ')'
                || (c == '.' || c == ',') && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    private static boolean whole(String text, int s, int e) {
        return (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)) && text.charAt(s - 1) != '@'
                && text.charAt(s - 1) != '.' && text.charAt(s - 1) != '-')
                && (e >= text.length() || !Character.isLetterOrDigit(text.charAt(e)) && text.charAt(e) != '@'
                && text.charAt(e) != '-');
    }

    private static boolean covered(List<Finding> names, int from, int to) {
        for (Finding f : names) {
            if (f.start() <= from && f.end() >= to) {
                return true;
            }
        }
        return false;
    }
}
