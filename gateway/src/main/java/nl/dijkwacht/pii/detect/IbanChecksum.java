package nl.dijkwacht.pii.detect;

/** ISO 13616 mod-97 check: move the first four characters to the end, letters to numbers, remainder must be 1. */
public final class IbanChecksum implements ChecksumValidator {

    @Override
    public String name() {
        return "ISO 13616 mod-97";
    }

    @Override
    public Validity validate(CharSequence candidate) {
        StringBuilder compact = new StringBuilder(34);
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                compact.append(Character.toUpperCase(c));
            }
        }
        if (compact.length() < 15 || compact.length() > 34) {
            return Validity.INVALID;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return Validity.INVALID;
            }
        }
        return remainder == 1 ? Validity.VALID : Validity.INVALID;
    }
}
