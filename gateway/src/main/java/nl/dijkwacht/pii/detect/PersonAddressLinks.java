package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule family (pii46): an address written right after a person's name, as lists and mailings have it —
 * {@code Olga Veenstra, Schapendrift 81a Ede}, {@code Darwish, Bassel;De Wieken 197-3;HAREN}. A capitalised name and a
 * house number (with its addition) after the name and a comma or semicolon is that person's address when the line or
 * the cell ends there or a town follows; a street word is not needed.
 */
final class PersonAddressLinks {

    private static final Pattern ADDRESS_AFTER = Pattern.compile(
            "[,;] ?((?:(?:De|Het|Den|'t) )?\\p{Lu}[\\p{L}'’.-]{2,}(?: \\p{L}[\\p{L}'’.-]*){0,3} [1-9]\\d{0,3}(?:[a-z]| [A-Z]|-(?:I{1,3}|IV|\\d{1,2}|[a-zA-Z]))?)"
                    + "(?=[ \\t]*(?:$|[\\n;,\\t(])| \\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+)?[ \\t]*(?:$|[\\n;,(]))");

    private PersonAddressLinks() {
    }

    static void link(String text, List<Finding> kept, List<Finding> added) {
        Matcher m = null;
        for (Finding f : kept) {
            int at = f.end();
            if (f.type() != EntityType.PERSON || at + 4 >= text.length() || text.charAt(at) != ',' && text.charAt(at) != ';') {
                continue;
            }
            if (m == null) {
                m = ADDRESS_AFTER.matcher(text);
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
            }
            m.region(at, Math.min(text.length(), at + 80));
            if (m.lookingAt() && yearless(text, m.start(1), m.end(1))
                    && FindingLinks.isFree(kept, added, m.start(1), m.end(1))) {
                added.add(new Finding(EntityType.ADDRESS, m.start(1), m.end(1), 0.8, "address",
                        "street and house number right after a person's name", "person found before it"));
            }
        }
    }

    /** The number is no year ("Jansen, Wmo 2015"). */
    private static boolean yearless(String text, int start, int end) {
        int space = text.lastIndexOf(' ', end - 1);
        int d = space + 1;
        int digits = 0;
        while (d + digits < end && Character.isDigit(text.charAt(d + digits))) {
            digits++;
        }
        return !(digits == 4 && (text.startsWith("19", d) || text.startsWith("20", d)));
    }
}
