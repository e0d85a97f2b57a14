package nl.dijkwacht.pii.detect;

import java.util.List;

/** The recognizers for identifiers with a fixed shape (everything except person names). */
public final class StructuredIdentifiers {

    private StructuredIdentifiers() {
    }

    public static List<Recognizer> all() {
        return List.of(bsn(), iban(), email(), new PhoneRecognizer(), new PostcodeRecognizer(), new AddressRecognizer(),
                new DateOfBirthRecognizer(), new LicencePlateRecognizer(), new IdDocumentRecognizer(),
                new VNumberRecognizer(), new IpAddressRecognizer(), new KvkRecognizer(), new SpecialCategoryRecognizer());
    }

    public static Recognizer bsn() {
        return new BsnRecognizer();
    }

    public static Recognizer iban() {
        return new IbanRecognizer();
    }

    public static Recognizer email() {
        return new EmailRecognizer();
    }
}
