package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rule family: a name typed in lower case whose surname no list knows, but the e-mail address beside it repeats
 * ({@code svetlana kuznetsova, s.kuznetsova82@…}, {@code yara el khatib - … - yaraelkhatib@…}): the words after a
 * found given name that an address's local part contains belong to the name. Only looked at when the text has an
 * {@code @}.
 */
final class EmailEchoNameRules {

    static final String RULE = "surname repeated in an e-mail address";

    private static final int MAX_WORDS = 3;

    private EmailEchoNameRules() {
    }

    /** The name, extended over the following lower-case words (particles between them) that an address repeats. */
    static NameSpan extend(String text, List<TextToken> tokens, NameSpan name) {
        int k = name.endToken();
        if (k < 0 || k >= tokens.size() || text.indexOf('@') < 0 || !candidate(tokens.get(k))) {
            return name;
        }
        List<String> locals = localParts(text);
        int end = name.end();
        int endToken = k;
        int words = 0;
        for (; k < tokens.size() && words < MAX_WORDS; k++, words++) {
            TextToken t = tokens.get(k);
            if (!t.isWord() || t.capitalised() || !onlySpacesBetween(text, tokens.get(k - 1).end(), t.start())) {
                break;
            }
            if (t.in(NameWords.PARTICLES)) {
                continue;
            }
            if (t.length() < 3 || !ChatNameRules.surnameLike(t.lower()) || !repeated(locals, t.lower())) {
                break;
            }
            end = t.end();
            endToken = k + 1;
        }
        return end == name.end() ? name : new NameSpan(name.start(), end, endToken, name.rule() + " + " + RULE);
    }

    private static boolean candidate(TextToken t) {
        return t.isWord() && !t.capitalised();
    }

    private static boolean repeated(List<String> locals, String word) {
        for (String local : locals) {
            if (local.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlySpacesBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return to > from;
    }

    /** The letters of each address's local part, lower case ("s.kuznetsova82" → "skuznetsova"). */
    static List<String> localParts(String text) {
        List<String> out = new ArrayList<>(2);
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int s = at;
            while (s > 0 && localChar(text.charAt(s - 1))) {
                s--;
            }
            StringBuilder letters = new StringBuilder(at - s);
            for (int i = s; i < at; i++) {
                if (Character.isLetter(text.charAt(i))) {
                    letters.append(text.charAt(i));
                }
            }
            if (letters.length() >= 3) {
                out.add(letters.toString().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static boolean localChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+';
    }
}
