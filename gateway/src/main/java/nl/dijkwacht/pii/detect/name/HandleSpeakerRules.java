package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rule family (pii48): the speaker of a chat copied out of a tool that shows the user's handle and the time on one
 * line, with or without the message after it (Mattermost, Slack, Rocket.Chat: {@code anouk.v 10:04},
 * {@code thijs_dekker 01:12 auto staat al 3 dagen …}). A line that opens with a handle in lower case whose words are
 * joined by a dot or an underscore ({@code given.surname}, {@code given.initial}, {@code i.surname}) and then a time
 * names a person: the whole handle is the name, not only the known given name in it. A handle of a function mailbox
 * or a system ({@code servicedesk.noord}) is left: one of its words must be a known given name or surname, and none a
 * word that is never a name, a common, street or organisation word.
 */
final class HandleSpeakerRules {

    static final String RULE = "chat handle and time opening a line";

    private static final int MAX_HANDLE = 40;
    private static final Pattern TIME = Pattern.compile(" [0-2]?\\d:[0-5]\\d(?:[ \\r]|$)");
    private static final Pattern HANDLE_PARTS = Pattern.compile("[._]");

    private final NameGazetteer gazetteer;

    HandleSpeakerRules(NameGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Adds the handles found to {@code out}. */
    void find(String text, List<NameSpan> out) {
        int n = text.length();
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int end = handleEnd(text, lineStart, lineEnd);
            if (end > 0 && timeAfter(text, end, lineEnd) && nameLike(text, lineStart, end)) {
                out.add(new NameSpan(lineStart, end, -1, RULE));
            }
            lineStart = lineEnd + 1;
        }
    }

    /** The end of a handle {@code word(.|_)word…} in lower case at {@code from}, or -1. */
    private static int handleEnd(String text, int from, int lineEnd) {
        int i = from;
        int joins = 0;
        int wordLength = 0;
        while (i < lineEnd && i - from <= MAX_HANDLE) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c) || (wordLength > 0 && (c == '-' || c == '\''))) {
                wordLength++;
            } else if ((c == '.' || c == '_') && wordLength > 0) {
                joins++;
                wordLength = 0;
            } else {
                break;
            }
            i++;
        }
        return joins > 0 && wordLength > 0 && i > from + 2 ? i : -1;
    }

    /** " 10:04" right after the handle, then the line's end or a blank (a handle is found first: rarely run). */
    private static boolean timeAfter(String text, int i, int lineEnd) {
        return TIME.matcher(text).region(i, lineEnd).lookingAt();
    }

    /**
     * Every word of the handle may be a name (none a word that is never one, a common, street or organisation word)
     * and one is a known given name or surname: {@code ruben.t}, {@code a.bakker}, not {@code servicedesk.noord}.
     */
    private boolean nameLike(String text, int from, int to) {
        boolean known = false;
        for (String word : HANDLE_PARTS.split(text.substring(from, to))) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.length() == 1) {
                continue; // an initial
            }
            if (NameWords.NOT_NAMES.contains(lower) || NameWords.COMMON_LOWER.contains(lower)
                    || StreetOrganisationFilter.isStreetOrOrganisation(lower)
                    || StreetOrganisationFilter.isOrganisationPrefix(lower)) {
                return false;
            }
            known |= gazetteer.isFirstName(lower) || gazetteer.isSurname(lower);
        }
        return known;
    }
}
