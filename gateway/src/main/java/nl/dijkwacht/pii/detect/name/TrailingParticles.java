package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Set;

/**
 * pii46: a name in Outlook's and the BRP's order keeps its particles at the end — {@code Graaf, S. de},
 * {@code Heijden, F. van der}. A span that holds a comma and is followed by one to three particles and then the end of
 * the line, cell or bracket takes them; a capitalised word after the particles ({@code Jansen, P. de Vries}) leaves
 * the span as it is.
 */
final class TrailingParticles {

    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "ter", "ten", "te", "het", "in", "op",
            "'t", "’t", "la", "le", "du", "da", "di");

    private TrailingParticles() {
    }

    static void widen(String text, List<NameSpan> spans) {
        for (int k = 0; k < spans.size(); k++) {
            NameSpan s = spans.get(k);
            // the comma looked for inside the span only: from every span to the text's end was quadratic on a TSV
            if (s.end() >= text.length() || text.charAt(s.end()) != ' ' || text.indexOf(',', s.start(), s.end()) < 0) {
                continue;
            }
            int end = s.end();
            int p = end;
            for (int words = 0; words < 3 && p < text.length() && text.charAt(p) == ' '; words++) {
                int e = p + 1;
                while (e < text.length() && (Character.isLowerCase(text.charAt(e)) || text.charAt(e) == '\''
                        || text.charAt(e) == '’')) {
                    e++;
                }
                if (e == p + 1 || !PARTICLES.contains(text.substring(p + 1, e))) {
                    break;
                }
                p = e;
                if (boundary(text, p)) {
                    end = p;
                }
            }
            if (end > s.end()) {
                spans.set(k, new NameSpan(s.start(), end, s.endToken(), s.rule()));
            }
        }
    }

    /** The end of the text, line or cell, a bracket or punctuation, or a time ("Haar, S. ter 08:59"). */
    private static boolean boundary(String text, int p) {
        if (p >= text.length()) {
            return true;
        }
        char c = text.charAt(p);
        if ("\n\r\t;,()<>\"|".indexOf(c) >= 0) {
            return true;
        }
        if (c == ' ' && p + 1 < text.length()) {
            char d = text.charAt(p + 1);
            return Character.isDigit(d) || d == '(' || d == '<' || d == '|' || d == '-';
        }
        return false;
    }
}
