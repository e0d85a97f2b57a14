package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule family (pii46): the speaker of a chat copied out of Teams or exported from WhatsApp, where the line's place
 * says that a name stands there, in any case and whether or not a gazetteer knows it. Teams: a line that is a name and
 * a time ({@code Horst, T. ter 08:04}, {@code Wit, Dirk de ma 17:00}, {@code Els Prins (Extern) 10:19},
 * {@code [10:43] El Idrissi, Nadia}) — the name in Outlook's order (surname, comma, initials or given name, trailing
 * particles) or led by a known given name, so a meeting title ({@code Teamoverleg Wmo 09:30}) is not one. WhatsApp: the
 * sender between the time stamp and the colon ({@code [17-12-2026 14:06:25] niels: …}, {@code 07-12-26 10:53 - Jan: …};
 * since pii48 also a stamp of the time alone, {@code [10:03] mo: …}).
 * Words that are never names, streets and organisations end the rule.
 */
final class SpeakerLineRules {

    static final String TEAMS = "chat speaker line (name and time)";
    static final String WHATSAPP = "chat export sender (after the time stamp)";

    private static final String TIME = "[0-2]?\\d:[0-5]\\d";
    private static final String NAME = "\\p{L}[\\p{L}'’.-]*(?:,? [\\p{L}'’.-]+){0,4}";
    private static final Pattern TEAMS_LINE = Pattern.compile("\\[" + TIME + "\\] (" + NAME + ")[ \\t]*"
            + "|(" + NAME + ")(?: \\((?:Extern|Gast|External|Guest)\\))?"
            + "(?: (?:gisteren|vandaag|yesterday|today|ma|di|wo|do|vr|za|zo|\\d{1,2}-\\d{1,2}(?:-\\d{2,4})?))? " + TIME
            + "[ \\t]*");
    private static final Pattern WHATSAPP_LINE = Pattern.compile("(?:\\[(?:\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4},? )?" + TIME
            + "(?::[0-5]\\d)?\\]|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4},? " + TIME + " -) (" + NAME + "): ");
    private static final String PARTICLE = "(?:van|de|der|den|ter|ten|te|het|in|op|'t|’t)";
    /** "Horst, T. ter", "Wit, Dirk de", "El Idrissi, Nadia", "Zielińska, Agnieszka". */
    private static final Pattern COMMA_ORDER = Pattern.compile("\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+)?, "
            + "(?:(?:\\p{Lu}\\.){1,4}|\\p{Lu}\\p{Ll}[\\p{L}'’-]*)(?: " + PARTICLE + "){0,3}");
    /** "Els Prins", "Evert ter Haar": a given name, particles, a capitalised surname. */
    private static final Pattern GIVEN_FIRST = Pattern.compile("(\\p{Lu}\\p{Ll}[\\p{L}'’-]*)(?: " + PARTICLE
            + "){0,3}(?: \\p{Lu}[\\p{L}'’-]+){1,2}");

    private final NameGazetteer gazetteer;

    SpeakerLineRules(NameGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    void find(String text, List<NameSpan> out) {
        int n = text.length();
        int lineStart = 0;
        Matcher teams = null;
        Matcher whatsApp = null;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int end = lineEnd;
            while (end > lineStart && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == ' ')) {
                end--;
            }
            // cheap looks first: a time at the line's end, or a time stamp at its start
            if (end - lineStart >= 7 && end - lineStart <= 90 && isTimeAt(text, end - 5)
                    || end - lineStart >= 8 && text.charAt(lineStart) == '[' && Character.isDigit(text.charAt(lineStart + 1))) {
                teams = teams == null ? TEAMS_LINE.matcher(text) : teams;
                teams.region(lineStart, end);
                if (teams.matches()) {
                    int g = teams.start(1) >= 0 ? 1 : 2;
                    if (teamsName(text.substring(teams.start(g), teams.end(g)))) {
                        out.add(new NameSpan(teams.start(g), teams.end(g), -1, TEAMS));
                    }
                }
            }
            if (end - lineStart >= 10 && (text.charAt(lineStart) == '[' || Character.isDigit(text.charAt(lineStart)))) {
                whatsApp = whatsApp == null ? WHATSAPP_LINE.matcher(text) : whatsApp;
                whatsApp.region(lineStart, end);
                if (whatsApp.lookingAt() && senderName(text.substring(whatsApp.start(1), whatsApp.end(1)))
                        && (whatsApp.start(1) - lineStart > 10 || timeOnlySender(text, whatsApp.start(1), whatsApp.end(1)))) {
                    out.add(new NameSpan(whatsApp.start(1), whatsApp.end(1), -1, WHATSAPP));
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    private static boolean isTimeAt(String text, int i) {
        return i >= 0 && Character.isDigit(text.charAt(i)) && Character.isDigit(text.charAt(i + 1))
                && text.charAt(i + 2) == ':' && Character.isDigit(text.charAt(i + 3))
                && Character.isDigit(text.charAt(i + 4));
    }

    /**
     * The line's place says a name stands there, so the words themselves are not vetted ("Haar, S. ter", "Evert
     * Prins"): only the name's shape — Outlook's order, or a known given name first.
     */
    private boolean teamsName(String name) {
        if (COMMA_ORDER.matcher(name).matches()) {
            return true;
        }
        Matcher m = GIVEN_FIRST.matcher(name);
        return m.matches() && gazetteer.isFirstName(m.group(1).toLowerCase(Locale.ROOT));
    }

    /**
     * After a stamp of the time alone ({@code [10:03] mo:}, pii48) the sender must also look like a name: no common,
     * function or title word ("[09:08] me:", "[10:02] klant:").
     */
    private static boolean timeOnlySender(String text, int from, int to) {
        int space = text.indexOf(' ', from);
        String first = text.substring(from, space < 0 || space > to ? to : space).toLowerCase(Locale.ROOT);
        return ChatNameRules.surnameLike(first);
    }

    /** A sender is a contact's name unless its first word is never a name, a street or an organisation word. */
    private static boolean senderName(String name) {
        if (name.length() > 40) {
            return false;
        }
        int space = name.indexOf(' ');
        String first = (space < 0 ? name : name.substring(0, space)).toLowerCase(Locale.ROOT);
        return !NameWords.NOT_NAMES.contains(first) && !StreetOrganisationFilter.isStreetOrOrganisation(first);
    }
}
