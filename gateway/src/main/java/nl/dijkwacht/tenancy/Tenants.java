package nl.dijkwacht.tenancy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.dijkwacht.identity.OperatorAccount;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.ToolPolicy;

/**
 * The tenants this gateway serves: always the default tenant (configured by {@code dijkwacht.tenant},
 * {@code dijkwacht.policies-dir} and {@code dijkwacht.models-dir}, as in a single-tenant setup), plus any under
 * {@code dijkwacht.tenants.<id>}. Which tenant a request belongs to is decided from what was verified — the tenant
 * whose tools.yaml holds the tool key, whose operators.yaml holds the operator key, or the tenant of a verified
 * access token — never from a header.
 */
public final class Tenants {

    /** Allowed tenant ids: they appear in URLs ({@code /transparantie/{tenant}}) and audit chain ids. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Map<String, Tenant> byId;
    private final Tenant defaultTenant;

    /** A tool or operator account found by its key hash, with the tenant whose policy lists it. */
    public record Match<T>(Tenant tenant, T value) {
    }

    public Tenants(List<Tenant> tenants) {
        Map<String, Tenant> map = new LinkedHashMap<>();
        Tenant found = null;
        for (Tenant t : tenants) {
            if (map.put(t.id(), t) != null) {
                throw new IllegalArgumentException("tenant " + t.id() + " configured twice");
            }
            if (t.isDefault()) {
                if (found != null) {
                    throw new IllegalArgumentException("two default tenants");
                }
                found = t;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no default tenant");
        }
        this.byId = Collections.unmodifiableMap(map);
        this.defaultTenant = found;
    }

    /** A single-tenant registry (tests, tools that load one policy directory). */
    public static Tenants single(String id, ActivePolicy policy, nl.dijkwacht.policy.SuspensionStore suspensions) {
        return new Tenants(List.of(new Tenant(id, policy, suspensions, true)));
    }

    public Tenant defaultTenant() {
        return defaultTenant;
    }

    public Optional<Tenant> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** The tenant with this id; {@code null} means the default tenant. */
    public Tenant get(String id) {
        if (id == null) {
            return defaultTenant;
        }
        Tenant t = byId.get(id);
        if (t == null) {
            throw new UnknownTenantException(id);
        }
        return t;
    }

    /** The policy of the tenant with this id ({@code null}: the default tenant). */
    public ActivePolicy policy(String id) {
        return get(id).policy();
    }

    public Collection<Tenant> all() {
        return byId.values();
    }

    /** More than the default tenant. */
    public boolean several() {
        return byId.size() > 1;
    }

    /** Every tool whose key has this SHA-256 hash, in any tenant (more than one is a configuration error). */
    public List<Match<ToolPolicy>> toolsByKeyHash(String keySha256) {
        List<Match<ToolPolicy>> out = new ArrayList<>(1);
        for (Tenant t : byId.values()) {
            t.policy().current().toolByKeyHash(keySha256).ifPresent(tool -> out.add(new Match<>(t, tool)));
        }
        return out;
    }

    /** Every operator account whose key has this SHA-256 hash, in any tenant (more than one is a configuration error). */
    public List<Match<OperatorAccount>> operatorsByKeyHash(String keySha256) {
        List<Match<OperatorAccount>> out = new ArrayList<>(1);
        for (Tenant t : byId.values()) {
            t.policy().current().operators().stream().filter(o -> o.keySha256().equalsIgnoreCase(keySha256)).findFirst()
                    .ifPresent(o -> out.add(new Match<>(t, o)));
        }
        return out;
    }

    /** A tenant id that no configuration names. */
    public static final class UnknownTenantException extends RuntimeException {
        public UnknownTenantException(String id) {
            super("unknown tenant", null, false, false);
        }
    }
}
