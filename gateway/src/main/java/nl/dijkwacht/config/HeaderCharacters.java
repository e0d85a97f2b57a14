package nl.dijkwacht.config;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} allows in header names and values, decided without a
 * regular expression. The firewall checks every header name and value each time anything reads it (Spring MVC copies
 * all headers per request, the tracing reads its propagation headers, the route filters the key and caller headers):
 * its default predicates run {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (names) and
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} (values) with a new {@code Matcher} each time, about 1 % of a
 * request's CPU and 1.8 KB of its heap (docs/history/benchmark-sessions.md, "http13"). These accept exactly the same
 * strings: every code point assigned and not a control character; in values also the tab (and the pipe, which the
 * class's {@code ||} adds and which is allowed anyway). Printable ASCII, nearly every header, needs no table look-up.
 */
public final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Header names (and parameter names): the firewall's {@code ASSIGNED_AND_NOT_ISO_CONTROL} predicate. */
    public static boolean name(String s) {
        return allowed(s, false);
    }

    /** Header values: the firewall's {@code HEADER_VALUE} predicate. */
    public static boolean value(String s) {
        return allowed(s, true);
    }

    private static boolean allowed(String s, boolean tab) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return rest(s, i, tab);
            }
        }
        return true;
    }

    /** From the first character that is not printable ASCII on: code point by code point, as the regular expression reads. */
    private static boolean rest(String s, int from, boolean tab) {
        int i = from;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && cp == '\t'))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
