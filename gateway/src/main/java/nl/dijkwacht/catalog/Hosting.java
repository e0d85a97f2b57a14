package nl.dijkwacht.catalog;

/** Where a model runs, as its governance record says. Decides which data classes it may receive. */
public enum Hosting {
    /** In the municipality's own data centre (or its shared service centre): nothing leaves. */
    ON_PREMISES("on-premises"),
    /** A cloud provider under EU jurisdiction with a processor agreement. */
    EU_CLOUD("eu-cloud"),
    /** Outside the EU/EEA: never personal data. */
    NON_EU("non-eu");

    private final String yamlName;

    Hosting(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Hosting fromYaml(String value) {
        for (Hosting h : values()) {
            if (h.yamlName.equals(value)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown hosting '" + value + "'");
    }
}
