package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import nl.dijkwacht.words.Letters;

/**
 * Gaps a scan leaves inside an address: a street name broken before its street word ({@code Zwaluw straat 30} →
 * {@code Zwaluwstraat 30}, {@code Hindoestaanse  laan  31}), two spaces before the house number ({@code Kerkewijk  190})
 * and between the digits and letters of a postcode ({@code 7131  PK}). Run after the digit repairs, so the house
 * number is digits already. Only these shapes: a capitalised word, a street word that never stands alone in prose
 * ({@code straat}, {@code laan}, not {@code weg} or {@code hof}), a house number right after. Each shape is tried only
 * where its street word or double space stands, never over the whole text.
 */
final class SpacedAddressRepair {

    private static final String STREET_WORDS = "straat|laan|plein|gracht|kade|singel|dreef|steeg|plantsoen";
    private static final String[] SPACED_STREET_WORDS = java.util.Arrays.stream(STREET_WORDS.split("\\|"))
            .map(w -> " " + w).toArray(String[]::new);
    /** From a capitalised word: "Zwaluw straat 30", "Hindoestaanse  laan  31"; groups 1 and 2 are the gaps. */
    private static final Pattern BROKEN_STREET = Pattern.compile(
            "\\p{Lu}\\p{Ll}{2,}( {1,2})(?:" + STREET_WORDS + ")( {1,2})(?=[1-9]\\d{0,4}(?![\\d.,:]))");
    /** From a capitalised word up to a double space: "Kerkewijk  190", "Vlierstraat  21". */
    private static final Pattern WIDE_HOUSE_NUMBER = Pattern.compile(
            "\\p{Lu}\\p{Ll}{2,}(?:" + STREET_WORDS + "|weg|wijk|dijk|hof|pad)  (?=[1-9]\\d{0,4}(?![\\d.,:]))");
    /** From four digits: "7131  PK". */
    private static final Pattern WIDE_POSTCODE = Pattern.compile("[1-9]\\d{3}  (?=[A-Z]{2}(?![\\p{L}\\d]))");

    private SpacedAddressRepair() {
    }

    static List<Edit> edits(String s) {
        List<Edit> edits = null;
        for (String word : SPACED_STREET_WORDS) {
            for (int at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
                int gapStart = at > 1 && s.charAt(at - 1) == ' ' ? at - 1 : at;
                Matcher m = BROKEN_STREET.matcher(s).region(wordStart(s, gapStart), s.length());
                if (gapStart > 0 && m.lookingAt() && m.start(1) == gapStart) {
                    edits = add(edits, new Edit(m.start(1), m.end(1), ""));
                    if (m.end(2) - m.start(2) > 1) {
                        edits = add(edits, new Edit(m.start(2), m.end(2), " "));
                    }
                }
            }
        }
        for (int gap = s.indexOf("  "); gap >= 0; gap = s.indexOf("  ", gap + 2)) {
            if (gap == 0 || gap + 2 >= s.length() || s.charAt(gap + 2) == ' ') {
                continue;
            }
            int from = Character.isDigit(s.charAt(gap - 1)) ? Math.max(0, gap - 4) : wordStart(s, gap);
            Pattern p = Character.isDigit(s.charAt(gap - 1)) ? WIDE_POSTCODE : WIDE_HOUSE_NUMBER;
            Matcher m = p.matcher(s).region(from, s.length());
            if (m.lookingAt() && m.end() == gap + 2 && (from == 0 || !Letters.letterOrDigit(s.charAt(from - 1)))) {
                edits = add(edits, new Edit(gap, gap + 2, " "));
            }
        }
        if (edits == null) {
            return List.of();
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        for (int i = 1; i < edits.size(); i++) {
            if (edits.get(i).start() < edits.get(i - 1).end()) {
                edits.remove(i--); // a gap both shapes read: once
            }
        }
        return edits;
    }

    /** The start of the word that ends right before {@code end}. */
    private static int wordStart(String s, int end) {
        int i = end;
        while (i > 0 && Letters.letter(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static List<Edit> add(List<Edit> edits, Edit e) {
        List<Edit> out = edits == null ? new ArrayList<>() : edits;
        out.add(e);
        return out;
    }
}
