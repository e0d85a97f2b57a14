package nl.dijkwacht.pii.detect.name;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.words.WordList;

/**
 * Rule family (tenth round): in chat typed in lower case, two or three unknown words that an identifier closes are a
 * name — "gaat om nadzeya charnyshova (bsn …", "shanique mcfarlane, tel 06…", "aan abdulrahman ba-salamah
 * a.b@hotmail.com", "wilson quishpe 19790314", "áile somby 9712 KL". The name opens the text or a sentence, follows
 * punctuation or a cue word ({@code /pii/names/name-cue-words.txt}: "om", "eigenaar", "bezwaarmaker"), and is closed
 * by an identifier: a bracket or comma with an identifier word ({@code identifier-closers.txt}), an e-mail address,
 * six or more digits, or a postcode. Each word must pass {@link ChatNameRules#surnameLike}; ordinary lower-case words
 * end it.
 */
final class IdentifierClosedNameRules {

    static final String RULE = "lower-case words closed by an identifier";

    private static final Set<String> CUES = WordList.set("/pii/names/name-cue-words.txt");
    private static final Set<String> CLOSERS = WordList.set("/pii/names/identifier-closers.txt");
    private static final Set<String> ORDINARY = new HashSet<>();

    static {
        ORDINARY.addAll(WordList.set("/pii/names/lowercase-words.txt"));
        ORDINARY.addAll(WordList.set("/pii/names/common-lower.txt"));
        ORDINARY.addAll(WordList.set("/pii/names/relation-words.txt"));
        ORDINARY.addAll(CUES);
        ORDINARY.addAll(CLOSERS);
        ORDINARY.addAll(WordList.set("/pii/names/ordinary-chat-words.txt"));
    }

    private static final List<String> ORDINARY_ENDINGS = List.copyOf(WordList.set("/pii/names/ordinary-word-endings.txt"));

    private static final String PARTICLE = "(?:van|de|der|den|ter|ten|te|'t|el|al|da|di|du|le|la|von|bin|ben|ba|i|y)";
    // bounded word length and a word start: on 30,000 letters in a row an unbounded word made the scan quadratic
    private static final String WORD = "\\p{Ll}[\\p{Ll}'’]{1,30}(?:-\\p{Ll}[\\p{Ll}'’]{1,30})?";
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\d'’-])(" + WORD + "(?: " + PARTICLE + "){0,3} " + WORD + "(?: "
            + WORD + ")?)(?=( \\(?[\\w.+-]+@[\\w-]+\\.)|(,? \\(?(?:\\p{Ll}[\\p{Ll}'’-]*, )?|, )(\\p{Ll}+\\.?)\\b| \\(?(\\d{6,}|\\d{3}[.]\\d{3}[.]\\d{3}|0\\d(?:[ -]?\\d){8})(?!\\d|\\.\\d)"
            + "| ([1-9]\\d{3} ?[a-zA-Z]{2})(?![\\p{L}]))");

    /** {@code capitals}: the text's counts, {@link ChatNameRules.Capitals#of}. */
    void find(String text, ChatNameRules.Capitals capitals, List<NameSpan> out) {
        // prose has one capital in some twenty letters too: the sentence starts tell chat from it (without this
        // gate the scan doubled the engine's CPU time on a 1 KB letter)
        if (!capitals.mostlyLowerCase()) {
            return;
        }
        Matcher m = NAME.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int s = m.start(1);
            int e = m.end(1);
            from = s + 1;
            if (m.group(4) != null && !CLOSERS.contains(m.group(4))) {
                continue;
            }
            if (!opensAName(text, s) || !allNameLike(m.group(1))) {
                continue;
            }
            out.add(new NameSpan(s, e, -1, RULE));
            from = e;
        }
    }

    /** At the text's start, after punctuation, or after a cue word. */
    private static boolean opensAName(String text, int s) {
        if (s == 0) {
            return true;
        }
        if (s < 2 || text.charAt(s - 1) != ' ' && text.charAt(s - 1) != '\n') {
            return text.charAt(s - 1) == '\n';
        }
        char before = text.charAt(s - 2);
        if (".,:;?!()\n".indexOf(before) >= 0) {
            return true;
        }
        int w = s - 1;
        while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
            w--;
        }
        return CUES.contains(text.substring(w, s - 1));
    }

    private static boolean allNameLike(String name) {
        int words = 0;
        for (String w : name.split(" ")) {
            if (w.matches(PARTICLE)) {
                continue;
            }
            String lower = w.toLowerCase(Locale.ROOT);
            if (w.length() < 3 || ORDINARY.contains(lower) || !ChatNameRules.surnameLike(w) || ordinaryEnding(lower)) {
                return false;
            }
            words++;
        }
        return words >= 2;
    }

    private static boolean ordinaryEnding(String lower) {
        for (String ending : ORDINARY_ENDINGS) {
            if (lower.endsWith(ending) && lower.length() >= ending.length() + 3) {
                return true;
            }
        }
        return false;
    }
}
