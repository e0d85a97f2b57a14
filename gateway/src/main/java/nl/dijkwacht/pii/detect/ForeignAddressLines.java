package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pii51: the shape of an address line abroad — street, house number, a comma, a postcode of four or five digits (with
 * a country letter, {@code B-4700}, or Polish {@code 00-950}) and a capitalised town: "Rue de la Station 14, 4700 Eupen",
 * "Hauptstraße 112, 47533 Kleve", "Rue Haute 3, B-4700 Eupen", "ul. Długa 5, 00-950 Warszawa". A Dutch street needs a
 * street word or a cue; a line of this shape is an address whatever its street is called. The street and number are
 * the {@code ADDRESS}, the postcode the {@code POSTCODE}; the town is left alone ({@link NamedThings} keeps a person
 * finding off it).
 */
final class ForeignAddressLines {

    /** A postcode abroad: four or five digits, with a country letter ({@code B-4700}), or Polish {@code 00-950}. */
    private static final String POSTCODE = "(?:[A-Z]{1,2}-)?[1-9]\\d{3,4}|\\d{2}-\\d{3}";

    /** The postcode after the house number and comma; {@link NamedThings} reads a word after it as the town. */
    static final String POSTCODE_AFTER_NUMBER = "\\d[a-zA-Z]?, (?:" + POSTCODE + ")";

    private static final Pattern POSTCODE_AND_TOWN = Pattern.compile(
            "(" + POSTCODE + ") \\p{Lu}\\p{Ll}[\\p{L}'’-]*(?=[.,;:)!?\\n\\r]|$| [a-z(])");

    private static final String WORD = "\\p{Lu}[\\p{L}'’-]*\\.?";
    private static final String LINK = "(?:de|la|le|du|des|der|den|am|an|im|auf|di|da|del|dos|das|van|von|sur|ul\\.)";
    private static final Pattern STREET_AND_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.])((?:ul\\. )?" + WORD + "(?: (?:" + LINK + "|" + WORD + ")){0,4} [1-9]\\d{0,3}[a-zA-Z]?)$");

    /** Words never in a street of this shape: months ("December 12, 2024 Amsterdam"), chapters, articles. */
    private static final Set<String> NOT_STREETS = Set.of("januari", "februari", "maart", "april", "mei", "juni",
            "juli", "augustus", "september", "oktober", "november", "december", "january", "february", "march", "may",
            "june", "july", "august", "october", "artikel", "hoofdstuk", "pagina", "versie", "bijlage", "week");

    /**
     * How far before the comma the street is looked for: five words and a house number fit ("Rue de la Station 14" is
     * 20 characters); a longer street is found by its last words.
     */
    private static final int STREET_REACH = 60;

    record Line(int streetStart, int streetEnd, int postcodeStart, int postcodeEnd) {
    }

    private ForeignAddressLines() {
    }

    static List<Line> find(String text) {
        List<Line> lines = new ArrayList<>();
        for (int i = text.indexOf(", "); i >= 0; i = text.indexOf(", ", i + 2)) {
            if (i == 0 || !Character.isDigit(text.charAt(i - 1)) || i + 3 >= text.length()) {
                continue;
            }
            char next = text.charAt(i + 2);
            if (!(next >= '0' && next <= '9' || next >= 'A' && next <= 'Z')) {
                continue;
            }
            Matcher post = POSTCODE_AND_TOWN.matcher(text).region(i + 2, text.length());
            if (!post.lookingAt()) {
                continue;
            }
            Matcher street = STREET_AND_NUMBER.matcher(text).region(Math.max(0, i - STREET_REACH), i);
            street.useTransparentBounds(true);
            if (!street.find()) {
                continue;
            }
            if (notAStreet(text, street.start(1), street.end(1))) {
                continue;
            }
            lines.add(new Line(street.start(1), street.end(1), post.start(1), post.end(1)));
        }
        return lines;
    }

    /** A word of the street is one of {@link #NOT_STREETS}. */
    private static boolean notAStreet(String text, int start, int end) {
        int i = start;
        while (i < end) {
            int e = i;
            while (e < end && Character.isLetter(text.charAt(e))) {
                e++;
            }
            if (e > i && NOT_STREETS.contains(text.substring(i, e).toLowerCase(Locale.ROOT))) {
                return true;
            }
            i = e + 1;
        }
        return false;
    }
}
