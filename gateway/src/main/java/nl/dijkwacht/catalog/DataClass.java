package nl.dijkwacht.catalog;

/**
 * Classes of data a model may receive beyond text without personal data (which every model may receive).
 * {@link #SPECIAL_CATEGORY} (AVG art. 9: health, religion, ethnicity, …) includes {@link #PERSONAL_DATA}.
 */
public enum DataClass {
    PERSONAL_DATA("personal-data"),
    SPECIAL_CATEGORY("special-category");

    private final String yamlName;

    DataClass(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static DataClass fromYaml(String value) {
        for (DataClass c : values()) {
            if (c.yamlName.equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown data class '" + value + "'");
    }
}
