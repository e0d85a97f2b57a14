package nl.dijkwacht.catalog;

import java.util.Locale;

/** Approval status of a model in the catalogue. Only {@link #PILOT} and {@link #APPROVED} models are called. */
public enum ModelStatus {
    PILOT,
    APPROVED,
    SUSPENDED,
    RETIRED;

    public boolean usable() {
        return this == PILOT || this == APPROVED;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelStatus fromYaml(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
