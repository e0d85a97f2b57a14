package nl.dijkwacht.tenancy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tenants besides the default one, under {@code dijkwacht.tenants.<id>}. Empty (the default): a single-tenant
 * gateway, configured by {@code dijkwacht.tenant}, {@code dijkwacht.policies-dir} and {@code dijkwacht.models-dir}
 * as before. See docs/policy-reference.md, "Tenants".
 *
 * @param tenants tenant id → its directories
 */
@ConfigurationProperties("dijkwacht")
public record TenancyProperties(Map<String, Directories> tenants) {

    public TenancyProperties {
        tenants = tenants == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tenants));
    }

    /**
     * @param policiesDir the tenant's policy directory (use-cases, tools, operators, limits, governance); required
     * @param modelsDir   the tenant's model catalogue; default: the shared {@code dijkwacht.models-dir}
     */
    public record Directories(Path policiesDir, Path modelsDir) {
    }
}
