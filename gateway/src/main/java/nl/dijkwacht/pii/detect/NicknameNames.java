package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.words.WordList;

/**
 * A name with the name its bearer goes by in brackets or quotes inside it — {@code P. (Pieter) van Ess},
 * {@code Lambertus (Bert) Op de Laak}, {@code Jurmaine 'Juju' Doran}, {@code j. (jurgen) tanasescu} — is one name:
 * when a person was found in any of its three parts, the whole is one finding (the recognizers see the bracket or
 * quote as the end of a name and find the parts, or only one).
 */
final class NicknameNames {

    private static final String WORD = "\\p{L}[\\p{L}'’-]*\\p{L}";
    private static final Pattern NAME_WITH_NICKNAME = Pattern.compile(
            "(?<![\\p{L}\\d.])((?:\\p{L}\\.){1,4}|" + WORD + ") ([(‘'\"“]" + WORD + "[)’'\"”]) ((?:(?i:"
                    + String.join("|", WordList.set("/pii/names/particles.txt")).replace("'", "['’]")
                    + ") ){0,8})(" + WORD + ")(?![\\p{L}\\d])");

    /** Words that open or close no name here (function words, titles, ordinary lower-case words). */
    private static final Set<String> NOT_A_PART = WordList.union(
            "/pii/names/titles.txt",
            "/pii/names/function-words.txt",
            "/pii/names/not-names.txt",
            "/pii/names/lowercase-words.txt",
            "/pii/names/common-lower.txt",
            "/pii/names/follows-a-name.txt");

    private NicknameNames() {
    }

    /** The whole names (each covering a person finding of {@code kept}); empty when there are none. */
    static List<Finding> widen(String text, List<Finding> kept) {
        List<Finding> out = null;
        int done = 0;
        for (Finding f : kept) {
            if (f.type() != EntityType.PERSON || f.end() <= done || !nicknameNear(text, f)) {
                continue;
            }
            int from = Math.max(done, f.start() - 40);
            Matcher m = NAME_WITH_NICKNAME.matcher(text).region(from, Math.min(text.length(), f.end() + 60));
            while (m.find()) {
                if (m.start() > f.start() || m.end() <= f.start()) {
                    if (m.start() > f.start()) {
                        break;
                    }
                    continue;
                }
                if (!partsAgree(text, m) || m.start() == f.start() && m.end() == f.end()) {
                    continue;
                }
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(new Finding(EntityType.PERSON, m.start(), m.end(), f.score(), "person",
                        "name with the name it goes by in brackets or quotes", ""));
                done = m.end();
                break;
            }
        }
        return out == null ? List.of() : out;
    }

    /** A cheap gate: a bracket or quote within a few characters of the finding. */
    private static boolean nicknameNear(String text, Finding f) {
        for (int i = Math.max(0, f.start() - 30); i < Math.min(text.length(), f.end() + 30); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '\'' || c == '‘' || c == '"' || c == '“') {
                return true;
            }
        }
        return false;
    }

    /** The bracket and quote match, the three parts are written in one case, and no part is an ordinary word. */
    private static boolean partsAgree(String text, Matcher m) {
        String nick = m.group(2);
        char open = nick.charAt(0);
        char close = nick.charAt(nick.length() - 1);
        if (open == '(' != (close == ')') || open == '"' != (close == '"') || open == '“' != (close == '”')
                || open == '‘' != (close == '’')) {
            return false;
        }
        boolean upper = Character.isUpperCase(nick.charAt(1));
        String left = m.group(1);
        String right = m.group(4);
        return Character.isUpperCase(left.charAt(0)) == upper && Character.isUpperCase(right.charAt(0)) == upper
                && !NOT_A_PART.contains(left.toLowerCase(Locale.ROOT))
                && !NOT_A_PART.contains(nick.substring(1, nick.length() - 1).toLowerCase(Locale.ROOT))
                && !NOT_A_PART.contains(right.toLowerCase(Locale.ROOT));
    }
}
