package nl.dijkwacht.pii.detect;

/**
 * pii48b: where the chat message holding a position starts, when a speaker line — {@code [08:55] Bakker, Yvonne},
 * {@code [04-12-26 17:24:30] Marloes: …}, {@code Dennis Kooistra 08:53} — lies in a window before it. A negative cue
 * word of an earlier message ("staat niet in het dossier") does not speak for a number someone else posts in the next
 * one ({@link WordContext}).
 */
final class ChatMessageStart {

    private ChatMessageStart() {
    }

    /**
     * The start of the line after the last speaker line that begins in [from, at), or -1 when there is none.
     * {@code lower} is the text in lower case.
     */
    static int after(String lower, int from, int at) {
        int lineEnd = lower.lastIndexOf('\n', at - 1);
        while (lineEnd > from) {
            int lineStart = lower.lastIndexOf('\n', lineEnd - 1) + 1;
            if (lineStart < from) {
                return -1;
            }
            if (speakerLine(lower, lineStart, lineEnd)) {
                return lineEnd + 1;
            }
            lineEnd = lineStart - 1;
        }
        return -1;
    }

    /** "[08:55] …", "[04-12-26 17:24:30] …" (a time stamp in brackets opening the line), or "… 08:53" ending it. */
    private static boolean speakerLine(String lower, int from, int to) {
        if (to - from < 6) {
            return false;
        }
        if (lower.charAt(from) == '[' && Character.isDigit(lower.charAt(from + 1))) {
            int close = lower.indexOf(']', from);
            return close > 0 && close < to && close - from <= 22 && lower.lastIndexOf(':', close) > from;
        }
        return to - from <= 60 && lower.charAt(to - 3) == ':' && Character.isDigit(lower.charAt(to - 1))
                && Character.isDigit(lower.charAt(to - 2)) && Character.isDigit(lower.charAt(to - 4))
                && lower.charAt(to - 6) == ' ';
    }
}
