package nl.dijkwacht.catalog;

import java.util.Locale;

/**
 * What a model in the catalogue is for ({@code role:} in models-config): answering staff ({@code general}, the
 * default) or judging requests for the purpose guard ({@code guard}) — only a guard model may be named as a
 * use-case's {@code purpose-guard: guard-model}.
 */
public enum ModelRole {
    GENERAL,
    GUARD;

    public static ModelRole fromYaml(String value) {
        return value == null ? GENERAL : valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
