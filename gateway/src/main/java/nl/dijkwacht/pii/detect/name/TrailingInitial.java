package nl.dijkwacht.pii.detect.name;

import java.util.List;

/**
 * names49: a given name followed by the initial of the surname — {@code mevrouw Anna V.}, {@code Daan X. en Lotte V.}
 * — is one name: the span takes the initial when the sentence goes on after it (a lower-case word, a comma, a bracket)
 * or the line ends. A capitalised word after it ({@code Anna V. Jansen}) is left to the name rules; a Roman numeral at
 * the end of the text ({@code Raadzaal Willem I.}) stays a regnal number.
 */
final class TrailingInitial {

    private TrailingInitial() {
    }

    static void widen(String text, List<NameSpan> spans) {
        for (int k = 0; k < spans.size(); k++) {
            NameSpan s = spans.get(k);
            int end = s.end();
            if (end + 3 > text.length() || text.charAt(end) != ' ' || !Character.isUpperCase(text.charAt(end + 1))
                    || text.charAt(end + 2) != '.' || !Character.isLowerCase(text.charAt(end - 1))) {
                continue;
            }
            int after = end + 3;
            boolean goesOn = after < text.length() && (",;)".indexOf(text.charAt(after)) >= 0
                    || text.charAt(after) == ' ' && after + 1 < text.length()
                    && Character.isLowerCase(text.charAt(after + 1)));
            boolean lineEnds = (after == text.length() || text.charAt(after) == '\n')
                    && "IVX".indexOf(text.charAt(end + 1)) < 0;
            if (goesOn || lineEnds) {
                spans.set(k, new NameSpan(s.start(), after, s.endToken(), s.rule()));
            }
        }
    }
}
