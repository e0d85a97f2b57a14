package nl.dijkwacht.pii.detect;

/** The BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11 (and not all zeros). */
public final class Elfproef implements ChecksumValidator {

    @Override
    public String name() {
        return "elfproef (11-test)";
    }

    @Override
    public Validity validate(CharSequence candidate) {
        int sum = 0;
        int digits = 0;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            digits++;
            int weight = digits == 9 ? -1 : 10 - digits;
            sum += weight * d;
        }
        if (digits != 9) {
            return Validity.INVALID;
        }
        return sum != 0 && sum % 11 == 0 ? Validity.VALID : Validity.INVALID;
    }
}
