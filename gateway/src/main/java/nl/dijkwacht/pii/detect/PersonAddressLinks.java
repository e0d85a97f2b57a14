package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Locale;
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

    /**
     * pii47: a line that opens with a given name and a surname before the comma ("Roos Timmermans, Berkenrode 41
     * Borne", also after a bullet): a name no recognizer knew, vouched for by the address after it.
     */
    private static final Pattern NAME_OPENS_LINE = Pattern.compile(
            "(?:[-•*] +)?((\\p{Lu}[\\p{L}'’-]+)(?: (?:van|de|der|den|ter|ten|te|het|'t|el|al|da|dos|du|le|la|von))"
                    + "{0,3} \\p{Lu}[\\p{L}'’-]+(?:-\\p{Lu}[\\p{L}'’-]+)?)(?=[,;])");

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
        if (text.indexOf(',') >= 0 || text.indexOf(';') >= 0) {
            nameOpensLine(text, kept, added);
        }
    }

    private static void nameOpensLine(String text, List<Finding> kept, List<Finding> added) {
        Matcher line = null;
        Matcher address = null;
        int n = text.length();
        // tried at each line's start only (lookingAt): a find() of "^" in multiline mode tries every character
        for (int at = 0; at < n; ) {
            int next = text.indexOf('\n', at);
            char c = text.charAt(at);
            if ((Character.isUpperCase(c) || c == '-' || c == '•' || c == '*')
                    && digitAfterSeparator(text, at, next < 0 ? n : next)) {
                if (line == null) { // made only for a line that may hold one: a letter's lines seldom do
                    line = NAME_OPENS_LINE.matcher(text);
                    line.useTransparentBounds(true);
                    line.useAnchoringBounds(false);
                    address = ADDRESS_AFTER.matcher(text);
                    address.useTransparentBounds(true);
                    address.useAnchoringBounds(false);
                }
                nameOpens(text, at, line, address, kept, added);
            }
            if (next < 0) {
                break;
            }
            at = next + 1;
        }
    }

    private static void nameOpens(String text, int at, Matcher line, Matcher address, List<Finding> kept,
            List<Finding> added) {
        line.region(at, Math.min(text.length(), at + 120));
        if (!line.lookingAt()) {
            return;
        }
        String first = line.group(2).toLowerCase(Locale.ROOT);
        boolean nameFree = FindingLinks.isFree(kept, added, line.start(1), line.end(1));
        if (!KnownNames.shared().firstNames().contains(first) || PersonFieldValues.organisationWord(first)
                || !nameFree && !onlyPersonsIn(kept, added, line.start(1), line.end(1))) {
            return;
        }
        address.region(line.end(1), Math.min(text.length(), line.end(1) + 80));
        if (!address.lookingAt() || !yearless(text, address.start(1), address.end(1))) {
            return;
        }
        boolean addressFree = FindingLinks.isFree(kept, added, address.start(1), address.end(1));
        if (!addressFree && !addressAt(kept, added, address.start(1))) {
            return;
        }
        if (nameFree) {
            added.add(new Finding(EntityType.PERSON, line.start(1), line.end(1), 0.8, "person",
                    "given name and surname opening a line before an address", "address after it"));
        }
        if (addressFree) {
            added.add(new Finding(EntityType.ADDRESS, address.start(1), address.end(1), 0.8, "address",
                    "street and house number right after a person's name", "person found before it"));
        }
    }

    /** A comma or semicolon with a digit after it on the line [from, to): where a house number can follow a name. */
    private static boolean digitAfterSeparator(String text, int from, int to) {
        boolean separator = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ';') {
                separator = true;
            } else if (separator && c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Whether an address was found starting at {@code start} ("Vlasakker 17", by its street word). */
    private static boolean addressAt(List<Finding> kept, List<Finding> added, int start) {
        for (List<Finding> list : List.of(kept, added)) {
            for (Finding f : list) {
                if (f.start() == start && f.type() == EntityType.ADDRESS) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether what was found in [s, e) lies inside it and is a person's name ("Veenstra" echoed from elsewhere). */
    private static boolean onlyPersonsIn(List<Finding> kept, List<Finding> added, int s, int e) {
        for (List<Finding> list : List.of(kept, added)) {
            for (Finding f : list) {
                if (f.start() < e && s < f.end() && (f.type() != EntityType.PERSON || f.start() < s || f.end() > e)) {
                    return false;
                }
            }
        }
        return true;
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
