package nl.dijkwacht.policy;

import java.util.Locale;

/**
 * AI Act risk class of a use-case. {@link #PROHIBITED} (art. 5 practices) may be written down to document
 * that a purpose was considered and rejected; every request under such a use-case is refused.
 */
public enum RiskClass {
    MINIMAL,
    LIMITED,
    HIGH,
    PROHIBITED;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RiskClass fromYaml(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
