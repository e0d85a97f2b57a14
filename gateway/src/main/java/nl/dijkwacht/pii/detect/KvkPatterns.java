package nl.dijkwacht.pii.detect;

/**
 * The KvK recognizer: eight digits, reported only for a sole trader ({@link SoleTraderCue}); a company's KvK number
 * is not personal data.
 */
public final class KvkPatterns {

    private KvkPatterns() {
    }

    /**
     * KvK numbers where they identify a person: a sole trader is named in the same passage and no legal person is
     * nearer. The KvK number of a company is not personal data.
     */
    public static Recognizer kvk() {
        ContextEnhancer soleTrader = ContextEnhancer.of("/pii/context/kvk-sole-trader.txt", 250, 150);
        return PatternRecognizer.builder("kvk", EntityType.KVK)
                .context(ContextEnhancer.of("/pii/context/kvk.txt", 50, 0))
                .pattern("8 digits, also `1234 5678`, `12.345.678`, `12 345 678`",
                        "(?<![\\p{L}\\d])(\\d{8}|\\d{4} \\d{4}|\\d{2}\\.\\d{3}\\.\\d{3}|\\d{2} \\d{3} \\d{3})"
                                + "(?![\\p{L}\\d]|[.,]\\d)", 8, 4, 2)
                .veto("**only for sole traders**: a sole-trader word (" + soleTrader.describe()
                                + ") must be nearer than a legal-person word (in a table: in the same row, or, when the row"
                                + " has neither, above the table). A company's KvK number is not personal data.",
                        c -> c.cue().signal() == ContextEnhancer.Signal.POSITIVE
                                && SoleTraderCue.signal(soleTrader, c) != ContextEnhancer.Signal.POSITIVE)
                .scores(0.85, 0, 0)
                .onlyWhenMentioned()
                .build();
    }
}
