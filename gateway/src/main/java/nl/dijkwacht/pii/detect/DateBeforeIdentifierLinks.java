package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule family (tenth round): a date right after a person's name and right before that person's BSN or another
 * identifier is the person's date of birth — "wilson quishpe 19790314 bsn 111222333", "Karel Visser 03-03-1961, BSN
 * …". The bracketed form is {@link FindingLinks}' rule; here no bracket and no birth word, so the identifier word
 * after the date is required ("Piet Smit 12-03-2026 gebeld" stays a date).
 */
final class DateBeforeIdentifierLinks {

    private static final Pattern DATE_THEN_IDENTIFIER = Pattern.compile(
            ",? ((?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
                    + "|(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01]))"
                    + ",? (?i:bsn|burgerservicenummer|a-nummer|v-nummer|iban|rekening)(?![\\p{L}])");

    private DateBeforeIdentifierLinks() {
    }

    static void link(String text, List<Finding> kept, List<Finding> added) {
        for (Finding f : kept) {
            if (f.type() != EntityType.PERSON) {
                continue;
            }
            Matcher m = DATE_THEN_IDENTIFIER.matcher(text).region(f.end(), Math.min(text.length(), f.end() + 40));
            if (m.lookingAt() && FindingLinks.isFree(kept, added, m.start(1), m.end(1))) {
                added.add(new Finding(EntityType.DATE_OF_BIRTH, m.start(1), m.end(1), 0.85, "date-of-birth",
                        "date between a name and an identifier", "person found before it"));
            }
        }
    }
}
