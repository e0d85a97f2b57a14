package nl.dijkwacht.pii;

import java.util.List;
import java.util.regex.Pattern;

/** The first-line recognizers for identifiers with a fixed shape: BSN (elfproef), IBAN (mod-97), e-mail. */
public final class StructuredIdentifiers {

    private StructuredIdentifiers() {
    }

    public static List<Recognizer> all() {
        return List.of(bsn(), iban(), email());
    }

    public static Recognizer bsn() {
        return new PatternRecognizer("bsn", EntityType.BSN,
                Pattern.compile("(?<![\\d.])(\\d{4}\\.\\d{2}\\.\\d{3}|\\d{3} \\d{3} \\d{3}|\\d{9})(?![\\d])"),
                new Elfproef(), 0.85);
    }

    public static Recognizer iban() {
        return new PatternRecognizer("iban", EntityType.IBAN,
                Pattern.compile("(?i)\\b([A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\\b"),
                new IbanChecksum(), 0.99);
    }

    public static Recognizer email() {
        return new PatternRecognizer("email", EntityType.EMAIL,
                Pattern.compile("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b"),
                null, 0.99);
    }
}
