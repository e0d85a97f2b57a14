package nl.dijkwacht.pii.detect;

/**
 * Kinds of personal data the engine recognises. The label is what a pseudonymised placeholder is
 * called ({@code [PERSOON_1]}) and what refusals name: the type, never the value.
 */
public enum EntityType {
    BSN("BSN"),
    IBAN("IBAN"),
    EMAIL("EMAIL"),
    PHONE("TELEFOON"),
    POSTCODE("POSTCODE"),
    ADDRESS("ADRES"),
    DATE_OF_BIRTH("GEBOORTEDATUM"),
    LICENCE_PLATE("KENTEKEN"),
    ID_DOCUMENT("IDBEWIJS"),
    V_NUMBER("VNUMMER"),
    IP_ADDRESS("IPADRES"),
    KVK("KVK"),
    PERSON("PERSOON"),
    SPECIAL_CATEGORY("BIJZONDER");

    private final String label;

    EntityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
