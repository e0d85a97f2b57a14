package nl.dijkwacht.pii.detect;

/**
 * The check digits of a Turkish identity number (T.C. Kimlik No): eleven digits, the first not 0; the tenth is
 * (7 × the sum of the 1st, 3rd, 5th, 7th and 9th − the sum of the 2nd, 4th, 6th and 8th) mod 10, the eleventh the sum
 * of the first ten mod 10. Any other run of eleven digits near a document word (a phone number written 316…, a
 * reference) is no such number (review50).
 */
public final class TcKimlik implements ChecksumValidator {

    @Override
    public String name() {
        return "T.C. Kimlik check digits";
    }

    @Override
    public Validity validate(CharSequence candidate) {
        if (candidate.length() != 11 || candidate.charAt(0) == '0') {
            return Validity.INVALID;
        }
        int odd = 0;
        int even = 0;
        int firstTen = 0;
        for (int i = 0; i < 11; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return Validity.INVALID;
            }
            int d = c - '0';
            if (i < 9) {
                if (i % 2 == 0) {
                    odd += d;
                } else {
                    even += d;
                }
            }
            if (i < 10) {
                firstTen += d;
            }
        }
        int tenth = Math.floorMod(7 * odd - even, 10);
        return tenth == candidate.charAt(9) - '0' && firstTen % 10 == candidate.charAt(10) - '0' ? Validity.VALID : Validity.INVALID;
    }

    /** Whether {@code value} is eleven digits and nothing else: the shape only the Kimlik pattern gives. */
    static boolean elevenDigits(String value) {
        if (value.length() != 11) {
            return false;
        }
        for (int i = 0; i < 11; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
