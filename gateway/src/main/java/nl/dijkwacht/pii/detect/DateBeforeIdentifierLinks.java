package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule family (tenth round): a date right after a person's name and right before that person's BSN or another
 * identifier is the person's date of birth — "wilson quishpe 19790314 bsn 111222333", "Karel Visser 03-03-1961, BSN
 * …". The bracketed form is {@link FindingLinks}' rule; here no bracket and no birth word, so the identifier after the
 * date is required ("Piet Smit 12-03-2026 gebeld" stays a date). pii48b: the identifier may also be one found without
 * its label — "Kowalczyk Agnieszka 19910728 999973526", "Ilse Veenstra 4 mei 1963 0513-622918" — and the month may be
 * in words.
 */
final class DateBeforeIdentifierLinks {

    private static final Pattern DATE = Pattern.compile(
            ",? ((?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
                    + "|(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
                    + "|(?:0?[1-9]|[12]\\d|3[01]) (?i:januari|februari|maart|april|mei|juni|juli|augustus|september"
                    + "|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.? (?:19|20)\\d{2})"
                    + ",? ");
    private static final Pattern IDENTIFIER_WORD = Pattern.compile(
            "(?i:bsn|burgerservicenummer|a-nummer|v-nummer|iban|rekening)(?![\\p{L}])");

    private DateBeforeIdentifierLinks() {
    }

    static void link(String text, List<Finding> kept, List<Finding> added) {
        Matcher m = null;
        for (Finding f : kept) {
            if (f.type() != EntityType.PERSON || f.end() + 2 >= text.length()) {
                continue;
            }
            char next = text.charAt(f.end());
            if (next != ' ' && next != ',') {
                continue; // the pattern opens with ",? " — most names are not followed by a date
            }
            if (m == null) {
                m = DATE.matcher(text);
            }
            m.region(f.end(), Math.min(text.length(), f.end() + 40));
            if (m.lookingAt() && identifierAt(text, m.end(), kept)
                    && !DateOfBirthPatterns.laterThanThisYear(m.group(1))
                    && FindingLinks.isFree(kept, added, m.start(1), m.end(1))) {
                added.add(new Finding(EntityType.DATE_OF_BIRTH, m.start(1), m.end(1), 0.85, "date-of-birth",
                        "date between a name and an identifier", "person found before it"));
            }
        }
    }

    /** An identifier's label at {@code at}, or a BSN, phone number, e-mail address or IBAN found there. */
    private static boolean identifierAt(String text, int at, List<Finding> kept) {
        if (IDENTIFIER_WORD.matcher(text).region(at, Math.min(text.length(), at + 20)).lookingAt()) {
            return true;
        }
        int lo = 0;
        int hi = kept.size();
        while (lo < hi) { // kept is sorted by start
            int mid = (lo + hi) >>> 1;
            if (kept.get(mid).start() < at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == kept.size() || kept.get(lo).start() != at) {
            return false;
        }
        EntityType type = kept.get(lo).type();
        return type == EntityType.BSN || type == EntityType.PHONE || type == EntityType.EMAIL
                || type == EntityType.IBAN;
    }
}
