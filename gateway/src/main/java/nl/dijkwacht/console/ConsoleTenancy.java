package nl.dijkwacht.console;

import java.util.function.Predicate;
import nl.dijkwacht.audit.TenantScope;
import nl.dijkwacht.audit.chain.TenantChains;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.tenancy.Tenant;
import nl.dijkwacht.tenancy.Tenants;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The tenant of the person signed in to the console, and what follows from it: the records they may see (the same
 * {@link TenantScope} as the auditor API), their audit chains and their tenant's policy. A console user of tenant A
 * never sees tenant B's records, holds, complaints or policy.
 */
@Component
public class ConsoleTenancy {

    private final Tenants tenants;
    private final TenantChains chains;

    ConsoleTenancy(Tenants tenants, TenantChains chains) {
        this.tenants = tenants;
        this.chains = chains;
    }

    /** The signed-in user's tenant ({@code null} tenant: the default one). */
    public Tenant tenant(Authentication auth) {
        String id = ConsoleUser.tenantOf(auth);
        return id == null ? tenants.defaultTenant() : tenants.get(id);
    }

    public TenantScope scope(Authentication auth) {
        return TenantScope.of(tenants, tenant(auth).id());
    }

    public ActivePolicy policy(Authentication auth) {
        return tenant(auth).policy();
    }

    /** A single-tenant gateway: every record is the (only) tenant's, so gateway-wide results may be shown. */
    public boolean seesEverything() {
        return !tenants.several();
    }

    /** Whether an audit chain holds the signed-in user's tenant's records. */
    public Predicate<String> ownChain(Authentication auth) {
        String id = tenant(auth).id();
        return chain -> chains.tenantOfChain(chain).equals(id);
    }
}
