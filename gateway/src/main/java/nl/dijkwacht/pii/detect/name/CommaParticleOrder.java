package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * names49: Outlook's and the BRP's order with the particles between commas — {@code Wijk, van der, Bart},
 * {@code Laarhoven, van, Bram belde} — is one name. A given name found after {@code , particles, } takes the
 * capitalised word before them, whatever that word also means ({@code Wijk}, {@code Groot}): the shape says it is a
 * surname.
 */
final class CommaParticleOrder {

    private static final String PARTICLE = "(?:van|de|der|den|ter|ten|te|het|'t|’t|in|op|la|le|du|da|di|dos|el)";
    /** The text right before a span: a capitalised word, a comma, one to three particles, a comma and a space. */
    private static final Pattern BEFORE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}'’-]*, " + PARTICLE + "(?: " + PARTICLE + "){0,2}, $");
    private static final int LOOK_BACK = 48;

    private CommaParticleOrder() {
    }

    static void widen(String text, List<NameSpan> spans) {
        for (int k = 0; k < spans.size(); k++) {
            NameSpan s = spans.get(k);
            int start = s.start();
            if (start < 6 || text.charAt(start - 1) != ' ' || text.charAt(start - 2) != ',') {
                continue; // most spans: no comma right before them
            }
            Matcher m = BEFORE.matcher(text).region(Math.max(0, start - LOOK_BACK), start);
            m.useTransparentBounds(true);
            if (m.find()) {
                spans.set(k, new NameSpan(m.start(), s.end(), s.endToken(), s.rule()));
            }
        }
    }
}
