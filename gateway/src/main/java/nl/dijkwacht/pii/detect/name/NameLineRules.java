package nl.dijkwacht.pii.detect.name;

import java.util.List;
import nl.dijkwacht.pii.detect.AddressRecognizer;
import nl.dijkwacht.pii.detect.AddressStarts;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.words.WordList;
import nl.dijkwacht.words.WordSet;

/**
 * Rule family: signatures and address blocks — lines that are only a name: a signature under
 * "Met vriendelijke groet," or "Groeten," (also on the same line: "Groet, Esther"), the addressee line above an
 * address block, and "Aan …" / "T.a.v. …" lines.
 */
final class NameLineRules {

    static final String NAME_LINE = "name line (signature, addressee)";
    static final String SIGNATURE = "signature after a closing";

    private static final AddressRecognizer ADDRESS = new AddressRecognizer();
    private static final String[] ADDRESSING_PREFIXES = {"Aan ", "T.a.v. ", "t.a.v. ", "Ter attentie van "};

    private final NameParser parser;
    private final NameGazetteer gazetteer;

    NameLineRules(NameParser parser) {
        this.parser = parser;
        this.gazetteer = parser.gazetteer();
    }

    /** Adds the names on name lines; only worth calling when the text has line breaks. */
    void nameLines(String text, List<TextToken> tokens, List<NameSpan> spans) {
        int lineStart = 0;
        int k = 0;
        // the last line that is not blank, text[previousFrom, previousTo): a string only when asked (afterClosing)
        int previousFrom = 0;
        int previousTo = 0;
        boolean previousBlank = false; // a name on the first line is not a signature
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int contentStart = firstNonBlank(text, lineStart, lineEnd); // lineEnd: a blank line
            boolean blank = contentStart == lineEnd;
            if (!blank) {
                boolean addressed = false;
                for (String prefix : ADDRESSING_PREFIXES) {
                    if (text.startsWith(prefix, contentStart)) { // no prefix holds a line break: within the line
                        contentStart += prefix.length();
                        addressed = true;
                        break;
                    }
                }
                while (k < tokens.size() && tokens.get(k).start() < contentStart) {
                    k++;
                }
                int a = k;
                while (a < tokens.size() && tokens.get(a).end() <= lineEnd && tokens.get(a).isWord()
                        && tokens.get(a).in(NameWords.TITLES)) {
                    a++;
                    if (a < tokens.size() && tokens.get(a).is(".")) {
                        a++;
                    }
                }
                int b = a;
                while (b < tokens.size() && tokens.get(b).end() <= lineEnd) {
                    b++;
                }
                int n = b - a;
                if (n >= 1 && n <= 3 && a == k && previousBlank && lowerCaseSignature(tokens, a, b)
                        && endOfMessage(text, lineEnd)) {
                    spans.add(new NameSpan(tokens.get(a).start(), tokens.get(b - 1).end(), b, SIGNATURE));
                } else if (n >= 1 && n <= 5 && nameShaped(tokens, a, b)) {
                    boolean signature = n <= 3 && a == k && previousBlank && endOfMessage(text, lineEnd);
                    // the dearer checks only when the cheaper do not decide: the line under "Aan mevrouw X" is read
                    // by the address recognizer only when nothing else made X a name (pii24)
                    if (addressed || signature || afterClosing(text.substring(previousFrom, previousTo))
                            || n >= 2 && (nextLineIsAddress(text, lineEnd) || nextLineIsContact(text, lineEnd))) {
                        spans.add(new NameSpan(tokens.get(a).start(), tokens.get(b - 1).end(), b,
                                signature ? SIGNATURE : NAME_LINE));
                    }
                }
                previousFrom = lineStart;
                previousTo = lineEnd;
            }
            previousBlank = blank;
            lineStart = lineEnd + 1;
        }
    }

    /**
     * The first character of {@code text[from, to)} that is not white space as {@link String#isBlank} and
     * {@link String#stripLeading} see it, or {@code to}: a line's content start without the line as a string (a
     * substring per line before, pii24). No supplementary character is white space, so asking each {@code char}
     * answers as asking each code point.
     */
    private static int firstNonBlank(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The line before ends in a comma or is a closing ("Met vriendelijke groet"). */
    private static boolean afterClosing(String previousLine) {
        return previousLine.stripTrailing().endsWith(",")
                || CLOSINGS.contains(previousLine.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** Closing words; a name after them on the same line ("Groetjes Rabia") is a signature. */
    private static final java.util.Set<String> CLOSING_WORDS = WordSet.of(List.of("groet", "groeten", "groetjes",
            "hoogachtend", "mvg", "gr", "regards", "cheers", "thanks"));

    /** Closing lines after which the next line is a signature even without a comma. */
    private static final java.util.Set<String> CLOSINGS = WordSet.of(List.of("met vriendelijke groet", "vriendelijke groet",
            "met vriendelijke groeten", "groet", "groeten", "groetjes", "hoogachtend", "mvg", "kind regards",
            "best regards", "regards", "dank u wel", "alvast bedankt", "bedankt", "dank je wel"));

    /**
     * Whether the line ending at {@code lineEnd} is the last of a message: only blank lines follow, or a quoted
     * reply, a forwarded header or a separator line.
     */
    private static boolean endOfMessage(String text, int lineEnd) {
        int i = lineEnd;
        int n = text.length();
        boolean blank = false;
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            blank |= text.charAt(i) == '\n' && i > lineEnd;
            i++;
        }
        if (i >= n) {
            return true;
        }
        if (!blank) {
            return false;
        }
        char c = text.charAt(i);
        return c == '>' || c == '_' || text.startsWith("---", i) || text.startsWith("Van:", i)
                || text.startsWith("From:", i) || text.startsWith("Op ", i) || text.startsWith("On ", i);
    }

    /** "Groet, Esther", "Groetjes Rabia" or a name right after "Met vriendelijke groet,": the index to continue from, or -1. */
    int signature(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        TextToken t = tokens.get(i);
        boolean afterComma = i >= 2 && tokens.get(i - 1).is(",")
                && tokens.get(i - 2).in(CLOSING_WORDS) && !tokens.get(i - 2).lowerIs("gr");
        boolean afterWord = i >= 1 && tokens.get(i - 1).isWord() // the closing words are words: no probe after a "," or "."
                && tokens.get(i - 1).in(CLOSING_WORDS)
                && TextToken.adjacent(text, tokens.get(i - 1), t);
        if (!(afterComma || afterWord)) {
            return -1; // before the gazetteer: this runs at every word
        }
        // "groet bas" typed in lower case: a known given name (even one that is also a word) closing the line
        boolean lower = t.isWord() && !t.capitalised() && gazetteer.isFirstName(t);
        if (!(t.capitalised() || lower)) {
            return -1;
        }
        NameSpan name = parser.parse(text, tokens, i, lower, !lower, SIGNATURE);
        if (name == null) {
            return -1;
        }
        int end = name.endToken();
        boolean endsLine = end >= tokens.size()
                || text.substring(tokens.get(end - 1).end(), tokens.get(end).start()).indexOf('\n') >= 0
                || restOfLineHasNoWords(text, tokens.get(end - 1).end());
        if (lower && !endsLine) {
            return -1;
        }
        if ((afterComma && end - i >= 2) || endsLine) {
            out.add(name);
            return end;
        }
        return -1;
    }

    /** Only quotes, punctuation or blanks up to the end of the line ("groet bas\""). */
    private static boolean restOfLineHasNoWords(String text, int from) {
        for (int i = from; i < text.length() && text.charAt(i) != '\n'; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "ahmed benali" as the last line of a message typed in lower case: a known given name first (not one that in
     * chat is mostly a word), then at most two further words that are not common words.
     */
    private boolean lowerCaseSignature(List<TextToken> tokens, int a, int b) {
        TextToken first = tokens.get(a);
        if (!first.isWord() || first.capitalised() || !gazetteer.isFirstName(first)
                || first.in(NameWords.LOWERCASE_WORDS) || first.in(NameWords.NOT_NAMES)) {
            return false;
        }
        for (int k = a + 1; k < b; k++) {
            TextToken t = tokens.get(k);
            String lower = t.lower();
            if (!t.isWord() || t.capitalised() || lower.length() < 2 || NameWords.COMMON_LOWER.contains(lower)
                    || NameWords.FOLLOWS_A_NAME.contains(lower) || NameWords.NOT_NAMES.contains(lower)
                    || NameWords.TITLES.contains(lower) || CLOSINGS.contains(lower) || CLOSING_WORDS.contains(lower)) {
                return false;
            }
        }
        return true;
    }

    private boolean nameShaped(List<TextToken> tokens, int a, int b) {
        boolean capital = false;
        for (int k = a; k < b; k++) {
            TextToken t = tokens.get(k);
            if (t.kind() == TextToken.Kind.INITIALS) {
                continue;
            }
            if (!t.isWord()) {
                return false;
            }
            if (t.in(NameWords.PARTICLES)) {
                if (k == b - 1) {
                    return false;
                }
                continue;
            }
            if (!t.capitalised() || t.length() < 2 || t.allCaps()) {
                return false; // before the string: most short lines are not names
            }
            String lower = t.lower();
            if ((NameWords.NOT_NAMES.contains(lower) && !gazetteer.isSurname(lower))
                    || NameWords.TITLES.contains(lower)
                    || (StreetOrganisationFilter.isStreetOrOrganisation(lower) && !gazetteer.isSurname(lower))
                    || (StreetOrganisationFilter.hasNonNameEnding(lower) && !gazetteer.isSurname(lower)
                    && !gazetteer.isFirstName(lower))) {
                return false;
            }
            capital = true;
        }
        return capital;
    }

    /** Lines that open contact details or a trade under a name (a signature block, a business card). */
    private static final List<String> CONTACT_LINE_STARTS = WordList.list(
            "/pii/names/contact-line-starts.txt");

    /** "Chidi Okafor" above "Zelfstandig schilder" or "Tel: 06 …": the next line starts contact details or a trade. */
    private static boolean nextLineIsContact(String text, int lineEnd) {
        if (lineEnd >= text.length()) {
            return false;
        }
        int end = text.indexOf('\n', lineEnd + 1);
        String next = text.substring(lineEnd + 1, end < 0 ? text.length() : end).strip().toLowerCase(java.util.Locale.ROOT);
        for (String start : CONTACT_LINE_STARTS) {
            if (next.startsWith(start) && (next.length() == start.length()
                    || !Character.isLetter(next.charAt(start.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean nextLineIsAddress(String text, int lineEnd) {
        if (lineEnd >= text.length()) {
            return false;
        }
        int end = text.indexOf('\n', lineEnd + 1);
        int to = end < 0 ? text.length() : end;
        if (!AddressStarts.mayFindIn(text, lineEnd + 1, to)) {
            return false; // most lines under a name line: the recognizer's nine searches and its walk not run (pii23)
        }
        String next = text.substring(lineEnd + 1, to);
        List<Finding> found = ADDRESS.find(next);
        return !found.isEmpty() && found.get(0).start() == 0;
    }
}
