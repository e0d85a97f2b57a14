package nl.dijkwacht.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway serving two tenants: the default tenant {@value #A} (the ordinary {@link TestPack}: tools test-tool,
 * other-tool, token-tool; operators test-beheerder, test-auditor) and {@value #B} with a policy directory of its own
 * (tool {@code b-tool}, key {@link #B_TOOL_KEY}; token tool {@code b-token-tool}; operators {@link #B_ADMIN_KEY},
 * {@link #B_AUDITOR_KEY}; use-case {@code b-algemeen} on the shared dry-run model; a limits.yaml with a tenant budget) and the shared model catalogue.
 * Tokens come from the in-process {@link TestIssuer} (one issuer; the {@code tenant} claim names the tenant, and the
 * issuer lists both tenants in {@code tenants}).
 * The tenancy tests extend this class and so share one application context.
 */
public abstract class TwoTenants extends GatewayTestBase {

    public static final String A = "gemeente";
    public static final String B = "gemeente-b";
    public static final String B_TOOL_KEY = "b-tool-key";
    public static final String B_ADMIN_KEY = "b-admin-key";
    public static final String B_AUDITOR_KEY = "b-auditor-key";
    public static final String B_TOKEN_CLIENT = "b-word";

    @DynamicPropertySource
    static void secondTenant(DynamicPropertyRegistry registry) {
        Path dir = writeTenantB();
        registry.add("dijkwacht.tenants." + B + ".policies-dir", dir::toString);
        registry.add("dijkwacht.limits.requests-per-minute", () -> "100000");
        TestIssuer.get().register(registry);
        // the one issuer names both tenants by its claim (identity49: deny by default, so it lists them). Indexed, so that
        // a test class can set the whole list as one value of its own: Spring Boot binds a list from that value when there
        // is one, whichever of the two @DynamicPropertySource methods ran last
        registry.add(ISSUER_TENANTS + "[0]", () -> A);
        registry.add(ISSUER_TENANTS + "[1]", () -> B);
    }

    /** The tenants the test issuer's claim may name; a test class may set it (as one comma-separated value) to a list of its own. */
    protected static final String ISSUER_TENANTS = "dijkwacht.identity.issuers[0].tenants";

    public static Path writeTenantB() {
        try {
            Path policies = Files.createTempDirectory("dijkwacht-tenant-b");
            Files.createDirectories(policies.resolve("use-cases"));
            Files.writeString(policies.resolve("tools.yaml"), """
                    tools:
                      - id: b-tool
                        key-sha256: %s
                        default-use-case: b-algemeen
                      - id: b-token-tool
                        oidc-client-ids: [%s]
                        default-use-case: b-algemeen
                    """.formatted(TestPack.sha256(B_TOOL_KEY), B_TOKEN_CLIENT));
            Files.writeString(policies.resolve("operators.yaml"), """
                    operators:
                      - id: b-beheerder
                        key-sha256: %s
                        roles: [admin]
                        expires: 2099-12-31
                      - id: b-auditor
                        key-sha256: %s
                        roles: [auditor]
                        expires: 2099-12-31
                    """.formatted(TestPack.sha256(B_ADMIN_KEY), TestPack.sha256(B_AUDITOR_KEY)));
            // a tenant budget of B's own (tenant A, the test pack, has no limits.yaml: the built-in limits)
            Files.writeString(policies.resolve("limits.yaml"), """
                    defaults:
                      tool:
                        requests-per-minute: 100000
                      tenant:
                        tokens-per-month: 1000000
                    """);
            Files.writeString(policies.resolve("use-cases/b-algemeen.yaml"), """
                    id: b-algemeen
                    purpose: Tests van de tweede gemeente
                    risk-class: minimal
                    models: [dry-run]
                    pii:
                      default: pseudonymise
                    """);
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A staff token of this tenant (its {@code tenant} claim), with these roles. */
    protected static String token(String tenant, String user, String... roles) {
        return TestIssuer.get().token(Map.of("sub", user, "tenant", tenant, "roles", List.of(roles)));
    }

    /** A staff token of this tenant issued to this tool client ({@code azp}), for tools that send only the token. */
    protected static String toolToken(String tenant, String user, String client) {
        return TestIssuer.get().token(Map.of("sub", user, "tenant", tenant, "azp", client));
    }
}
