package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * OCR letters inside a Dutch IBAN: {@code O} → {@code 0} and {@code I}/{@code l} → {@code 1} in the check digits and
 * the account number ({@code NL12ABNA23O4856O47}); the bank code stays letters.
 */
final class IbanLetterRepair {

    private IbanLetterRepair() {
    }

    private static final Pattern OCR_IBAN = Pattern.compile(
            "(?<![A-Za-z0-9])NL[0-9OIl]{2} ?[A-Z]{4} ?(?:[0-9OIl] ?){9}[0-9OIl](?![A-Za-z0-9])");

    /**
     * {@code NL12ABNA23O4856O47}: {@code O} → {@code 0} and {@code I}/{@code l} → {@code 1} in the check digits and
     * the account number of a Dutch IBAN (the bank code stays letters); the IBAN recognizer still checks mod-97.
     * The digit repair above leaves these alone, as the letters are glued to the bank code.
     */
    static List<Edit> edits(String s) {
        return mayNeedEdits(s) ? editsByPattern(s) : List.of();
    }

    /**
     * Whether some "NL" has an {@code O}, {@code I} or {@code l} where a match starting there has digits: its two check
     * digits ({@code +2}, {@code +3}) or its account number (from {@code +8} to at most {@code +29}); {@code +4} to
     * {@code +7} hold the bank code or the space before it. Every edit is such a letter of some match, so without one
     * there is none, and the pattern need not run (regex20: it matched every correct IBAN just to find nothing to do).
     */
    static boolean mayNeedEdits(String s) {
        for (int at = s.indexOf("NL"); at >= 0; at = s.indexOf("NL", at + 1)) {
            int end = Math.min(s.length(), at + 29);
            for (int i = at + 2; i < end; i++) {
                char c = s.charAt(i);
                if ((c == 'O' || c == 'I' || c == 'l') && (i < at + 4 || i >= at + 8)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The edits as the pattern finds them, at every "NL". */
    static List<Edit> editsByPattern(String s) {
        List<Edit> edits = null;
        // tried only where "NL" stands (same matches as find(): the leading look-behind kept the regex engine from
        // skipping ahead to the literal, so find() ran the pattern at every character of the text)
        Matcher m = OCR_IBAN.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = s.indexOf("NL"); at >= 0; at = s.indexOf("NL", at)) {
            if (!m.region(at, s.length()).lookingAt()) {
                at++;
                continue;
            }
            at = m.end();
            int k = m.start() + 2;
            List<Integer> digitPositions = new ArrayList<>(18);
            digitPositions.add(k);
            digitPositions.add(k + 1);
            k += 2;
            if (s.charAt(k) == ' ') {
                k++;
            }
            k += 4; // the bank code stays letters ("RABO", "INGB")
            for (; k < m.end(); k++) {
                if (s.charAt(k) != ' ') {
                    digitPositions.add(k);
                }
            }
            for (int p : digitPositions) {
                char c = s.charAt(p);
                if (c == 'O' || c == 'I' || c == 'l') {
                    if (edits == null) {
                        edits = new ArrayList<>();
                    }
                    edits.add(new Edit(p, p + 1, c == 'O' ? "0" : "1"));
                }
            }
        }
        return edits == null ? List.of() : edits;
    }
}
