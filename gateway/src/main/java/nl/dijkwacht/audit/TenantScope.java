package nl.dijkwacht.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whose records an auditor may see: those of one tenant. A record belongs to the tenant it names; the default
 * tenant also holds the records that name no other configured tenant (no tenant at all, or a tenant nobody
 * configured — the same rule by which such records go to the default tenant's chain). On a single-tenant gateway
 * the scope adds no condition at all.
 *
 * @param tenant  the tenant, {@code null} for {@link #everything()}
 * @param others  for the default tenant: the ids of the other configured tenants (their records are excluded)
 * @param isDefault whether {@code tenant} is the default tenant
 */
public record TenantScope(String tenant, List<String> others, boolean isDefault) {

    public TenantScope {
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** No tenant condition (internal callers such as retention, and tests). */
    public static TenantScope everything() {
        return new TenantScope(null, List.of(), true);
    }

    /** The default tenant's scope, given the ids of the other tenants. */
    public static TenantScope ofDefault(String tenant, Collection<String> others) {
        return new TenantScope(tenant, new ArrayList<>(others), true);
    }

    /** A tenant besides the default one: its own records only. */
    public static TenantScope of(String tenant) {
        return new TenantScope(tenant, List.of(), false);
    }

    /** The scope of an operator of this tenant ({@code null}: the default tenant). */
    public static TenantScope of(nl.dijkwacht.tenancy.Tenants tenants, String tenantId) {
        nl.dijkwacht.tenancy.Tenant t = tenantId == null ? tenants.defaultTenant() : tenants.find(tenantId).orElse(null);
        if (t == null) {
            return of(tenantId);
        }
        if (!t.isDefault()) {
            return of(t.id());
        }
        return ofDefault(t.id(), tenants.all().stream().filter(o -> !o.isDefault()).map(nl.dijkwacht.tenancy.Tenant::id).toList());
    }

    /** Whether a record naming this tenant (may be {@code null}) is in scope. */
    public boolean includes(String recordTenant) {
        if (tenant == null) {
            return true;
        }
        return isDefault ? recordTenant == null || !others.contains(recordTenant) : tenant.equals(recordTenant);
    }

    /** The condition on column {@code column} (e.g. {@code r.tenant}), or {@code null} for none; adds its parameters. */
    public String condition(String column, List<Object> params) {
        if (tenant == null || isDefault && others.isEmpty()) {
            return null;
        }
        if (!isDefault) {
            params.add(tenant);
            return column + " = ?";
        }
        params.addAll(others);
        return "(" + column + " IS NULL OR " + column + " NOT IN (" + String.join(", ", java.util.Collections.nCopies(others.size(), "?")) + "))";
    }
}
