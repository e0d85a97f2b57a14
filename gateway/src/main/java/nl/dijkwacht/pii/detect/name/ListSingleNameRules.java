package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.dijkwacht.pii.detect.BracketRemarks;

/**
 * Rule family (pii48): a one-word item of a list of people — a given name or a surname alone, which no rule takes on
 * its own because a single word is too often an ordinary one ("Bernadette ten Hove (vrijwilliger), Koos (ook
 * vrijwilliger)", "Gerda, Mustafa (de kapper), Marja Dekker-Haverkamp", "Ravi Shankar Iyer and Zanele", "Tom &amp;
 * Laura Verschuur", "Thijmen, sara, Dragan"). Beside a found name, across a list separator ({@code , ; en and & |}),
 * and with a bracketed remark after either skipped, one word that ends its item is a name:
 * <ul>
 *   <li>capitalised and known as a given name or surname, beside one found name;</li>
 *   <li>capitalised and unknown, when found names stand on both sides or it closes a list after two found names
 *       ("…, Bernadette ten Hove (vrijwilliger), Koos (ook vrijwilliger)."), or when it closes the list after
 *       {@code en}/{@code and}/{@code &} (the last of an enumeration of people) or opens its line before them
 *       ("Tom &amp; Laura Verschuur");</li>
 *   <li>in lower case only with found names on both sides and known as a given name.</li>
 * </ul>
 * Words that are never names, common, function, title, street or organisation words
 * ({@link ChatNameRules#surnameLike}) and places, royals and known firms ({@link PlaceAndTitleFilter}) are not.
 * ListItemNameRules does the same for items of two or three words.
 */
final class ListSingleNameRules {

    static final String RULE = "one-word list item beside a found name";

    private static final String[] SEPARATORS = {", ", "; ", " en ", " and ", " & ", " | "};

    private ListSingleNameRules() {
    }

    /** Adds the names found to {@code spans}. */
    static void find(String text, List<NameSpan> spans, NameGazetteer gazetteer) {
        if (spans.size() > 200) {
            return;
        }
        List<NameSpan> added = new ArrayList<>();
        for (NameSpan s : spans) {
            tryAfter(text, s, spans, added, gazetteer);
            tryBefore(text, s, spans, added, gazetteer);
        }
        spans.addAll(added);
    }

    /** The item after span {@code s}: ", Koos (" / " and Zanele." */
    private static void tryAfter(String text, NameSpan s, List<NameSpan> spans, List<NameSpan> added,
            NameGazetteer gazetteer) {
        int end = BracketRemarks.skipAfter(text, s.end());
        String sep = separatorAt(text, end);
        if (sep == null) {
            return;
        }
        int from = end + sep.length();
        int to = wordEnd(text, from);
        if (to < 0) {
            return;
        }
        int after = BracketRemarks.skipAfter(text, to);
        String next = separatorAt(text, after);
        boolean closes = next == null && closesItem(text, after);
        if (next == null && !closes) {
            return;
        }
        boolean nameAfter = next != null && nameAt(spans, after + next.length())
                || closes && nameBefore(text, s.start(), spans); // "A, B (…), Koos (…)." closes a list of names
        boolean coordinationEnd = closes && !sep.equals(", ") && !sep.equals("; ") && !sep.equals(" | ");
        judge(text, from, to, nameAfter, coordinationEnd, spans, added, gazetteer);
    }

    /** The item before span {@code s}: "Tom & [Laura Verschuur]", "Mustafa (de kapper), [Marja …]". */
    private static void tryBefore(String text, NameSpan s, List<NameSpan> spans, List<NameSpan> added,
            NameGazetteer gazetteer) {
        String sep = separatorBefore(text, s.start());
        if (sep == null) {
            return;
        }
        int to = BracketRemarks.skipBefore(text, s.start() - sep.length());
        int from = wordStart(text, to);
        if (from < 0) {
            return;
        }
        String prev = separatorBefore(text, from);
        boolean opens = prev == null && opensItem(text, from);
        if (prev == null && !opens) {
            return;
        }
        boolean nameBefore = prev != null && nameBefore(text, from, spans);
        boolean coordinationStart = opens && !sep.equals(", ") && !sep.equals("; ") && !sep.equals(" | ");
        judge(text, from, to, nameBefore, coordinationStart, spans, added, gazetteer);
    }

