package nl.dijkwacht.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.identity.IdentityProperties;
import nl.dijkwacht.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up check of how identity providers are bound to tenants (identity49, {@code nl.dijkwacht.identity.IssuerTenants}):
 * a configuration that contradicts itself stops the gateway with one sentence that names the issuers and tenants
 * involved, instead of refusing tokens later for a reason nobody can see.
 * <ul>
 *   <li>an issuer with both {@code tenant} (all its tokens belong to one tenant) and {@code tenants} (its claim names one);</li>
 *   <li>a tenant in {@code tenant} or {@code tenants} that this gateway does not serve (a typo, or upper case);</li>
 *   <li>a tenant that two issuers both have as their fixed {@code tenant};</li>
 *   <li>a tenant with its own issuer ({@code tenant}) that another issuer lists in {@code tenants}, or — for the default
 *       tenant — that another issuer with neither setting would reach.</li>
 * </ul>
 * The last two only on a gateway with several tenants: with one, every issuer can act for that tenant only, so an issuer
 * "of its own" separates nobody (review49: before, a one-tenant gateway with ADFS and Entra ID both fixed to it, or Entra
 * ID fixed to it next to an unbound Google Workspace issuer, no longer started). A gateway with several tenants and an
 * issuer with neither setting is not wrong (its tokens reach the default tenant only) but may be unintended: that is
 * logged as a warning.
 */
final class IssuerTenantsCheck {

    private static final Logger log = LoggerFactory.getLogger(IssuerTenantsCheck.class);

    private IssuerTenantsCheck() {
    }

    static void check(List<IdentityProperties.Issuer> issuers, Tenants tenants) {
        Map<String, String> ownIssuer = new LinkedHashMap<>();
        for (int i = 0; i < issuers.size(); i++) {
            IdentityProperties.Issuer issuer = issuers.get(i);
            String setting = "dijkwacht.identity.issuers[" + i + "]";
            if (issuer.fixedTenant() && !issuer.tenants().isEmpty()) {
                throw new InvalidSettingException(setting + ".tenants", "issuer '" + issuer.id() + "' has both a fixed tenant "
                        + "and a list of tenants its claim may name", "Keep 'tenant' when all its users belong to one "
                        + "organisation; keep 'tenants' when its tenant claim names the organisation (docs/admin-guide.md, "
                        + "\"Tenants bound to identity providers\").");
            }
            if (issuer.fixedTenant()) {
                String tenant = issuer.tenant().strip();
                served(tenants, tenant, setting + ".tenant", issuer.id());
                String other = ownIssuer.putIfAbsent(tenant, issuer.id());
                if (other != null && tenants.several()) {
                    throw new InvalidSettingException(setting + ".tenant", "tenant '" + tenant + "' is the fixed tenant of "
                            + "two issuers, '" + other + "' and '" + issuer.id() + "'", "Give each tenant at most one issuer of "
                            + "its own; an identity provider shared by several organisations names them with 'tenants' and a claim.");
                }
            }
            for (int t = 0; t < issuer.tenants().size(); t++) {
                served(tenants, issuer.tenants().get(t), setting + ".tenants[" + t + "]", issuer.id());
            }
        }
        if (!tenants.several()) {
            return;
        }
        String defaultTenant = tenants.defaultTenant().id();
        for (int i = 0; i < issuers.size(); i++) {
            IdentityProperties.Issuer issuer = issuers.get(i);
            if (issuer.fixedTenant()) {
                continue;
            }
            List<String> reach = issuer.tenants().isEmpty() ? List.of(defaultTenant) : issuer.tenants();
            for (String tenant : reach) {
                String own = ownIssuer.get(tenant);
                if (own != null) {
                    String setting = "dijkwacht.identity.issuers[" + i + "].tenants";
                    throw new InvalidSettingException(setting, "issuer '" + issuer.id() + "' could act for tenant '" + tenant
                            + "', which has an issuer of its own ('" + own + "')" + (issuer.tenants().isEmpty()
                            ? " (an issuer without 'tenant' or 'tenants' acts for the default tenant)" : ""),
                            "A tenant with its own issuer is reachable only through it: remove '" + tenant + "' from the "
                                    + "tenants of '" + issuer.id() + "'" + (issuer.tenants().isEmpty()
                                    ? ", or give '" + issuer.id() + "' the tenants it serves" : "") + ".");
                }
            }
            if (issuer.tenants().isEmpty()) {
                log.warn("dijkwacht.identity.issuers[{}] ('{}') has neither 'tenant' nor 'tenants': its tokens act for the default "
                        + "tenant only, whatever their tenant claim says; list the tenants it may name (docs/admin-guide.md, "
                        + "\"Tenants bound to identity providers\")", i, issuer.id());
            }
        }
    }

    private static void served(Tenants tenants, String tenant, String setting, String issuerId) {
        if (tenants.find(tenant).isEmpty()) {
            throw new InvalidSettingException(setting, "issuer '" + issuerId + "' names tenant '" + tenant + "', which this "
                    + "gateway does not serve", "Use the id of dijkwacht.tenant or of an entry under dijkwacht.tenants "
                    + "(lower-case letters, digits and hyphens).");
        }
    }
}
