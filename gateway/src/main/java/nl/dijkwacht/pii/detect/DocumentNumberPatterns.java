package nl.dijkwacht.pii.detect;

/**
 * Numbers of identity documents (passport, identity card, residence document, driving licence) and the IND's
 * V-number, each only with its document word nearby.
 */
public final class DocumentNumberPatterns {

    private DocumentNumberPatterns() {
    }

    /**
     * Numbers of identity documents: Dutch passport and identity-card numbers (two letters, six letters or digits,
     * one digit; never the letter O), foreign ones (two letters and six digits; the Turkish T.C. Kimlik number of
     * eleven digits) and driving-licence numbers (ten digits). These shapes are common in other
     * codes too, so a document word must be near.
     */
    public static Recognizer idDocument() {
        return PatternRecognizer.builder("id-document", EntityType.ID_DOCUMENT)
                .context(ContextEnhancer.of("/pii/context/id-document.txt", 60, 20))
                .pattern("passport / ID-card number (2 letters, 6 letters-or-digits, 1 digit, no `O`; abroad also 1 letter"
                                + " and 7-8 digits; a residence document: 1 letter and 8 letters-or-digits, at least 4 digits)",
                        "(?<![\\p{L}\\d])((?i:[A-NP-Z]{2}[A-NP-Z0-9]{6}\\d)|[A-Z]\\d{7,8}|[A-Z](?=(?:[A-Z]*\\d){4})[A-Z0-9]{8})"
                                + "(?![\\p{L}\\d])",
                        PatternRecognizer.Start.TOKEN)
                .pattern("foreign identity-card or passport number of 2 letters and 6 digits, also parted by a space"
                                + " (a Romanian identity card's series and number, an older Ukrainian passport)",
                        "(?<![\\p{L}\\d])([A-Z]{2} ?\\d{6})(?![\\p{L}\\d])", PatternRecognizer.Start.TOKEN)
                .pattern("Turkish identity number (T.C. Kimlik No, 11 digits)",
                        "(?<![\\p{L}\\d])([1-9]\\d{10})(?![\\p{L}\\d])", 11)
                .context(ContextEnhancer.of("/pii/context/driving-licence.txt", 60, 20))
                .pattern("10-digit driving-licence number", "(?<![\\p{L}\\d])(\\d{10})(?![\\p{L}\\d])", 10)
                .veto("eleven digits count only with a T.C. Kimlik number's check digits (review50: a phone number"
                                + " `316…` or a reference near a document word is none).",
                        c -> TcKimlik.elevenDigits(c.value()) && new TcKimlik().validate(c.value()) != ChecksumValidator.Validity.VALID)
                .scores(0.85, 0, 0)
                .onlyWhenMentioned()
                .note("**Only with a document word nearby**: the shapes are too common in case codes.")
                .build();
    }

    /** V-nummers (vreemdelingennummer of the IND): ten digits, also grouped, next to the word. */
    public static Recognizer vNumber() {
        return PatternRecognizer.builder("v-number", EntityType.V_NUMBER)
                .context(ContextEnhancer.of("/pii/context/v-number.txt", 60, 25))
                .pattern("10 digits, also grouped 4-3-3, 4-4-2 or 2-2-2-2-2",
                        "(?<![\\p{L}\\d])(\\d{10}|\\d{4}[ .]\\d{3}[ .]\\d{3}|\\d{4}[ .]\\d{4}[ .]\\d{2}"
                                + "|\\d{2}[ .]\\d{2}[ .]\\d{2}[ .]\\d{2}[ .]\\d{2})"
                                + "(?![\\p{L}\\d]|[.,]\\d)", 10, 4, 2)
                .scores(0.9, 0, 0)
                .onlyWhenMentioned()
                .build();
    }
}
