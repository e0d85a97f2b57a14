package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rule family (pii48): the speaker of a chat copied out of a tool that shows the user's handle and the time on one
 * line, with or without the message after it (Mattermost, Slack, Rocket.Chat: {@code ruben.t 10:04},
 * {@code rutger.hoekstra 01:12 auto staat al 3 dagen …}). A line that opens with a handle in lower case whose words are
 * joined by a dot or an underscore ({@code given.surname}, {@code given.initial}, {@code given_surname}) and then a time
 * names a person: the whole handle is the name, not only the known given name in it. A handle that is a function
 * mailbox's or a system's ({@code servicedesk.noord}, {@code bot.wmo}) is left: its first word may not be a word that
 * is never a name, a street or an organisation word.
 */
final class HandleSpeakerRules {

    static final String RULE = "chat handle and time opening a line";

    private static final int MAX_HANDLE = 40;
    private static final Pattern TIME = Pattern.compile(" [0-2]?\\d:[0-5]\\d(?:[ \\r]|$)");

    private HandleSpeakerRules() {
    }

    /** Adds the handles found to {@code out}. */
    static void find(String text, List<NameSpan> out) {
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

    private static boolean nameLike(String text, int from, int to) {
        String handle = text.substring(from, to);
        int join = 0;
        while (join < handle.length() && handle.charAt(join) != '.' && handle.charAt(join) != '_') {
            join++;
        }
        String first = handle.substring(0, join).toLowerCase(Locale.ROOT);
        return first.length() >= 2 && !NameWords.NOT_NAMES.contains(first) && !NameWords.COMMON_LOWER.contains(first)
                && !StreetOrganisationFilter.isStreetOrOrganisation(first)
                && !StreetOrganisationFilter.isOrganisationPrefix(first);
    }
}
