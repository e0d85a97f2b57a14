package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * Gaps a scan leaves inside an address: a street name broken before its street word ({@code Zwaluw straat 30} →
 * {@code Zwaluwstraat 30}, {@code Hindoestaanse  laan  31}), two spaces before the house number ({@code Kerkewijk  190})
 * and between the digits and letters of a postcode ({@code 7131  PK}). Run after the digit repairs, so the house
 * number is digits already. Only these shapes: a capitalised word, a street word that never stands alone in prose
 * ({@code straat}, {@code laan}, not {@code weg} or {@code hof}), a house number right after.
 */
final class SpacedAddressRepair {

    private static final String STREET_WORDS = "straat|laan|plein|gracht|kade|singel|dreef|steeg|plantsoen";
    private static final String[] SPACED_STREET_WORDS = java.util.Arrays.stream(STREET_WORDS.split("\\|"))
            .map(w -> " " + w).toArray(String[]::new);
    /** "Zwaluw straat 30", "Hindoestaanse  laan  31": groups 1 and 2 are the gaps. */
    private static final Pattern BROKEN_STREET = Pattern.compile(
            "(?<![\\p{L}])\\p{Lu}\\p{Ll}{2,}( {1,2})(?:" + STREET_WORDS + ")( {1,2})(?=[1-9]\\d{0,4}(?![\\d.,:]))");
    /** "Kerkewijk  190", "Vlierstraat  21": group 1 is the gap. */
    private static final Pattern WIDE_HOUSE_NUMBER = Pattern.compile(
            "(?<![\\p{L}])\\p{Lu}\\p{Ll}{2,}(?:" + STREET_WORDS + "|weg|wijk|dijk|hof|pad)(  )(?=[1-9]\\d{0,4}(?![\\d.,:]))");
    /** "7131  PK": group 1 is the gap. */
    private static final Pattern WIDE_POSTCODE = Pattern.compile("(?<![\\p{L}\\d])[1-9]\\d{3}(  )(?=[A-Z]{2}(?![\\p{L}\\d]))");

    private SpacedAddressRepair() {
    }

    static List<Edit> edits(String s) {
        List<Edit> edits = null;
        if (mayHoldBrokenStreet(s)) {
            Matcher m = BROKEN_STREET.matcher(s);
            while (m.find()) {
                edits = add(edits, new Edit(m.start(1), m.end(1), ""));
                if (m.end(2) - m.start(2) > 1) {
                    edits = add(edits, new Edit(m.start(2), m.end(2), " "));
                }
            }
        }
        if (s.contains("  ")) {
            for (Pattern p : List.of(WIDE_HOUSE_NUMBER, WIDE_POSTCODE)) {
                Matcher m = p.matcher(s);
                while (m.find()) {
                    edits = add(edits, new Edit(m.start(1), m.end(1), " "));
                }
            }
        }
        if (edits == null) {
            return List.of();
        }
        edits.sort(java.util.Comparator.comparingInt(Edit::start));
        for (int i = 1; i < edits.size(); i++) {
            if (edits.get(i).start() < edits.get(i - 1).end()) {
                edits.remove(i--); // a gap both patterns read: once
            }
        }
        return edits;
    }

    /** A street word standing after a space: the only texts the broken-street pattern is tried on. */
    private static boolean mayHoldBrokenStreet(String s) {
        for (String word : SPACED_STREET_WORDS) {
            if (s.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static List<Edit> add(List<Edit> edits, Edit e) {
        List<Edit> out = edits == null ? new ArrayList<>() : edits;
        out.add(e);
        return out;
    }
}
