package nl.dijkwacht.pii.detect;

import java.util.List;

/**
 * The recognizers for identifiers with a fixed shape (everything except person names), in the order the detector
 * runs them. Those that are a pattern, context words, a checksum and scores are declared as data
 * ({@link PatternRecognizer}) in one class per identifier family ({@link BsnPatterns}, {@link DateOfBirthPatterns},
 * {@link PhoneWithoutPrefixPatterns}, {@link DocumentNumberPatterns}, {@link KvkPatterns}); the others are one class
 * each. Context word lists are in {@code /pii/context/}.
 */
public final class StructuredIdentifiers {

    private StructuredIdentifiers() {
    }

    /** In the order the detector runs them (ties between equal findings go to the first). */
    public static List<Recognizer> all() {
        return List.of(BsnPatterns.bsn(), iban(), email(), new PhoneRecognizer(), new PostcodeRecognizer(),
                new AddressRecognizer(), DateOfBirthPatterns.dateOfBirth(), DateOfBirthPatterns.dateOfBirthInWords(),
                DateOfBirthPatterns.dateOfBirthMonthFirst(), DateOfBirthPatterns.dateOfBirthCompact(),
                new LicencePlateRecognizer(),
                DocumentNumberPatterns.idDocument(), new MachineReadableZoneRecognizer(), new DrivingLicenceRecognizer(),
                DocumentNumberPatterns.vNumber(), new IpAddressRecognizer(), KvkPatterns.kvk(),
                PhoneWithoutPrefixPatterns.phoneByContext(), PhoneWithoutPrefixPatterns.mobileWithoutPlus(),
                new FieldRecognizer(), new SpecialCategoryRecognizer());
    }

    public static Recognizer iban() {
        return new IbanRecognizer();
    }

    public static Recognizer email() {
        return new EmailRecognizer();
    }
}
