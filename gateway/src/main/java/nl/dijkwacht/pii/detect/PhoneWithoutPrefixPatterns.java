package nl.dijkwacht.pii.detect;

/**
 * Phone numbers that lost their prefix: without the leading zero, or with the country code but without {@code +}.
 * Numbers with a prefix are {@link PhoneRecognizer}'s.
 */
public final class PhoneWithoutPrefixPatterns {

    private PhoneWithoutPrefixPatterns() {
    }

    /**
     * Phone numbers as spreadsheets leave them — the leading zero gone ({@code 612345678}) or the country code without
     * {@code +} ({@code 31612345678}) — which only a phone word (or a {@code mobiel} column) makes a phone number.
     */
    public static Recognizer phoneByContext() {
        return PatternRecognizer.builder("phone-context", EntityType.PHONE)
                .context(ContextEnhancer.of("/pii/context/phone.txt", 30, 0))
                .pattern("`31` + nine digits, or nine digits without the leading zero (also `612 345 678`, `612 34 56 78`,"
                                + " `6 2814 4719`, `6 12 34 56 78`)",
                        "(?<![\\p{L}\\d+.,/-])(31[1-9]\\d{8}|[1-9]\\d{8}|[1-9]\\d{2}([ -])\\d{3}\\2\\d{3}"
                                + "|[1-9]\\d{2}([ -])\\d{2}\\3\\d{2}\\3\\d{2}|[1-9]([ -])\\d{4}\\4\\d{4}"
                                + "|[1-9]([ -])\\d{2}\\5\\d{2}\\5\\d{2}\\5\\d{2})"
                                + "(?![\\p{L}\\d]|[.,-]\\d)", 11, 9, 3, 1)
                .scores(0.9, 0, 0)
                .onlyWhenMentioned()
                .note("Never without a phone word or key: nine digits are as often a BSN or a client number.")
                .build();
    }

    /**
     * A Dutch mobile number in international form without its {@code +} ({@code 31687412290}), as SMS gateways,
     * WhatsApp exports and spreadsheets write it. {@code 316} and eight more digits is that shape and little else, so
     * it needs no phone word; a BSN, client or case label rules it out.
     */
    public static Recognizer mobileWithoutPlus() {
        return PatternRecognizer.builder("phone-mobile-compact", EntityType.PHONE)
                .context(ContextEnhancer.of("/pii/context/phone.txt", 30, 0))
                .pattern("`316` + eight digits", "(?<![\\p{L}\\d+.,/-])(316\\d{8})(?![\\p{L}\\d]|[.,-]\\d)", 11)
                .scores(0.9, 0.7, 0)
                .note("A Dutch mobile number without `+` or leading zero; also without a phone word, unless a negative"
                        + " label (`bsn`, `klantnummer`, `kenmerk` …) is nearer.")
                .build();
    }
}