    private static void judge(String text, int from, int to, boolean nameOnOtherSide, boolean coordination,
            List<NameSpan> spans, List<NameSpan> added, NameGazetteer gazetteer) {
        if (within(spans, from, to) || within(added, from, to)) {
            return;
        }
        String word = text.substring(from, to);
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() < 2 || !ChatNameRules.surnameLike(lower) || NameWords.SENTENCE_START_WORDS.contains(lower)) {
            return;
        }
        boolean known = gazetteer.isFirstName(lower) || gazetteer.isSurname(lower);
        boolean ok;
        if (Character.isUpperCase(word.charAt(0))) {
            if (allCaps(word)) {
                return;
            }
            boolean ordinary = NameWords.AMBIGUOUS.contains(lower) || NameWords.LOWERCASE_WORDS.contains(lower);
            ok = known && !ordinary || nameOnOtherSide || coordination && (known || !ordinary);
        } else {
            ok = nameOnOtherSide && gazetteer.isFirstName(lower);
        }
        if (ok && !PlaceAndTitleFilter.notAPerson(text, from, to)) {
            added.add(new NameSpan(from, to, -1, RULE));
        }
    }

    private static boolean allCaps(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (Character.isLowerCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String separatorAt(String text, int i) {
        for (String sep : SEPARATORS) {
            if (text.startsWith(sep, i)) {
                return sep;
            }
        }
        return null;
    }

    private static String separatorBefore(String text, int i) {
        for (String sep : SEPARATORS) {
            if (i - sep.length() >= 0 && text.startsWith(sep, i - sep.length())) {
                return sep;
            }
        }
        return null;
    }

    /** The end of one word of letters (hyphen or apostrophe inside) at {@code from}, or -1. */
    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isLetter(text.charAt(i))
                || i > from && (text.charAt(i) == '-' || text.charAt(i) == '\'') && i + 1 < text.length()
                        && Character.isLetter(text.charAt(i + 1)))) {
            i++;
        }
        return i > from ? i : -1;
    }

    private static int wordStart(String text, int to) {
        int i = to;
        while (i > 0 && (Character.isLetter(text.charAt(i - 1))
                || i - 1 > 0 && (text.charAt(i - 1) == '-' || text.charAt(i - 1) == '\'') && Character.isLetter(text.charAt(i - 2)))) {
            i--;
        }
        return i < to ? i : -1;
    }

    /** The item ends the list: a full stop, "?", "!", a line end or the text's end. */
    private static boolean closesItem(String text, int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return c == '\n' || c == '\r' || c == '?' || c == '!'
                || c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    /** The item opens the list: after a line start, a colon or a bullet. */
    private static boolean opensItem(String text, int i) {
        if (i == 0) {
            return true;
        }
        char c = text.charAt(i - 1);
        if (c == '\n' || c == '\t') {
            return true;
        }
        return c == ' ' && i >= 2 && (text.charAt(i - 2) == ':' || text.charAt(i - 2) == '\n');
    }

    /** Whether the item before the one starting at {@code start} is a found name. */
    private static boolean nameBefore(String text, int start, List<NameSpan> spans) {
        String sep = separatorBefore(text, start);
        return sep != null && nameEndingAt(spans, BracketRemarks.skipBefore(text, start - sep.length()));
    }

    private static boolean nameAt(List<NameSpan> spans, int start) {
        for (NameSpan s : spans) {
            if (s.start() == start) {
                return true;
            }
        }
        return false;
    }

    private static boolean nameEndingAt(List<NameSpan> spans, int end) {
        for (NameSpan s : spans) {
            if (s.end() == end) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(List<NameSpan> spans, int from, int to) {
        for (NameSpan s : spans) {
            if (s.start() <= from && s.end() >= to) {
                return true;
            }
        }
        return false;
    }
}
